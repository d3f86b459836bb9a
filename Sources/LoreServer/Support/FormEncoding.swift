import Foundation

/// `application/x-www-form-urlencoded`, as HTML forms send bodies and most clients write query strings.
enum FormEncoding {
    /// The pairs of `a=1&b=2`, split on `&` and the first `=`, not yet decoded; empty pairs are skipped.
    static func rawPairs(_ text: Substring) -> [(key: Substring, value: Substring)] {
        text.split(separator: "&", omittingEmptySubsequences: true).map { item in
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (parts[0], parts.count > 1 ? parts[1] : "")
        }
    }

    /// `+` as a space and percent escapes decoded; nil when an escape is malformed (`%zz`).
    static func decode(_ s: Substring) -> String? {
        s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}

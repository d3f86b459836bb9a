import Foundation
import Hummingbird
import HummingbirdCore

extension Request {
    /// The query string read as HTML forms and most clients write it (`application/x-www-form-urlencoded`): `+` is a
    /// space and keys are percent-decoded like values. Hummingbird's `uri.queryParameters` keeps `+` as it is, so
    /// `email=+++` (three spaces) would reach validation as three plus signs.
    var query: FlatDictionary<Substring, Substring> {
        guard let raw = uri.query, !raw.isEmpty else { return [:] }
        var pairs: [(key: Substring, value: Substring)] = []
        for item in raw.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = Self.formDecode(parts[0])
            let value = parts.count > 1 ? Self.formDecode(parts[1]) : ""
            pairs.append((key[...], value[...]))
        }
        return FlatDictionary(pairs)
    }

    /// A malformed escape (`%zz`) is kept as written rather than dropped: validation then names it.
    private static func formDecode(_ s: Substring) -> String {
        let spaced = s.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}

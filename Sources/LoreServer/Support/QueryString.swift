import Foundation
import Hummingbird
import HummingbirdCore

extension Request {
    /// The query string read as HTML forms and most clients write it (`application/x-www-form-urlencoded`): `+` is a
    /// space and keys are percent-decoded like values. Hummingbird's `uri.queryParameters` keeps `+` as it is, so
    /// `email=+++` (three spaces) would reach validation as three plus signs.
    var query: FlatDictionary<Substring, Substring> {
        guard let raw = uri.query, !raw.isEmpty else { return [:] }
        // A malformed escape (`%zz`) is kept as written rather than dropped: validation then names it.
        func decoded(_ s: Substring) -> Substring {
            (FormEncoding.decode(s) ?? s.replacingOccurrences(of: "+", with: " "))[...]
        }
        return FlatDictionary(FormEncoding.rawPairs(raw[...]).map { (decoded($0.key), decoded($0.value)) })
    }
}

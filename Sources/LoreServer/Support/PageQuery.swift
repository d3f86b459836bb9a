import Foundation

/// Query strings as pages read and write them.
enum PageQuery {
    /// Reads a page's query parameters with the API's parser: a bad value shows the error page (400) rather than
    /// the API's problem document.
    static func parse<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let p as Problem { throw WebError(status: p.status, messageKey: "msg_error") }
    }

    /// A value written into a link's query string.
    static func encode(_ s: String?) -> String {
        (s ?? "").addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "-_.~"))) ?? ""
    }
}

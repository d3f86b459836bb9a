import Foundation
import Testing

@testable import LoreCore

struct JSONWriterTests {
    /// The writer copies unescaped runs in bulk; every character that must be escaped still is, wherever it falls.
    @Test func stringsAreEscapedAndReadBack() throws {
        let samples = [
            "", "plain", "退款 refund", "\"quoted\"", "back\\slash", "line\nbreak\r\ttab", "\u{0}\u{1}\u{1F}", "end\"",
            "\\",
            "混合\"\\\n\u{7}😀",
        ]
        for sample in samples {
            let bytes = JSONValue.object(["s": .string(sample)]).serialized()
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(!text.unicodeScalars.contains { $0.value < 0x20 }, "raw control character in \(text)")
            let back = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: String]
            #expect(back?["s"] == sample)
        }
        #expect(String(decoding: JSONValue.string("a\"b\u{1}").serialized(), as: UTF8.self) == #""a\"b\u0001""#)
    }
}

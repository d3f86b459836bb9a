import Foundation
import Testing

@testable import LoreCore

/// A translation key has one spelling, in Swift and in the templates (`t("svc_cases")`, `{{t.svc_cases}}`): every key
/// a template names must be in the string tables, or the page would show the raw key.
@Suite struct TemplateKeyTests {
    static let templates = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appending(path: "Sources/LoreServer/Resources/templates")

    @Test func everyKeyATemplateNamesIsTranslated() throws {
        let files = try FileManager.default.contentsOfDirectory(at: Self.templates, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "mustache" }
        #expect(files.count > 20)
        let pattern = /\{\{[#^\/]?t\.([A-Za-z0-9_\-]+)\}\}/
        var missing: [String] = []
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: pattern) where Strings.en[String(match.1)] == nil {
                missing.append("\(file.lastPathComponent): \(match.1)")
            }
        }
        #expect(missing.isEmpty, "\(missing)")
    }

    @Test func keysAreSpelledWithUnderscores() {
        let dotted = Strings.en.keys.filter { $0.contains(".") }
        #expect(dotted.isEmpty, "\(dotted.sorted())")
    }
}

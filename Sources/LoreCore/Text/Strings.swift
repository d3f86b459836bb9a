/// User-interface text, by key: English is complete; Chinese overrides it key by key (`Localizer`). The tables are
/// split by area (`Strings+en.swift` and `Strings+zh.swift` for the CRM core, `+knowledge`, `+service`); a key is
/// spelled the same in Swift (`t("svc_cases")`) and in templates (`{{t.svc_cases}}`).
enum Strings {
    static let en = enCore.merging(knowledgeEn) { a, _ in a }.merging(serviceEn) { a, _ in a }
    static let zh = zhCore.merging(knowledgeZh) { a, _ in a }.merging(serviceZh) { a, _ in a }
}

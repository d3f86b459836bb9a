// The enums a request body may name by raw value (see ``JSONValueDecoder``).
extension CaseStatus: InputChoice {}
extension CasePriority: InputChoice {}
extension CaseChannel: InputChoice {}
extension CaseMessage.Kind: InputChoice {}
extension ArticleType: InputChoice {}
extension ArticleLanguage: InputChoice {}
extension AudienceKind: InputChoice {}
extension Role: InputChoice {}
extension Language: InputChoice {}

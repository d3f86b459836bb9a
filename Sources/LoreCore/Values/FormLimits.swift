/// The length limits of the fixed-shape inputs, stated once: validation reads them here and every page form gets
/// them as `{{limits.<name>}}` for its `maxlength` (record forms take theirs from each field's ``FieldSchema``).
public enum FormLimits {
    public static let caseSubject = CaseInput.maximumSubjectLength
    public static let articleTitle = ArticleInput.maximumTitleLength
    /// Review decisions, feedback and revision notes.
    public static let comment = 2_000
    /// Survey comments and escalation reasons.
    public static let longComment = 5_000

    /// For page templates, by the name they use.
    public static let forPages: [String: Int] = [
        "case_subject": caseSubject, "article_title": articleTitle, "comment": comment, "long_comment": longComment,
    ]
}

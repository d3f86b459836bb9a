/// Who may see and change a knowledge-base article. Pure rules; the store and the pages both apply them.
public enum ArticlePolicy {
    /// Knowledge managers (and administrators) review, publish and archive any article.
    public static func isReviewer(_ p: Principal) -> Bool { reviewerRoles.contains(p.role) }

    public static let reviewerRoles: Set<Role> = [.admin, .knowledgeManager]

    public static func isAuthor(_ p: Principal, of a: Article) -> Bool {
        a.ownerID == p.userID || a.createdBy == p.userID
    }

    /// Published articles are read by their audience; anything else only by its authors and the reviewers — except
    /// candidate solutions (drafts captured from an escalated case), which all staff read so they can reuse them
    /// while the review is pending.
    public static func canRead(_ a: Article, principal p: Principal, reader: Reader) -> Bool {
        if a.status == .published { return a.audience.admits(reader) }
        return p.role.isStaff && (isReviewer(p) || isAuthor(p, of: a) || isCandidateSolution(a))
    }

    public static func isCandidateSolution(_ a: Article) -> Bool {
        a.sourceCaseID != nil && (a.status == .draft || a.status == .inReview)
    }

    /// Any member of staff may write a draft; portal customers may not.
    public static func canCreate(_ p: Principal) -> Bool { p.role.isStaff }

    /// Editing in place: authors while the article is a draft (or back from review), reviewers at any stage but archived.
    /// Everyone else — and authors of a published article — proposes an edit instead.
    public static func canEditInPlace(_ a: Article, principal p: Principal) -> Bool {
        switch a.status {
        case .draft, .inReview: return isReviewer(p) || isAuthor(p, of: a)
        case .published: return isReviewer(p)
        case .archived: return false
        }
    }

    /// Any member of staff may propose an edit to a published article.
    public static func canPropose(_ a: Article, principal p: Principal) -> Bool {
        p.role.isStaff && a.status == .published
    }

    /// Submitting for review, re-verifying and archiving: the article's authors and the reviewers.
    public static func canManage(_ a: Article, principal p: Principal) -> Bool {
        p.role.isStaff && (isReviewer(p) || isAuthor(p, of: a))
    }
}

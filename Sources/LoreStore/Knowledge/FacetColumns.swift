import LoreCore

/// What search facets count for each article in the full-text index — type, language, category, linked products —
/// held in memory by article id, as a search engine keeps "doc values": counting up to 2,000 matches is then a
/// look-up per match in a few dense arrays instead of a join per match in SQL (bench/RESULTS.md §4, session 7).
///
/// Arrays are indexed by article id, which the database assigns in sequence, so they stay dense; about 17 bytes
/// per article (17 MB at a million), plus a small table for articles linked to more than one product.
struct FacetColumns: Sendable {
    /// 0: not in the index; otherwise 1 + type index × 2 + language index (``ArticleType`` and ``ArticleLanguage``
    /// in declaration order).
    private var kinds: [UInt8] = []
    /// The category id, 0 for none (ids start at 1).
    private var categories: [Int64] = []
    /// The first linked product, 0 for none; the others of an article with more than one are in `moreProducts`.
    private var firstProducts: [Int64] = []
    private var moreProducts: [Int64: [Int64]] = [:]
    private(set) var count = 0

    private static let types = ArticleType.allCases
    private static let languages = ArticleLanguage.allCases

    /// Facet values of one indexed article.
    struct Entry: Sendable, Equatable {
        var type: ArticleType
        var language: ArticleLanguage
        var categoryID: Int64?
        var productIDs: [Int64]
    }

    /// Sets (or with nil, removes) what article `id` counts as.
    mutating func set(_ id: Int64, _ entry: Entry?) {
        guard id > 0, id < Int64(Int32.max) else { return }  // the database never assigns such ids; nothing to count
        let i = Int(id)
        if i >= kinds.count {
            guard entry != nil else { return }
            let grown = max(i + 1, kinds.count + kinds.count / 2)
            kinds += Array(repeating: 0, count: grown - kinds.count)
            categories += Array(repeating: 0, count: grown - categories.count)
            firstProducts += Array(repeating: 0, count: grown - firstProducts.count)
        }
        if kinds[i] != 0 { count -= 1 }
        moreProducts[id] = nil
        guard let entry, let t = Self.types.firstIndex(of: entry.type),
            let l = Self.languages.firstIndex(of: entry.language)
        else {
            (kinds[i], categories[i], firstProducts[i]) = (0, 0, 0)
            return
        }
        count += 1
        kinds[i] = UInt8(1 + t * Self.languages.count + l)
        categories[i] = entry.categoryID ?? 0
        firstProducts[i] = entry.productIDs.first ?? 0
        if entry.productIDs.count > 1 { moreProducts[id] = Array(entry.productIDs.dropFirst()) }
    }

    func entry(_ id: Int64) -> Entry? {
        guard id > 0, id < Int64(kinds.count), case let k = Int(kinds[Int(id)]), k != 0 else { return nil }
        let i = Int(id)
        let products = firstProducts[i] == 0 ? [] : [firstProducts[i]] + (moreProducts[id] ?? [])
        return Entry(
            type: Self.types[(k - 1) / Self.languages.count], language: Self.languages[(k - 1) % Self.languages.count],
            categoryID: categories[i] == 0 ? nil : categories[i], productIDs: products)
    }

    /// Facet counts over the matched articles (ids not in the index are skipped), the number counted, and how many
    /// of them pass `filter` — the search's total when the filter has no tag (tags are not held here).
    func count(_ ids: [Int64], filter: ArticleFacetFilter, productLimit: Int = 20) -> (
        facets: ArticleFacets, counted: Int, passing: Int
    ) {
        var kindCounts = [Int](repeating: 0, count: 1 + Self.types.count * Self.languages.count)
        var categoryCounts: [Int64: Int] = [:]
        var productCounts: [Int64: Int] = [:]
        var passing = 0
        let wantedKinds = Set(filter.types.compactMap { Self.types.firstIndex(of: $0) })
        let wantedLanguage = filter.language.flatMap { Self.languages.firstIndex(of: $0) }
        for id in ids {
            guard id > 0, id < Int64(kinds.count) else { continue }
            let i = Int(id)
            let k = Int(kinds[i])
            guard k != 0 else { continue }
            kindCounts[k] += 1
            let category = categories[i]
            if category != 0 { categoryCounts[category, default: 0] += 1 }
            let first = firstProducts[i]
            var linked = false
            if first != 0 {
                productCounts[first, default: 0] += 1
                linked = first == filter.productID
                for p in moreProducts[id] ?? [] {
                    productCounts[p, default: 0] += 1
                    linked = linked || p == filter.productID
                }
            }
            if (wantedKinds.isEmpty || wantedKinds.contains((k - 1) / Self.languages.count))
                && (wantedLanguage.map { $0 == (k - 1) % Self.languages.count } ?? true)
                && (filter.categoryID.map { $0 == category } ?? true) && (filter.productID == nil || linked)
            {
                passing += 1
            }
        }
        var facets = ArticleFacets()
        for (k, n) in kindCounts.enumerated() where n > 0 {
            facets.types[Self.types[(k - 1) / Self.languages.count].rawValue, default: 0] += n
            facets.languages[Self.languages[(k - 1) % Self.languages.count].rawValue, default: 0] += n
        }
        facets.categories = categoryCounts
        // The most linked products, ties by id so that the same matches always show the same list.
        let top = productCounts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(
            productLimit)
        facets.products = Dictionary(uniqueKeysWithValues: top.map { ($0.key, $0.value) })
        return (facets, kindCounts.reduce(0, +), passing)
    }
}

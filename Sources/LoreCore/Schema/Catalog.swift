/// Every record type Lore stores through the generic record store, in dependency order.
public enum Catalog {
    public static let all: [EntitySchema] = [
        departments, teams, competitors,
        accounts, contacts, leads,
        productCategories, products, priceLists, priceListItems,
        pipelineStages, opportunities, contracts, orders, orderLines,
        interactions, tasks,
        articleCategories,
    ]

    private static let byName: [String: EntitySchema] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })
    private static let byPath: [String: EntitySchema] = Dictionary(uniqueKeysWithValues: all.map { ($0.path, $0) })

    public static func entity(_ name: String) -> EntitySchema? { byName[name] }
    public static func entity(path: String) -> EntitySchema? { byPath[path] }

    /// Look up an entity that is known to exist (a programming error otherwise).
    public static subscript(_ name: String) -> EntitySchema {
        guard let e = byName[name] else { preconditionFailure("unknown entity \(name)") }
        return e
    }
}

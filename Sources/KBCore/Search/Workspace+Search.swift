import Foundation

extension Workspace {
    /// The query builder for this workspace: the store's analyzer and the synonyms file.
    public func queryBuilder(for store: Store) throws -> QueryBuilder {
        let source = store.tokenizer.source(for: nil)
        return QueryBuilder(termSource: source)
    }
}

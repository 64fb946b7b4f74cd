/// Whether `kb_unpack`, behind the `tickets.doc` column, may skip its work for the statement running now.
///
/// SQLite computes every generated column of a row it inserts or updates, the VIRTUAL ones included, although it
/// stores none of them: each ticket written would decompress its own document (≈ 2% of an import's CPU) only for
/// SQLite to drop the text. While `Store.upsert` runs its `INSERT`/`UPDATE` of `tickets` (no index, constraint or
/// trigger reads `doc`), `kb_unpack` returns NULL instead; every other statement reads the document as stored.
final class DocumentColumnState {
    /// True only during a statement that writes `tickets` rows.
    var isWritingRows = false

    /// Runs `body` (the statement writing a row) with `kb_unpack` skipping its work.
    func writingRows<T>(_ body: () throws -> T) rethrows -> T {
        isWritingRows = true
        defer { isWritingRows = false }
        return try body()
    }
}

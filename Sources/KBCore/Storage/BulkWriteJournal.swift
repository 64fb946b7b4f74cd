/// The journal a bulk write (`Store.bulkWrite`) went through.
public enum BulkWriteJournal: Sendable, Equatable {
    /// SQLite's write-ahead log, as every other write: readers go on reading the state before it meanwhile.
    case writeAheadLog
    /// A rollback journal, for the first import into a store no other connection had open (`Store.withRollbackJournal`).
    case rollbackJournal
}

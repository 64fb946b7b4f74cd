import Foundation

extension Store {
    /// Bytes of new full-text entries FTS5 gathers in memory before writing them out as a segment (FTS5's default is
    /// 1 MiB). An import writes its tickets in one transaction: with a larger buffer it writes fewer, larger segments
    /// and merges them less (at 10,000 tickets 4 MiB took ≈ 12% off the index's CPU against 1 MiB). At 1,000,000
    /// tickets 16 MiB against 4 cut the inserts that stall the writer for more than 20 ms (a segment written, merges)
    /// from 106 to 34, and their time from 19.5 to 12.8 s; the memory it costs is paid for by the smaller page cache
    /// of `bulkWrite`. Writes of a few tickets flush at commit whatever the size.
    static let ticketIndexBufferBytes = 16 << 20

    /// The stored fingerprint of ticket `id`, nil when there is no such ticket: what a dry run of an import compares
    /// its records with to tell inserted, updated and unchanged apart (on a `.read` store, which writes nothing).
    func storedHash(id: String) throws -> Int64? {
        try connection.cached("SELECT hash FROM tickets WHERE id = ?").first([id]) { $0.int64(0) }
    }

    /// True when the store holds no ticket; inside an import's transaction, whether every record it reads is new
    /// unless its id came earlier in the same import (see `upsert(_:insertingFirst:)`).
    func holdsNoTickets() throws -> Bool {
        try connection.cached("SELECT NOT EXISTS (SELECT 1 FROM tickets)").first { $0.int(0) != 0 } ?? false
    }

    /// How many segments of one size FTS5 lets gather before it merges them, during an import: its maximum, where its
    /// default is 4. With `ticketIndexBufferBytes` a 1,000,000-ticket import writes about 40 segments; merged four at a
    /// time they were written again at every level (9 segments over three levels at the end), sixteen at a time once
    /// (5 segments over two levels), and the import took ≈ 5% less time (1M, two runs each in turn: 61.3 and 58.1 s
    /// against 56.9 and 56.4 s; at eight, 15 segments were left). What a level holds beyond
    /// `finishedLevelSegments` at the end is merged then (see `finishTicketIndexBulkWrite`).
    static let bulkWriteAutomerge = 16
    /// FTS5's own settings, which later writes (a few tickets each, their segments small) go back to.
    static let defaultAutomerge = 4
    static let defaultUsermerge = 4
    /// The most segments an import leaves on a level of the ticket index: as many as merging four at a time leaves.
    static let finishedLevelSegments = 4

    /// Sets up the ticket index for a bulk write, inside its transaction (so a rolled-back import leaves even these
    /// settings as they were): FTS5's write buffer at `ticketIndexBufferBytes`, kept in the index's configuration, and
    /// its merges at `bulkWriteAutomerge` until `finishTicketIndexBulkWrite`.
    func prepareTicketIndexForBulkWrite() throws {
        ticketPostingsWriter.spillToRuns(besides: path)
        try setTicketIndex("automerge", Self.bulkWriteAutomerge)
        let current = try connection.cached("SELECT v FROM tickets_fts_config WHERE k = 'hashsize'").first { $0.int64(0) }
        guard current != Int64(Self.ticketIndexBufferBytes) else { return }
        try setTicketIndex("hashsize", Self.ticketIndexBufferBytes)
    }

    /// Ends a bulk write, before its commit: a level left with more than `finishedLevelSegments` segments and no merge
    /// under way (an import of 5 to 15 segments' worth, ≈ 125,000 to 400,000 tickets, merges nothing on the way) is
    /// merged into one — the entries written again once, as merging four at a time would have, into fewer segments for
    /// searches to read —, and later writes merge as FTS5 does by default.
    func finishTicketIndexBulkWrite() throws {
        let crowded = try ticketIndexLevels().filter { $0.merging == 0 && $0.segmentPages.count > Self.finishedLevelSegments }
        if !crowded.isEmpty {
            // FTS5's 'merge' merges the fullest level holding at least `usermerge` segments for up to the given number of
            // pages, then goes on to whatever merge is under way elsewhere: the budget is those levels' own pages (a
            // merge writes about as many as it reads), so a small import into a large store never finishes a merge of
            // gigabytes that its automerge would have spread over later writes.
            let pages = crowded.reduce(0) { $0 + $1.segmentPages.reduce(0, +) }
            try setTicketIndex("usermerge", Self.finishedLevelSegments + 1)
            try setTicketIndex("merge", pages + pages / 8)
            try setTicketIndex("usermerge", Self.defaultUsermerge)
        }
        try setTicketIndex("automerge", Self.defaultAutomerge)
    }

    /// The ticket index's levels from FTS5's structure record (rowid 10 of its data table): for each, the segments
    /// being merged into the next and each segment's leaf pages. Empty when the record is missing or in a format this
    /// does not read (a four-byte cookie, then varints: levels, segments, a write counter, and for each level the
    /// segments being merged and its segment count, then each segment's id, first and last page).
    func ticketIndexLevels() throws -> [(merging: Int, segmentPages: [Int])] {
        guard let record = try connection.cached("SELECT block FROM tickets_fts_data WHERE id = 10")
            .first([], { row -> [UInt8] in row["block"] }), record.count > 4 else { return [] }
        let values = Store.varints(Array(record.dropFirst(4)))
        guard let levelCount = values.first, levelCount >= 0, levelCount < 64, values.count >= 3 else { return [] }
        var levels: [(merging: Int, segmentPages: [Int])] = []
        var position = 3
        for _ in 0..<levelCount {
            guard position + 1 < values.count else { return [] }
            let merging = Int(values[position]), segments = Int(values[position + 1])
            guard segments >= 0, position + 2 + 3 * segments <= values.count else { return [] }
            let pages = (0..<segments).map { Int(values[position + 4 + 3 * $0] - values[position + 3 + 3 * $0] + 1) }
            levels.append((merging, pages))
            position += 2 + 3 * segments
        }
        return levels
    }

    /// Runs one of FTS5's special inserts on the ticket index (a setting, or a command and its argument).
    private func setTicketIndex(_ command: String, _ value: Int) throws {
        try connection.cached("INSERT INTO tickets_fts(tickets_fts, rank) VALUES (?, ?)").execute([command, value])
    }
}

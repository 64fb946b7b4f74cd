import Foundation
import KBCore

extension ScaleBenchmark {
    /// Prints what each table and index of kb's store and of the raw FTS5 file occupies (SQLite's `dbstat`, as
    /// `sqlite3_analyzer` counts it), largest first, so a size target can be traced to the part that costs it.
    func storeAccounting(databasePath: String, rawPath: String) throws {
        for (label, path) in [("kb", databasePath), ("raw FTS5", rawPath)] {
            let connection = try Connection(path: path, mode: .readOnly)
            defer { try? connection.close() }
            let parts = try connection.prepare(
                "SELECT name, sum(pgsize), sum(payload) FROM dbstat GROUP BY name ORDER BY 2 DESC, name"
            ).map { ($0.text(0), $0.int64(1), $0.int64(2)) }
            let total = parts.reduce(0) { $0 + $1.1 }
            print("\(label) store by part (MB on disk, MB of payload, share): \(fixed(Double(total) / 1e6, 1)) MB")
            for (name, pages, payload) in parts where pages > 0 {
                print("  \(name.padding(toLength: 28, withPad: " ", startingAt: 0)) \(fixed(Double(pages) / 1e6, 1).leftPadded(9))"
                      + " \(fixed(Double(payload) / 1e6, 1).leftPadded(9)) \(fixed(Double(pages) / Double(max(total, 1)) * 100, 1).leftPadded(6))%")
            }
        }
    }
}

import Foundation
import Testing
import KBCore
import KBTestSupport
@testable import KBCommands

/// `kb import --dry-run` reads and checks everything, writes nothing (not even the database), and says in one run
/// what a mapping lacks: every missing required field, the distinct values no map knows with their counts, the first
/// errors of each kind. A normal import with thousands of unknown values prints a few of each kind and that summary.
@Suite struct ImportDryRunTests {
    static let rows = 500

    static func workspace(mapping: String? = nil) throws -> (TemporaryDirectory, SupportExportCSV) {
        let directory = try TemporaryDirectory()
        try directory.makeWorkspace()
        let export = SupportExportCSV(rows: rows)
        try directory.write("export.csv", export.text)
        if let mapping { try directory.write("mapping.json", mapping) }
        return (directory, export)
    }

    static var databasePath: (TemporaryDirectory) -> String {
        { $0.url.appendingPathComponent(".kb/kb.sqlite").path }
    }

    /// The values line of a field in the summary, e.g. `Medium 131, High 128, …` most frequent first.
    static func valuesLine(_ counts: [String: Int]) -> String {
        counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    }

    /// Without any mapping, one run names every missing required field and shows the columns no field reads that have
    /// few distinct values, with their counts: the priorities and statuses are there before a mapping names them.
    @Test func everyMissingRequiredFieldAtOnceAndNothingWritten() throws {
        let (directory, export) = try Self.workspace()
        let result = runKB(["import", "--dry-run", "export.csv"], in: directory.url)
        #expect(result.code == 1)
        #expect(result.stdout.contains("dry run: nothing was written"))
        #expect(result.stdout.contains("export.csv:1: error: no column for the required fields 'id', 'title', 'severity', 'status', 'created_at'"))
        #expect(result.stdout.contains("read \(Self.rows), inserted 0, updated 0, unchanged 0, rejected \(Self.rows)"))
        #expect(result.stdout.contains("\n  export.csv \"Ticket Priority\": " + Self.valuesLine(export.priorityCounts) + "\n"))
        #expect(result.stdout.contains("\n  export.csv \"Ticket Status\": " + Self.valuesLine(export.statusCounts) + "\n"))
        // Columns with many distinct values (names, e-mails, dates) are left out.
        #expect(!result.stdout.contains("\"Customer Email\": "))
        #expect(!result.stdout.contains("\"Date of Purchase\": "))
        #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent(".kb").path))

        let json = runKB(["import", "--dry-run", "--json", "export.csv"], in: directory.url)
        let critical = export.priorityCounts["Critical"] ?? 0
        #expect(json.stdout.contains("\"column_values\":[{\"file\":\"export.csv\",\"column\":"))
        #expect(json.stdout.contains("{\"file\":\"export.csv\",\"column\":\"Ticket Priority\",\"values\":["))
        #expect(json.stdout.contains("{\"value\":\"Critical\",\"count\":\(critical)}"))
    }

    /// The issue's case: required fields mapped, values not: the distinct priorities and statuses with their counts.
    @Test func distinctUnknownValuesWithCounts() throws {
        let mapping = """
            {"timezone": "UTC", "fields": {"id": "Ticket ID", "title": "Ticket Subject", "description": "Ticket Description",
             "severity": "Ticket Priority", "status": "Ticket Status", "created_at": "Date of Purchase"}}
            """
        let (directory, export) = try Self.workspace(mapping: mapping)
        let result = runKB(["import", "--dry-run", "--mapping", "mapping.json", "export.csv"], in: directory.url)
        #expect(result.code == 1)
        #expect(result.stderr == "")
        #expect(result.stdout.contains("  severity (column \"Ticket Priority\"): " + Self.valuesLine(export.priorityCounts) + "\n"))
        // "Closed" is kb's own status name, capitalised: only the others are unknown.
        let unknownStatuses = export.statusCounts.filter { $0.key != "Closed" }
        #expect(result.stdout.contains("  status (column \"Ticket Status\"): " + Self.valuesLine(unknownStatuses) + "\n"))
        // Every row has an unknown priority, most an unknown status: each kind is counted and quoted on its own, the
        // first three of each, each quote naming only its own problem.
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let kinds = ["severity (column \"Ticket Priority\")", "status (column \"Ticket Status\")"]
        let counts = [Self.rows, unknownStatuses.values.reduce(0, +)]
        for (kind, count) in zip(kinds, counts) {
            let header = try #require(lines.firstIndex(of: "  \(kind): \(count)"), "\(result.stdout)")
            let quoted = lines[(header + 1)...].prefix { $0.hasPrefix("    export.csv:") }
            #expect(quoted.count == 3)
            for other in kinds where other != kind {
                #expect(quoted.allSatisfy { $0.contains(": error: \(kind): ") && !$0.contains(other) }, "\(quoted)")
            }
        }
        #expect(lines.filter { $0.hasPrefix("    export.csv:") }.count == 6)
        #expect(!FileManager.default.fileExists(atPath: Self.databasePath(directory)))

        let json = runKB(["import", "--dry-run", "--json", "--mapping", "mapping.json", "export.csv"], in: directory.url)
        #expect(json.stdout.hasPrefix("{\"dry_run\":true,\"read\":\(Self.rows),"))
        let critical = export.priorityCounts["Critical"] ?? 0
        #expect(json.stdout.contains("{\"value\":\"Critical\",\"count\":\(critical)}"))
    }

    /// Against an existing database a dry run tells inserted, updated and unchanged apart, and leaves the file as it was.
    @Test func countsAgainstTheExistingStore() throws {
        let (directory, _) = try Self.workspace(mapping: SupportExportCSV.mappingJSON)
        #expect(runKB(["import", "--mapping", "mapping.json", "export.csv"], in: directory.url).code == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: Self.databasePath(directory)))
        try directory.write("more.csv", SupportExportCSV(rows: Self.rows + 20).text.replacingOccurrences(of: "Name 3,", with: "Otro 3,"))
        let result = runKB(["import", "--dry-run", "--mapping", "mapping.json", "more.csv"], in: directory.url)
        #expect(result.code == 0, "\(result.stdout)")
        // Twenty new rows, one changed (its customer name is kept as extra text), the rest as stored.
        #expect(result.stdout.contains("read \(Self.rows + 20), inserted 20, updated 1, unchanged \(Self.rows - 1), rejected 0"),
                "\(result.stdout)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: Self.databasePath(directory))) == before)
    }

    /// A normal import with a value map missing: a few lines per kind on standard error, the summary on standard output.
    @Test func normalImportSummarisesInsteadOfFloodingStandardError() throws {
        let mapping = SupportExportCSV.mappingJSON.replacingOccurrences(of: #""values": {"Critical": 1, "High": 2, "Medium": 3, "Low": 4}"#,
                                                                       with: #""values": {"Critical": 1}"#)
        let (directory, export) = try Self.workspace(mapping: mapping)
        let result = runKB(["import", "--mapping", "mapping.json", "export.csv"], in: directory.url)
        #expect(result.code == 1)
        let rejected = Self.rows - (export.priorityCounts["Critical"] ?? 0)
        #expect(result.stderr.split(separator: "\n").count == 10)
        #expect(result.stdout.contains("rejected records by kind:\n  severity (column \"Ticket Priority\"): \(rejected)\n"))
        var unknown = export.priorityCounts
        unknown["Critical"] = nil
        #expect(result.stdout.contains("  severity (column \"Ticket Priority\"): " + Self.valuesLine(unknown)))
    }
}

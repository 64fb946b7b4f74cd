import Foundation
import KBCore

/// `kb index`: mirrors kb/articles into the search index.
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "index",
        abstract: "Reindex the articles in kb/articles that changed since the last run.",
        discussion: """
            Compares each file's content hash with the indexed one: only changed files are parsed and
            reindexed, removed files are dropped. A malformed article is reported as PATH:LINE: error: …
            and skipped (its previous version stays indexed); the others are indexed. The phrases of several
            words in kb/synonyms.txt are listed in the ticket index (new ones built from the stored tickets,
            removed ones dropped), so searches expanding to them read their own lists. With --json:
            {"added":[…],"changed":[…],"removed":[…],"unchanged":N,"invalid":[{"file","line","reason"}…],
            "phrases":{"indexed":N,"added":[…],"removed":[…],"tickets_read":N}}.
            """,
        examples: ["kb index", "kb index --json"])

    @OptionGroup var output: JSONOption

    func run(_ context: CommandContext) throws -> Int32 {
        let report = try context.knowledgeBase().index()
        for error in report.invalid { context.stderr.line(error.description) }
        if output.json {
            context.printJSON(report)
        } else {
            context.stdout.line("added \(report.added.count), changed \(report.changed.count), removed \(report.removed.count), "
                + "unchanged \(report.unchanged.count), invalid \(report.invalid.count)")
            for path in report.added { context.stdout.line("  added    \(path)") }
            for path in report.changed { context.stdout.line("  changed  \(path)") }
            for path in report.removed { context.stdout.line("  removed  \(path)") }
            if report.phrases.changed {
                context.stdout.line("synonym phrases: \(report.phrases.indexed) indexed (added \(report.phrases.added.count), removed "
                    + "\(report.phrases.removed.count), \(report.phrases.ticketsRead) tickets read)")
                for phrase in report.phrases.added { context.stdout.line("  added    \"\(phrase)\"") }
                for phrase in report.phrases.removed { context.stdout.line("  removed  \"\(phrase)\"") }
            }
        }
        return report.invalid.isEmpty ? KB.success : KB.failure
    }
}

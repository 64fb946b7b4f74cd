import Foundation
import KBCore

/// `kb gaps`: what the knowledge base is missing.
struct GapsCommand: Subcommand {
    static let spec = CommandSpec(
        name: "gaps",
        abstract: "Find clusters of solved tickets no article covers, with the link rate and article reuse.",
        discussion: """
            Looks at tickets resolved or closed since DATE (default: 180 days ago). A ticket is
            covered when it links an indexed article (its 'articles' field or 'kb article link'), or
            when an article found with its title carries at least 60% of the title's weight (each
            word weighs its idf in the ticket index; the reference is the ticket's own best match,
            itself). Uncovered tickets are grouped per service by the similarity of their most
            characteristic words, and the groups are ranked by size, recent tickets (last 30 days)
            counting double. Also prints the link rate (share of solved tickets linking an article)
            and how many tickets linked each indexed article.
            """,
        options: [
            .value("--since", valueName: "DATE", help: "Tickets solved on or after DATE (YYYY-MM-DD; default 180 days ago)."),
            .value("--limit", valueName: "N", help: "Show the first N clusters (default 10)."),
            .flag("--json", help: "Print the report as JSON."),
        ],
        examples: ["kb gaps", "kb gaps --since 2026-01-01 --limit 20 --json"])

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        let since = try arguments.value("--since").map { try SearchCommand.day($0, option: "--since") }
        var options = KnowledgeGaps.Options(now: context.now, since: since)
        options.limit = try arguments.int("--limit", default: 10, range: 1...10_000)
        let workspace = try context.workspace(arguments)
        let store = try workspace.openStore(.read)
        defer { try? store.close() }
        let report = try KnowledgeGaps(store: store, builder: try workspace.queryBuilder(for: store)).analyze(options)
        if arguments.flag("--json") {
            context.stdout.line(report.jsonText)
            return KB.success
        }
        print(report, to: context.stdout)
        return KB.success
    }

    /// Ticket ids listed per cluster in the text report.
    static let maximumIDs = 12

    private static func print(_ report: KnowledgeGapReport, to out: OutputStream) {
        out.line("Knowledge gaps since \(report.since.day()): \(report.solvedTickets) solved tickets, "
            + "\(report.linkedTickets) linked to an article, \(report.matchedTickets) answered by an article, "
            + "\(report.uncoveredTickets) uncovered in \(report.clusterCount) \(report.clusterCount == 1 ? "cluster" : "clusters")")
        if report.clusters.isEmpty {
            out.line("  no gaps: every solved ticket of the period is covered")
        }
        for cluster in report.clusters {
            let service = cluster.service ?? "no service"
            let size = cluster.tickets.count
            out.line()
            out.line("\(cluster.rank). \(cluster.suggestedTitle)")
            out.line("   \(service), \(size) \(size == 1 ? "ticket" : "tickets"), \(cluster.recentCount) in the last "
                + "\(report.recentDays) days; terms: \(cluster.terms.joined(separator: ", "))")
            // A big cluster would bury the report under ids: the text shows the latest few, --json all.
            let shown = cluster.tickets.suffix(maximumIDs).map(\.id).joined(separator: " ")
            out.line("   " + (size > maximumIDs ? "… \(size - maximumIDs) earlier, then " : "") + shown)
        }
        if report.clusterCount > report.clusters.count {
            out.line()
            out.line("(\(report.clusterCount - report.clusters.count) more clusters; use --limit)")
        }
        out.line()
        out.line("Link rate: \(report.linkRate.linked) of \(report.linkRate.tickets) solved tickets link an article ("
            + JSONWriter.format(report.linkRate.rate * 100, decimals: 1) + "%)")
        out.line()
        out.line("Reuse (tickets of the period linking each article):")
        if report.reuse.isEmpty { out.line("  none") }
        for article in report.reuse {
            out.line("  \(article.id)  \(article.tickets)  \(article.title)")
        }
        out.line()
        out.line("Never reused: " + (report.neverReused.isEmpty ? "none" : report.neverReused.map(\.id).joined(separator: ", ")))
    }
}

import Foundation
import KBCore

/// `kb gaps`: what the knowledge base is missing.
struct GapsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "gaps",
        abstract: "Find clusters of solved tickets no article covers, with the link rate and article reuse.",
        discussion: """
            Looks at tickets resolved or closed since DATE (default: \(KnowledgeGaps.Options.defaultPeriodDays) days
            ago). A ticket is covered when it links an indexed article (its 'articles' field or 'kb article link'), or
            when an article found with its title carries at least 60% of the title's weight (each
            word weighs its idf in the ticket index; the reference is the ticket's own best match,
            itself). Uncovered tickets are grouped per service by the similarity of their most
            characteristic words, and the groups are ranked by size, recent tickets (last 30 days)
            counting double. Also prints the link rate (share of solved tickets linking an article)
            and how many tickets linked each indexed article. With --json: {"since","now","recent_days",
            "tickets","coverage_threshold","similarity_threshold","cluster_count","clusters","link_rate",
            "reuse","never_reused"}.
            """,
        examples: ["kb gaps", "kb gaps --since 2026-01-01 --limit 20 --json"])

    @Option(help: "Tickets solved on or after DATE (default: \(KnowledgeGaps.Options.defaultPeriodDays) days ago).")
    var since: Timestamp?
    @Option(help: "Show the first N clusters.", range: 1...10_000) var limit = GapsRequest.defaultLimit
    @OptionGroup var output: JSONOption

    func run(_ context: CommandContext) throws -> Int32 {
        let report = try context.knowledgeBase().gaps(GapsRequest(since: since, limit: limit))
        output.print(report, or: report.terminalText, to: context)
        return KB.success
    }
}

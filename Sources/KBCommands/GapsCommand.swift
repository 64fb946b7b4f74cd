import Foundation
import KBCore

/// `kb gaps`: what the knowledge base is missing.
struct GapsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "gaps",
        abstract: "Find clusters of solved tickets with one cause that no validated article covers, with the link rate.",
        discussion: """
            Looks at tickets resolved or closed since DATE (default: \(KnowledgeGaps.Options.defaultPeriodDays) days
            ago). A ticket that links an indexed article (its 'articles' field or 'kb article link') is linked.
            Any other ticket is answered when a validated article of its service (or a general one) states its
            subject and explains its cause: the article's title, problem and tags hold 60% of the weight of the
            ticket's symptom words, or the ticket holds 60% of the article title's (30% when the article holds
            60% of the cause), and the article holds 40% of the weight of the ticket's root-cause and resolution
            words (its symptoms when it states no cause). Words are compared as search analyses them (stems,
            the workspace's synonyms) and weigh their idf. Answered tickets are not gaps: they are listed per
            article as link-rate findings (the article exists, the tickets do not link it). The rest are grouped
            per service into clusters of one cause: shared symptom words and shared cause words, or the same
            cause words alone, never symptom words only; a cluster a validated article answers as a whole is a
            finding too. Clusters are ranked by size, recent tickets (last 30 days) counting double, and show
            their typical cause and any wip or not-validated article that would cover them. Also prints the link
            rate (share of solved tickets linking an article) and how many tickets linked each indexed article.
            With --json: {"since","now","recent_days","tickets","coverage_threshold","evidence_threshold",
            "similarity_threshold","cluster_count","clusters","link_rate","link_findings","reuse","never_reused"}.
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

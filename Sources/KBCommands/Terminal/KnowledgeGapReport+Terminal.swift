import KBCore

extension KnowledgeGapReport {
    /// Ticket ids listed per cluster: a big cluster would bury the report under ids, so the text shows the latest
    /// few and `--json` all.
    static let maximumIDs = 12

    /// The report as `kb gaps` prints it: the period's counts, each cluster, the link rate with the articles that
    /// answer tickets which do not link them, and article reuse.
    var terminalText: String {
        var lines = ["Knowledge gaps since \(since.day()): \(solvedTickets) solved tickets, \(linkedTickets) linked to an "
            + "article, \(matchedTickets) answered by a validated article without linking it, \(uncoveredTickets) uncovered in "
            + "\(clusterCount) " + (clusterCount == 1 ? "cluster" : "clusters")]
        if clusters.isEmpty { lines.append("  no gaps: every solved ticket of the period is covered") }
        for cluster in clusters {
            let size = cluster.tickets.count
            lines += ["", "\(cluster.rank). \(cluster.suggestedTitle)",
                      "   \(cluster.service ?? "no service"), \(size) \(size == 1 ? "ticket" : "tickets"), \(cluster.recentCount) "
                        + "in the last \(recentDays) days; terms: \(cluster.terms.joined(separator: ", "))"]
            if !cluster.cause.isEmpty { lines.append("   cause: \(cluster.cause)") }
            if let pending = cluster.pendingArticle {
                lines.append("   article in progress: \(pending.id) (\(pending.state)) \(pending.title)")
            }
            lines.append("   " + Self.ids(cluster.tickets))
        }
        if clusterCount > clusters.count { lines += ["", "(\(clusterCount - clusters.count) more clusters; use --limit)"] }
        lines += ["", "Link rate: \(linkRate.linked) of \(linkRate.tickets) solved tickets link an article ("
            + JSONWriter.format(linkRate.rate * 100, decimals: 1) + "%)"]
        if !linkFindings.isEmpty {
            lines.append("Not gaps: validated articles answer these tickets, which do not link them (link them, or ask why "
                + "agents did not use the article):")
        }
        for finding in linkFindings {
            let size = finding.tickets.count
            lines += ["  \(finding.articleID)  \(size) \(size == 1 ? "ticket" : "tickets")  \(finding.title)",
                      "    " + Self.ids(finding.tickets)]
        }
        lines += ["", "Reuse (tickets of the period linking each article):"]
        if reuse.isEmpty { lines.append("  none") }
        lines += reuse.map { "  \($0.id)  \($0.tickets)  \($0.title)" }
        lines += ["", "Never reused: " + (neverReused.isEmpty ? "none" : neverReused.map(\.id).joined(separator: ", "))]
        return lines.map { $0 + "\n" }.joined()
    }

    /// The latest `maximumIDs` ticket ids, saying how many earlier ones are left out.
    private static func ids(_ tickets: [GapCluster.Member]) -> String {
        let shown = tickets.suffix(maximumIDs).map(\.id).joined(separator: " ")
        return (tickets.count > maximumIDs ? "… \(tickets.count - maximumIDs) earlier, then " : "") + shown
    }
}

import KBCore

extension KnowledgeGapReport {
    /// Ticket ids listed per cluster: a big cluster would bury the report under ids, so the text shows the latest
    /// few and `--json` all.
    static let maximumIDs = 12

    /// The report as `kb gaps` prints it: the period's counts, each cluster, the link rate and article reuse.
    var terminalText: String {
        var lines = ["Knowledge gaps since \(since.day()): \(solvedTickets) solved tickets, \(linkedTickets) linked to an "
            + "article, \(matchedTickets) answered by an article, \(uncoveredTickets) uncovered in \(clusterCount) "
            + (clusterCount == 1 ? "cluster" : "clusters")]
        if clusters.isEmpty { lines.append("  no gaps: every solved ticket of the period is covered") }
        for cluster in clusters {
            let size = cluster.tickets.count
            let shown = cluster.tickets.suffix(Self.maximumIDs).map(\.id).joined(separator: " ")
            lines += ["", "\(cluster.rank). \(cluster.suggestedTitle)",
                      "   \(cluster.service ?? "no service"), \(size) \(size == 1 ? "ticket" : "tickets"), \(cluster.recentCount) "
                        + "in the last \(recentDays) days; terms: \(cluster.terms.joined(separator: ", "))",
                      "   " + (size > Self.maximumIDs ? "… \(size - Self.maximumIDs) earlier, then " : "") + shown]
        }
        if clusterCount > clusters.count { lines += ["", "(\(clusterCount - clusters.count) more clusters; use --limit)"] }
        lines += ["", "Link rate: \(linkRate.linked) of \(linkRate.tickets) solved tickets link an article ("
            + JSONWriter.format(linkRate.rate * 100, decimals: 1) + "%)", "", "Reuse (tickets of the period linking each article):"]
        if reuse.isEmpty { lines.append("  none") }
        lines += reuse.map { "  \($0.id)  \($0.tickets)  \($0.title)" }
        lines += ["", "Never reused: " + (neverReused.isEmpty ? "none" : neverReused.map(\.id).joined(separator: ", "))]
        return lines.map { $0 + "\n" }.joined()
    }
}

import KBCore

extension ShowResult {
    /// Tickets (fields, timeline and SLA clocks) and then articles (index entry and file), a blank line between;
    /// times in `clock`'s zone, or each customer's.
    func terminalText(clock: LocalClock?) -> String {
        var parts: [String] = []
        for shown in tickets {
            parts.append(TicketText.render(shown.ticket, clock: clock ?? shown.sla.localClock) + "\n"
                + shown.sla.textLines(clock: clock).map { $0 + "\n" }.joined())
        }
        for shown in articles {
            let article = shown.article
            var part = "\(article.id)  \(article.title)  (\(article.state), \(article.audience), \(article.path))\n"
            if let text = shown.text { part += "\n" + (text.hasSuffix("\n") ? text : text + "\n") }
            parts.append(part)
        }
        return parts.joined(separator: "\n")
    }
}

import KBCore

extension ShowResult {
    /// Tickets (fields, timeline and SLA clocks) and then articles (index entry and file), a blank line between.
    var terminalText: String {
        var parts: [String] = []
        for shown in tickets {
            parts.append(TicketText.render(shown.ticket) + "\n" + shown.sla.textLines.map { $0 + "\n" }.joined())
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

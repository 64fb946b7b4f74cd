import KBCore

extension SearchResponse {
    /// The results as `kb search` prints them: one header line and one snippet line each, matched words in bold on a
    /// terminal (`bold`) and between `**` otherwise. The header ends with the score, or by date with the ticket's
    /// creation time (UTC, to the minute) or the article's update day. The bold is kb's own styling, added after the data is sanitized.
    func terminalText(bold: Bool) -> TerminalSanitizer.Styled {
        guard expression != nil else {
            return .init("no searchable words in the query (only punctuation or symbols); nothing to search for\n")
        }
        if results.isEmpty { return .init("no results for '\(query)'\n") }
        var text = TerminalSanitizer.Styled()
        for (index, result) in results.enumerated() {
            var details = [result.status]
            if let severity = result.severity { details.append("severity \(severity)") }
            if let service = result.service, !service.isEmpty { details.append(service) }
            switch order {
            case .relevance: details.append("score " + JSONWriter.format(result.score, decimals: 2))
            case .recent:
                if let createdAt = result.createdAt {
                    details.append("created " + createdAt.day() + " " + String(createdAt.utcString.dropFirst(11).prefix(5)) + " UTC")
                } else if let updated = result.updated {
                    details.append("updated " + updated)
                }
            }
            text.append("\(index + 1). [\(result.type.rawValue)] \(result.id)  \(result.title)  (" + details.joined(separator: ", ") + ")\n")
            if bold {
                let snippet = "   " + result.snippet.replacingOccurrences(of: "\n", with: " ") + "\n"
                text.append(.highlighted(snippet, start: SearchEngine.highlightStart, end: SearchEngine.highlightEnd))
            } else {
                text.append("   " + result.markedSnippet(start: "**", end: "**").replacingOccurrences(of: "\n", with: " ") + "\n")
            }
        }
        return text
    }
}

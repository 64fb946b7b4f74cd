import KBCore

extension SearchResponse {
    /// The results as `kb search` prints them: one header line and one snippet line each, matched words in bold on a
    /// terminal (`bold`) and between `**` otherwise.
    func terminalText(bold: Bool) -> String {
        guard expression != nil else {
            return "no searchable words in the query (only punctuation or symbols); nothing to search for\n"
        }
        if results.isEmpty { return "no results for '\(query)'\n" }
        var text = ""
        for (index, result) in results.enumerated() {
            var details = [result.status]
            if let severity = result.severity { details.append("severity \(severity)") }
            if let service = result.service, !service.isEmpty { details.append(service) }
            details.append("score " + JSONWriter.format(result.score, decimals: 2))
            text += "\(index + 1). [\(result.type.rawValue)] \(result.id)  \(result.title)  (" + details.joined(separator: ", ") + ")\n"
            let snippet = result.markedSnippet(start: bold ? "\u{1B}[1m" : "**", end: bold ? "\u{1B}[0m" : "**")
            text += "   " + snippet.replacingOccurrences(of: "\n", with: " ") + "\n"
        }
        return text
    }
}

import KBCore

/// A search snippet as parts to show: the engine marks matched words `**like this**`; a page shows them in `<mark>`
/// after escaping the text, so nothing in a ticket's words becomes markup.
enum HighlightedSnippet {
    /// `[{text, hit}]` in order; an unpaired `**` is shown as text.
    static func parts(_ snippet: String) -> TemplateValue {
        var parts: [TemplateValue] = []
        var hit = false
        var pieces = snippet.components(separatedBy: "**")
        if pieces.count % 2 == 0 {
            // An odd number of markers: the last one opens nothing, so it is text.
            let last = pieces.removeLast()
            pieces[pieces.count - 1] += "**" + last
        }
        for piece in pieces {
            if !piece.isEmpty { parts.append(.object(["text": .string(piece), "hit": .bool(hit)])) }
            hit.toggle()
        }
        return .array(parts)
    }
}

/// The passage of a ticket shown under a search result: the window of text that holds most of the query's phrases,
/// with each phrase occurrence between `SearchEngine.highlightStart` and `highlightEnd`.
///
/// Chosen as FTS5's `snippet()` chooses: a window of `windowTokens` tokens in one column, scored 1000 for each
/// distinct phrase it holds plus 1 for each further occurrence; the earliest column and window win ties. A window
/// that does not start or end with its column gets an ellipsis on that side. The text is the ticket's own, cut at
/// token boundaries (the analyzer's byte offsets), so accents and case show as written.
struct TicketSnippet {
    static let windowTokens = 24
    static let ellipsis = "…"

    let phrases: [TicketQuery.Phrase]
    let source: TermSource

    /// The snippet for a ticket's five full-text columns (empty when no phrase occurs in them).
    func snippet(for texts: [String]) -> String {
        var best: (score: Int, column: Int, start: Int)?
        var bestTokens: [Token] = []
        var bestInstances: [Instance] = []
        for (column, text) in texts.enumerated() {
            let tokens = self.tokens(of: text)
            let instances = self.instances(in: tokens)
            guard !instances.isEmpty else { continue }
            for instance in instances {
                let start = max(0, min(instance.start - 2, tokens.count - Self.windowTokens))
                let score = self.score(instances, from: start)
                if best == nil || score > best!.score {
                    best = (score, column, start)
                    bestTokens = tokens
                    bestInstances = instances
                }
            }
        }
        guard let best else { return "" }
        return render(texts[best.column], tokens: bestTokens, instances: bestInstances, from: best.start)
    }

    struct Token {
        let term: String
        let start: Int
        let end: Int
    }

    struct Instance {
        let phrase: Int
        let start: Int
        let count: Int
    }

    private func tokens(of text: String) -> [Token] {
        var tokens: [Token] = []
        var copy = text
        copy.withUTF8 { bytes in
            source(bytes) { term, start, end in
                tokens.append(Token(term: String(decoding: term, as: UTF8.self), start: start, end: end))
                return true
            }
        }
        return tokens
    }

    private func instances(in tokens: [Token]) -> [Instance] {
        var found: [Instance] = []
        for (number, phrase) in phrases.enumerated() where !phrase.terms.isEmpty && phrase.terms.count <= tokens.count {
            for start in 0...(tokens.count - phrase.terms.count) {
                var matches = true
                for (offset, term) in phrase.terms.enumerated() {
                    let token = tokens[start + offset].term
                    let isLast = offset == phrase.terms.count - 1
                    if isLast && phrase.isPrefix ? !token.hasPrefix(term) : token != term {
                        matches = false
                        break
                    }
                }
                if matches { found.append(Instance(phrase: number, start: start, count: phrase.terms.count)) }
            }
        }
        return found.sorted { ($0.start, $0.phrase) < ($1.start, $1.phrase) }
    }

    private func score(_ instances: [Instance], from start: Int) -> Int {
        var seen = Set<Int>()
        var score = 0
        for instance in instances where instance.start >= start && instance.start + instance.count <= start + Self.windowTokens {
            score += seen.insert(instance.phrase).inserted ? 1000 : 1
        }
        return score
    }

    private func render(_ text: String, tokens: [Token], instances: [Instance], from start: Int) -> String {
        let end = min(tokens.count, start + Self.windowTokens)
        // Highlighted spans in token indices, overlapping occurrences merged.
        var spans: [(first: Int, last: Int)] = []
        for instance in instances where instance.start >= start && instance.start + instance.count <= end {
            let last = instance.start + instance.count - 1
            if let previous = spans.last, instance.start <= previous.last {
                spans[spans.count - 1].last = max(previous.last, last)
            } else {
                spans.append((instance.start, last))
            }
        }
        let utf8 = Array(text.utf8)
        var output: [UInt8] = []
        if start > 0 { output += Self.ellipsis.utf8 }
        var cursor = tokens[start].start
        for span in spans {
            output += utf8[cursor..<tokens[span.first].start]
            output += SearchEngine.highlightStart.utf8
            output += utf8[tokens[span.first].start..<tokens[span.last].end]
            output += SearchEngine.highlightEnd.utf8
            cursor = tokens[span.last].end
        }
        output += utf8[cursor..<tokens[end - 1].end]
        if end < tokens.count { output += Self.ellipsis.utf8 }
        return String(decoding: output, as: UTF8.self)
    }
}

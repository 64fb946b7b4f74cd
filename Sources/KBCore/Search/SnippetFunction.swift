import CSQLite

/// `kb_snippet(fts_table, tokens)`: a window of about `tokens` tokens around a row's matches, matched words between
/// `SearchEngine.highlightStart` and `highlightEnd`, "…" where text is cut.
///
/// FTS5's `snippet()` re-tokenizes every column of the row to place its window. The index already knows where each
/// match is (`xInst`: phrase, column, token offset), so this picks the window from those offsets (the one holding
/// the most distinct phrases, then the most matches; earlier columns and offsets first) and tokenizes only the
/// chosen column, stopping at the window's end. Search calls it for the rows shown, never while ranking.
enum SnippetFunction {
    static let name = "kb_snippet"
    static let ellipsis = Array("…".utf8)

    /// One match: its phrase, column and first token, and how many tokens the phrase spans.
    struct Hit {
        let phrase: Int32
        let column: Int32
        let offset: Int32
        let size: Int32
    }

    /// The window chosen in one column: its first token and how many tokens it covers.
    struct Window: Equatable {
        let column: Int32
        let start: Int32
    }

    /// The best window of `tokens` tokens for `hits` (sorted by column, then offset), centred on the matches it holds.
    static func window(hits: [Hit], tokens: Int32) -> Window {
        var best: (score: Int, column: Int32, first: Int32, last: Int32)?
        var seen = Set<Int32>()
        for (index, hit) in hits.enumerated() {
            seen.removeAll(keepingCapacity: true)
            var score = 0
            var last = hit.offset
            for other in hits[index...] {
                guard other.column == hit.column, other.offset + max(other.size, 1) <= hit.offset + tokens else { break }
                score += seen.insert(other.phrase).inserted ? 1000 : 1
                last = max(last, other.offset + max(other.size, 1) - 1)
            }
            if score > (best?.score ?? -1) { best = (score, hit.column, hit.offset, last) }
        }
        guard let best else { return Window(column: 0, start: 0) }
        let spare = tokens - (best.last - best.first + 1)
        return Window(column: best.column, start: max(0, best.first - max(0, spare) / 2))
    }

    /// Tokens of the chosen column inside the window, collected by the tokenizer callback.
    final class TokenWindow {
        let start: Int32
        let end: Int32
        var position: Int32 = 0
        var tokens: [(start: Int, end: Int, position: Int32)] = []
        /// Whether the column has tokens after the window.
        var more = false

        init(start: Int32, end: Int32) {
            self.start = start
            self.end = end
        }
    }

    /// Registers `kb_snippet` through the connection's `fts5_api`.
    static func register(on connection: Connection) throws {
        try connection.createAuxiliaryFunction(name) { api, context, result, arguments in
            snippet(api: api, context: context, result: result, arguments: arguments)
        }
    }

    private static func snippet(api: UnsafePointer<Fts5ExtensionApi>, context: OpaquePointer, result: OpaquePointer,
                                arguments: UnsafeBufferPointer<OpaquePointer?>) -> Int32 {
        let functions = api.pointee
        let tokens = max(1, arguments.count > 0 ? sqlite3_value_int(arguments[0]) : 24)
        var count: Int32 = 0
        var code = functions.xInstCount(context, &count)
        guard code == SQLITE_OK else { return code }
        var hits: [Hit] = []
        hits.reserveCapacity(Int(count))
        for instance in 0..<count {
            var phrase: Int32 = 0
            var column: Int32 = 0
            var offset: Int32 = 0
            code = functions.xInst(context, instance, &phrase, &column, &offset)
            guard code == SQLITE_OK else { return code }
            hits.append(Hit(phrase: phrase, column: column, offset: offset, size: functions.xPhraseSize(context, phrase)))
        }
        let chosen = window(hits: hits, tokens: tokens)
        var text: UnsafePointer<CChar>?
        var length: Int32 = 0
        code = functions.xColumnText(context, chosen.column, &text, &length)
        guard code == SQLITE_OK else { return code }
        guard let text, length > 0 else {
            sqlite3_result_text(result, "", 0, nil)
            return SQLITE_OK
        }
        let state = TokenWindow(start: chosen.start, end: chosen.start + tokens)
        code = functions.xTokenize(context, text, length, Unmanaged.passUnretained(state).toOpaque()) { pointer, _, _, _, start, end in
            guard let pointer else { return SQLITE_ERROR }
            let state = Unmanaged<TokenWindow>.fromOpaque(pointer).takeUnretainedValue()
            defer { state.position += 1 }
            if state.position >= state.end {
                state.more = true
                return SQLITE_DONE
            }
            if state.position >= state.start { state.tokens.append((Int(start), Int(end), state.position)) }
            return SQLITE_OK
        }
        guard code == SQLITE_OK || code == SQLITE_DONE else { return code }
        var highlighted = Set<Int32>()
        for hit in hits where hit.column == chosen.column {
            for position in hit.offset..<(hit.offset + max(hit.size, 1)) { highlighted.insert(position) }
        }
        let bytes = UnsafeRawPointer(text).withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
            UnsafeBufferPointer(start: $0, count: Int(length))
        }
        let output = render(bytes, tokens: state.tokens, highlighted: highlighted, cutBefore: chosen.start > 0, cutAfter: state.more)
        output.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                sqlite3_result_text(result, chars.baseAddress, Int32(chars.count), unsafeBitCast(-1, to: sqlite3_destructor_type.self))
            }
        }
        return SQLITE_OK
    }

    /// The window's text: from its first token (or the column's start) to its last token (or the column's end),
    /// runs of highlighted tokens between one pair of marks.
    static func render(_ text: UnsafeBufferPointer<UInt8>, tokens: [(start: Int, end: Int, position: Int32)],
                       highlighted: Set<Int32>, cutBefore: Bool, cutAfter: Bool) -> [UInt8] {
        let open = Array(SearchEngine.highlightStart.utf8)
        let close = Array(SearchEngine.highlightEnd.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(256)
        var cursor = 0
        if cutBefore, let first = tokens.first {
            output += ellipsis
            cursor = first.start
        }
        var inside = false
        for token in tokens {
            let start = min(max(token.start, cursor), text.count)
            let end = min(max(token.end, start), text.count)
            let hit = highlighted.contains(token.position)
            if inside && !hit {
                output += close
                inside = false
            }
            output += text[cursor..<start]
            if hit && !inside {
                output += open
                inside = true
            }
            output += text[start..<end]
            cursor = end
        }
        if inside { output += close }
        if cutAfter {
            output += ellipsis
        } else {
            output += text[cursor...]
        }
        return output
    }
}

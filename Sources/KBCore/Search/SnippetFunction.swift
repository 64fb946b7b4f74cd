import CSQLite

/// Snippets: a window of about `tokens` tokens around a row's matches, matched words between
/// `SearchEngine.highlightStart` and `highlightEnd`, "…" where text is cut.
///
/// FTS5's `snippet()` re-tokenizes every column of the row to place its window. The matches' positions (phrase,
/// column, token offset, as FTS5's `xInst` gives them, or `PhraseLocator` finds them in the ticket's text) are enough
/// to place it: the window holding the most distinct phrases, then the most matches (earlier columns and offsets
/// first); only the chosen column is then tokenized, up to the window's end. Search places ticket snippets with
/// `PhraseLocator`; `kb_snippet(fts_table, tokens)` places one from FTS5's positions (`Placement`, the reference the
/// tests compare with), reading no text.
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

    /// A row's snippet as `kb_snippet` places it: the column, the window's first token and the token after its last,
    /// and the matched tokens inside the window.
    struct Placement: Equatable {
        let column: Int
        let start: Int32
        let end: Int32
        let highlighted: Set<Int32>

        /// The placement of `window` (`tokens` long) for `hits`.
        init(window: Window, tokens: Int32, hits: [Hit]) {
            column = Int(window.column)
            start = window.start
            end = window.start + tokens
            var highlighted = Set<Int32>()
            for hit in hits where hit.column == window.column {
                for position in hit.offset..<(hit.offset + max(hit.size, 1)) where position >= start && position < end {
                    highlighted.insert(position)
                }
            }
            self.highlighted = highlighted
        }

        /// As `kb_snippet` returns it: 32-bit integers in native byte order, column, start, end, then the highlighted
        /// tokens in ascending order.
        var encoded: [Int32] { [Int32(column), start, end] + highlighted.sorted() }

        /// A placement `encoded` gave; nil for anything else.
        init?(encoded bytes: UnsafeBufferPointer<UInt8>) {
            let width = MemoryLayout<Int32>.size
            guard bytes.count >= 3 * width, bytes.count % width == 0, let base = bytes.baseAddress else { return nil }
            let values = (0..<(bytes.count / width)).map { UnsafeRawPointer(base).loadUnaligned(fromByteOffset: $0 * width, as: Int32.self) }
            guard values[0] >= 0, values[1] >= 0, values[2] >= values[1] else { return nil }
            column = Int(values[0])
            start = values[1]
            end = values[2]
            highlighted = Set(values[3...])
        }
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

    /// Registers `kb_snippet` through the connection's `fts5_api`.
    static func register(on connection: Connection) throws {
        try connection.createAuxiliaryFunction(name) { api, context, result, arguments in
            placement(api: api, context: context, result: result, arguments: arguments)
        }
    }

    private static func placement(api: UnsafePointer<Fts5ExtensionApi>, context: OpaquePointer, result: OpaquePointer,
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
        let placement = Placement(window: window(hits: hits, tokens: tokens), tokens: tokens, hits: hits)
        placement.encoded.withUnsafeBytes { raw in
            sqlite3_result_blob(result, raw.baseAddress, Int32(raw.count), unsafeBitCast(-1, to: sqlite3_destructor_type.self))
        }
        return SQLITE_OK
    }

    /// The snippet of a row whose matches are `hits` (as `xInst` lists them) in the column texts `columns`: placed as
    /// `kb_snippet` places it, the chosen column tokenized by `source`.
    static func snippet(hits: [Hit], columns: [[UInt8]], tokens: Int32, source: TermSource) -> String {
        let placement = Placement(window: window(hits: hits, tokens: tokens), tokens: tokens, hits: hits)
        return placement.column < columns.count ? snippet(of: columns[placement.column], in: placement, source: source) : ""
    }

    /// The snippet `placement` places in `text` (the chosen column's text), tokenized by `source` as the index's
    /// tokenizer reads it: tokens are counted from the column's start and read up to the window's end, no further.
    static func snippet(of text: [UInt8], in placement: Placement, source: TermSource) -> String {
        guard !text.isEmpty else { return "" }
        var tokens: [(start: Int, end: Int, position: Int32)] = []
        var position: Int32 = 0
        // Whether the column has tokens after the window.
        var more = false
        let output = text.withUnsafeBufferPointer { bytes in
            source(bytes) { _, start, end in
                defer { position += 1 }
                if position >= placement.end {
                    more = true
                    return false
                }
                if position >= placement.start { tokens.append((start, end, position)) }
                return true
            }
            return render(bytes, tokens: tokens, highlighted: placement.highlighted, cutBefore: placement.start > 0, cutAfter: more)
        }
        return String(decoding: output, as: UTF8.self)
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

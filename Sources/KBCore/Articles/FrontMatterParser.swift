/// Parses the YAML subset of article front matter: `key: value` scalars, quoted strings,
/// `[a, b]` flow lists, `- item` block lists, comments and blank lines.
///
/// Everything outside that subset (nested mappings, anchors, block scalars, multi-line values)
/// is rejected with the line it is on rather than guessed at, so every file kb accepts is also
/// valid YAML with the same meaning for other tools (GitHub's renderer, static site generators).
public enum FrontMatterParser {
    /// A file split into its front matter and its Markdown body.
    public struct Document: Sendable, Equatable {
        public var frontMatter: FrontMatter
        /// Everything after the closing `---` line, as written.
        public var body: String
        /// 1-based line number of the body's first line in the file.
        public var bodyStartLine: Int
    }

    /// Splits `text` into front matter and body; `path` only names the file in errors.
    public static func parse(text: String, path: String) throws(ArticleError) -> Document {
        let bytes = Array(text.utf8)
        let lines = ScanByte.lineRanges(of: bytes)
        guard let first = lines.first, isFence(bytes[first]) else {
            throw .invalidFrontMatter(path: path, line: 1,
                                      reason: "missing front matter: the file must start with a '---' line")
        }
        guard let closingIndex = lines.indices.dropFirst().first(where: { isFence(bytes[lines[$0]]) }) else {
            throw .invalidFrontMatter(path: path, line: 1,
                                      reason: "front matter opened on line 1 is never closed with '---'")
        }
        var parser = BlockParser(bytes: bytes, path: path)
        for index in 1..<closingIndex {
            try parser.consume(line: lines[index], number: index + 1)
        }
        let closingLine = closingIndex + 1
        let bodyStart = closingIndex + 1 < lines.count ? lines[closingIndex + 1].lowerBound : bytes.count
        let body = String(decoding: bytes[bodyStart...], as: UTF8.self)
        return Document(frontMatter: FrontMatter(entries: parser.entries, closingLine: closingLine),
                        body: body, bodyStartLine: closingLine + 1)
    }

    private static func isFence(_ line: ArraySlice<UInt8>) -> Bool {
        var trimmed = line
        while let last = trimmed.last, last == ScanByte.space || last == ScanByte.tab { trimmed.removeLast() }
        return trimmed.elementsEqual("---".utf8)
    }
}

/// The line-by-line state of one front matter block.
private struct BlockParser {
    let bytes: [UInt8]
    let path: String
    var entries: [FrontMatter.Entry] = []
    /// Index of the last entry when it had no inline value and may collect `- item` lines.
    var openListEntry: Int?
    /// Indentation of the first `- item` line of the open list.
    var listIndent: Int?
    var listItems: [FrontMatter.Item] = []

    init(bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
    }

    mutating func consume(line range: Range<Int>, number: Int) throws(ArticleError) {
        let line = bytes[range]
        var indent = 0
        var cursor = line.startIndex
        var sawTab = false
        while cursor < line.endIndex, line[cursor] == ScanByte.space || line[cursor] == ScanByte.tab {
            if line[cursor] == ScanByte.tab { sawTab = true } else if !sawTab { indent += 1 }
            cursor += 1
        }
        if cursor == line.endIndex || line[cursor] == ScanByte.hash { return }
        if sawTab {
            throw fail(number, "tab character in indentation (YAML allows only spaces)")
        }
        let rest = line[cursor...]
        if openListEntry != nil, rest.first == ScanByte.dash, rest.count == 1 || ScanByte.isBlank(rest[rest.startIndex + 1]) {
            try consumeListItem(rest.dropFirst(), indent: indent, number: number)
            return
        }
        if indent > 0 {
            throw fail(number, "bad indentation: unexpected indented line "
                + "(nested mappings and multi-line values are not supported)")
        }
        closeOpenList()
        try consumeKey(rest, number: number)
    }

    private mutating func consumeListItem(_ afterDash: ArraySlice<UInt8>, indent: Int, number: Int) throws(ArticleError) {
        if let listIndent, indent != listIndent {
            throw fail(number, "bad indentation: list item indented \(indent) spaces, previous items \(listIndent)")
        }
        listIndent = indent
        var scanner = ValueScanner(bytes: afterDash, line: number, path: path)
        scanner.skipBlanks()
        guard let value = try scanner.blockScalar(), case .scalar(let text) = value else {
            throw fail(number, "empty list item")
        }
        listItems.append(FrontMatter.Item(value: text, line: number))
        if let openListEntry { entries[openListEntry].value = .list(listItems) }
    }

    private mutating func closeOpenList() {
        openListEntry = nil
        listIndent = nil
        listItems = []
    }

    private mutating func consumeKey(_ rest: ArraySlice<UInt8>, number: Int) throws(ArticleError) {
        if rest.first == ScanByte.dash, rest.count == 1 || ScanByte.isBlank(rest[rest.startIndex + 1]) {
            throw fail(number, "list item without a key above it")
        }
        if rest.first == ScanByte.doubleQuote || rest.first == ScanByte.singleQuote {
            throw fail(number, "quoted keys are not supported")
        }
        guard let colon = rest.firstIndex(of: ScanByte.colon) else {
            throw fail(number, "expected 'key: value'")
        }
        var keyBytes = rest[..<colon]
        while let last = keyBytes.last, ScanByte.isBlank(last) { keyBytes.removeLast() }
        let key = String(decoding: keyBytes, as: UTF8.self)
        guard isValidKey(keyBytes) else {
            throw fail(number, "invalid key '\(key)' (use letters, digits, '_' or '-')")
        }
        let afterColon = rest[(colon + 1)...]
        if let next = afterColon.first, !ScanByte.isBlank(next) {
            throw fail(number, "missing space after ':' in 'key: value'")
        }
        if let previous = entries.first(where: { $0.key == key }) {
            throw fail(number, "duplicate key '\(key)' (first defined on line \(previous.line))")
        }
        var scanner = ValueScanner(bytes: afterColon, line: number, path: path)
        scanner.skipBlanks()
        if scanner.atEnd || scanner.peek == ScanByte.hash {
            entries.append(FrontMatter.Entry(key: key, value: .null, line: number))
            openListEntry = entries.count - 1
            return
        }
        let value: FrontMatter.Value
        if scanner.peek == ScanByte.openBracket {
            value = .list(try scanner.flowList())
        } else if scanner.peek == ScanByte.dash, scanner.count == 1 || ScanByte.isBlank(scanner.lookahead(1)) {
            throw fail(number, "a list cannot start on the key line; put '- item' lines below it or write [a, b]")
        } else {
            value = try scanner.blockScalar() ?? .null
        }
        entries.append(FrontMatter.Entry(key: key, value: value, line: number))
    }

    private func isValidKey(_ key: ArraySlice<UInt8>) -> Bool {
        guard let first = key.first, ScanByte.isLetter(first) || first == ScanByte.underscore else { return false }
        return key.allSatisfy { ScanByte.isLetter($0) || ScanByte.isDigit($0) || $0 == ScanByte.underscore || $0 == ScanByte.dash || $0 == ScanByte.dot }
    }

    private func fail(_ line: Int, _ reason: String) -> ArticleError {
        .invalidFrontMatter(path: path, line: line, reason: reason)
    }
}

/// Reads one value (scalar or flow list) from the rest of a line.
private struct ValueScanner {
    let bytes: ArraySlice<UInt8>
    let line: Int
    let path: String
    var index: Int

    init(bytes: ArraySlice<UInt8>, line: Int, path: String) {
        self.bytes = bytes
        self.line = line
        self.path = path
        self.index = bytes.startIndex
    }

    var atEnd: Bool { index >= bytes.endIndex }
    var peek: UInt8? { atEnd ? nil : bytes[index] }
    /// Bytes left from the cursor.
    var count: Int { bytes.endIndex - index }
    func lookahead(_ offset: Int) -> UInt8 { bytes[index + offset] }

    mutating func skipBlanks() {
        while let byte = peek, ScanByte.isBlank(byte) { index += 1 }
    }

    /// A scalar in block context (after `key:` or `- `), then an optional comment; nil when empty.
    mutating func blockScalar() throws(ArticleError) -> FrontMatter.Value? {
        guard let first = peek, first != ScanByte.hash else { return nil }
        let indicators: [UInt8] = [ScanByte.question, ScanByte.colon, ScanByte.dash]
        if indicators.contains(first), count == 1 || ScanByte.isBlank(lookahead(1)) {
            throw fail("a plain value cannot start with '\(Character(Unicode.Scalar(first)))' and a space; quote the value")
        }
        switch first {
        case ScanByte.doubleQuote, ScanByte.singleQuote:
            let text = try quoted()
            try expectEndOfLine(after: "quoted value")
            return .scalar(text)
        case ScanByte.openBracket:
            throw fail("nested lists are not supported")
        case ScanByte.openBrace:
            throw fail("flow mappings ('{...}') are not supported")
        case ScanByte.pipe, ScanByte.greater:
            throw fail("block scalars ('|', '>') are not supported; write the value on one line")
        case ScanByte.ampersand, ScanByte.asterisk, ScanByte.exclamation:
            throw fail("anchors, aliases and tags ('&', '*', '!') are not supported")
        case ScanByte.at, ScanByte.backtick, ScanByte.percent, ScanByte.comma, ScanByte.closeBracket, ScanByte.closeBrace:
            throw fail("a plain value cannot start with '\(Character(Unicode.Scalar(first)))'; quote the value")
        default:
            let start = index
            var end = index
            while let byte = peek {
                if ScanByte.isBlank(byte), count > 1, lookahead(1) == ScanByte.hash { break }
                index += 1
                if !ScanByte.isBlank(byte) { end = index }
            }
            let text = bytes[start..<end]
            try checkPlain(text)
            if text.count == 1, text.first == ScanByte.tilde { return .null }
            if text.elementsEqual("null".utf8) || text.elementsEqual("Null".utf8) || text.elementsEqual("NULL".utf8) {
                return .null
            }
            return .scalar(String(decoding: text, as: UTF8.self))
        }
    }

    /// `[a, "b, c", 'd']` on one line, then an optional comment.
    mutating func flowList() throws(ArticleError) -> [FrontMatter.Item] {
        index += 1
        var items: [FrontMatter.Item] = []
        while true {
            skipBlanks()
            guard let first = peek else { throw unterminatedList() }
            if first == ScanByte.closeBracket { index += 1; break }
            let text: String
            switch first {
            case ScanByte.doubleQuote, ScanByte.singleQuote:
                text = try quoted()
            case ScanByte.openBracket, ScanByte.openBrace:
                throw fail("nested lists or mappings are not supported")
            case ScanByte.comma:
                throw fail("empty list item")
            default:
                let start = index
                var end = index
                while let byte = peek, byte != ScanByte.comma, byte != ScanByte.closeBracket {
                    if ScanByte.isBlank(byte), count > 1, lookahead(1) == ScanByte.hash { throw unterminatedList() }
                    if byte == ScanByte.openBracket || byte == ScanByte.openBrace || byte == ScanByte.closeBrace {
                        throw fail("nested lists or mappings are not supported")
                    }
                    index += 1
                    if !ScanByte.isBlank(byte) { end = index }
                }
                try checkPlain(bytes[start..<end])
                text = String(decoding: bytes[start..<end], as: UTF8.self)
            }
            items.append(FrontMatter.Item(value: text, line: line))
            skipBlanks()
            guard let separator = peek else { throw unterminatedList() }
            if separator == ScanByte.comma {
                index += 1
            } else if separator != ScanByte.closeBracket {
                throw fail("expected ',' or ']' after a list item")
            }
        }
        try expectEndOfLine(after: "']'")
        return items
    }

    private func unterminatedList() -> ArticleError {
        fail("unterminated list: missing ']' (a [..] list must close on the same line)")
    }

    /// Plain scalars with `: ` inside are mappings in YAML; reject them instead of silently
    /// disagreeing with other YAML readers about what the title is.
    private func checkPlain(_ text: ArraySlice<UInt8>) throws(ArticleError) {
        var position = text.startIndex
        while position < text.endIndex {
            if text[position] == ScanByte.colon, position + 1 == text.endIndex || ScanByte.isBlank(text[position + 1]) {
                throw fail("a plain value cannot contain ': ' or end with ':'; quote the value")
            }
            position += 1
        }
    }

    private mutating func expectEndOfLine(after what: String) throws(ArticleError) {
        let before = index
        skipBlanks()
        guard let byte = peek else { return }
        if byte == ScanByte.hash, index > before { return }
        throw fail("unexpected text after \(what)")
    }

    private mutating func quoted() throws(ArticleError) -> String {
        let quote = bytes[index]
        index += 1
        var out: [UInt8] = []
        while let byte = peek {
            index += 1
            if quote == ScanByte.singleQuote {
                if byte == ScanByte.singleQuote {
                    if peek == ScanByte.singleQuote { index += 1; out.append(byte); continue }
                    return String(decoding: out, as: UTF8.self)
                }
                out.append(byte)
                continue
            }
            if byte == ScanByte.doubleQuote { return String(decoding: out, as: UTF8.self) }
            if byte != ScanByte.backslash { out.append(byte); continue }
            try escape(into: &out)
        }
        throw fail(quote == ScanByte.singleQuote ? "unterminated single-quoted string" : "unterminated double-quoted string")
    }

    private mutating func escape(into out: inout [UInt8]) throws(ArticleError) {
        guard let code = peek else { throw fail("unterminated double-quoted string") }
        index += 1
        let simple: [UInt8: UInt32] = [
            UInt8(ascii: "0"): 0, UInt8(ascii: "a"): 7, UInt8(ascii: "b"): 8, UInt8(ascii: "t"): 9, ScanByte.tab: 9,
            UInt8(ascii: "n"): 10, UInt8(ascii: "v"): 11, UInt8(ascii: "f"): 12, UInt8(ascii: "r"): 13,
            UInt8(ascii: "e"): 27, ScanByte.space: 32, ScanByte.doubleQuote: 34, UInt8(ascii: "/"): 47, ScanByte.backslash: 92,
            UInt8(ascii: "N"): 0x85, UInt8(ascii: "_"): 0xA0, UInt8(ascii: "L"): 0x2028, UInt8(ascii: "P"): 0x2029,
        ]
        let scalarValue: UInt32
        if let value = simple[code] {
            scalarValue = value
        } else {
            let digits: Int
            switch code {
            case UInt8(ascii: "x"): digits = 2
            case UInt8(ascii: "u"): digits = 4
            case UInt8(ascii: "U"): digits = 8
            default:
                throw fail("invalid escape '\\\(Character(Unicode.Scalar(code)))' in double-quoted string")
            }
            guard count >= digits else { throw fail("incomplete '\\\(Character(Unicode.Scalar(code)))' escape") }
            var value: UInt32 = 0
            for _ in 0..<digits {
                guard let digit = ScanByte.hexValue(bytes[index]) else {
                    throw fail("invalid hexadecimal digit in '\\\(Character(Unicode.Scalar(code)))' escape")
                }
                value = value << 4 | UInt32(digit)
                index += 1
            }
            scalarValue = value
        }
        guard let scalar = Unicode.Scalar(scalarValue) else { throw fail("escape is not a valid Unicode scalar") }
        out.append(contentsOf: String(Character(scalar)).utf8)
    }

    private func fail(_ reason: String) -> ArticleError {
        .invalidFrontMatter(path: path, line: line, reason: reason)
    }
}

/// Turns Mustache source into nodes, applying the specification's standalone-line rules while scanning.
///
/// Works on UTF-8 bytes: delimiters and the whitespace the rules care about are ASCII,
/// and Character-based scanning would treat `\r\n` as one unit.
struct MustacheParser {
    /// Sections nest this deep at most: far beyond any real template, and shallow enough that rendering
    /// (recursive, as is freeing the node tree) cannot overflow the stack, even inside nested partials.
    static let maximumSectionDepth = 100

    private let bytes: [UInt8]
    private let name: String
    private var openDelimiter: [UInt8] = Array("{{".utf8)
    private var closeDelimiter: [UInt8] = Array("}}".utf8)

    init(source: String, name: String) {
        self.bytes = Array(source.utf8)
        self.name = name
    }

    private enum TagKind {
        case variable, unescaped, section, inverted, close, comment, partial, setDelimiter

        /// Tags that vanish with their whole line when alone on it; interpolations never do.
        var canStandalone: Bool {
            switch self {
            case .variable, .unescaped: return false
            case .section, .inverted, .close, .comment, .partial, .setDelimiter: return true
            }
        }
    }

    private struct Tag {
        var kind: TagKind
        var content: String
        var end: Int
    }

    private struct OpenSection {
        var path: [String]
        var rawName: String
        var inverted: Bool
        var offset: Int
        var children: [MustacheNode] = []
    }

    private static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
    private static let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")

    mutating func parse() throws(TemplateError) -> [MustacheNode] {
        var root: [MustacheNode] = []
        var open: [OpenSection] = []
        func append(_ node: MustacheNode) {
            if open.isEmpty {
                root.append(node)
            } else {
                open[open.count - 1].children.append(node)
            }
        }
        func appendText(_ start: Int, _ end: Int) {
            if start < end { append(.text(String(decoding: bytes[start..<end], as: UTF8.self))) }
        }

        var position = 0
        while let tagStart = find(openDelimiter, from: position) {
            let tag = try readTag(at: tagStart)
            var textEnd = tagStart
            var next = tag.end
            var indent = ""
            if tag.kind.canStandalone, let line = standaloneLine(tagStart: tagStart, tagEnd: tag.end) {
                textEnd = line.start
                next = line.end
                indent = String(decoding: bytes[line.start..<tagStart], as: UTF8.self)
            }
            appendText(position, textEnd)
            position = next

            switch tag.kind {
            case .comment:
                break
            case .setDelimiter:
                try setDelimiters(tag.content, at: tagStart)
            case .variable, .unescaped:
                let tagName = try validName(tag.content, at: tagStart)
                append(.variable(path: Self.path(tagName), escaped: tag.kind == .variable))
            case .partial:
                let tagName = try validName(tag.content, at: tagStart)
                let (line, column) = location(of: tagStart)
                append(.partial(name: tagName, indent: indent, line: line, column: column))
            case .section, .inverted:
                let tagName = try validName(tag.content, at: tagStart)
                guard open.count < Self.maximumSectionDepth else {
                    let (line, column) = location(of: tagStart)
                    throw .sectionNestingTooDeep(name: name, line: line, column: column, section: tagName,
                                                 limit: Self.maximumSectionDepth)
                }
                open.append(OpenSection(path: Self.path(tagName), rawName: tagName,
                                        inverted: tag.kind == .inverted, offset: tagStart))
            case .close:
                let tagName = try validName(tag.content, at: tagStart)
                guard let section = open.popLast() else {
                    let (line, column) = location(of: tagStart)
                    throw .unexpectedSectionEnd(name: name, line: line, column: column, section: tagName)
                }
                guard section.rawName == tagName else {
                    let (line, column) = location(of: tagStart)
                    throw .mismatchedSectionEnd(name: name, line: line, column: column,
                                                expected: section.rawName, found: tagName)
                }
                append(.section(path: section.path, inverted: section.inverted, children: section.children))
            }
        }
        appendText(position, bytes.count)

        if let section = open.last {
            let (line, column) = location(of: section.offset)
            throw .unclosedSection(name: name, line: line, column: column, section: section.rawName)
        }
        return root
    }

    private func readTag(at start: Int) throws(TemplateError) -> Tag {
        let afterOpen = start + openDelimiter.count
        var closing = closeDelimiter
        var contentStart = afterOpen + 1
        let kind: TagKind
        switch afterOpen < bytes.count ? bytes[afterOpen] : 0 {
        case UInt8(ascii: "{"):
            kind = .unescaped
            closing = [UInt8(ascii: "}")] + closeDelimiter
        case UInt8(ascii: "="):
            kind = .setDelimiter
            closing = [UInt8(ascii: "=")] + closeDelimiter
        case UInt8(ascii: "&"): kind = .unescaped
        case UInt8(ascii: "#"): kind = .section
        case UInt8(ascii: "^"): kind = .inverted
        case UInt8(ascii: "/"): kind = .close
        case UInt8(ascii: "!"): kind = .comment
        case UInt8(ascii: ">"): kind = .partial
        default:
            kind = .variable
            contentStart = afterOpen
        }
        guard contentStart <= bytes.count, let closeStart = find(closing, from: contentStart) else {
            let (line, column) = location(of: start)
            throw .unclosedTag(name: name, line: line, column: column,
                               expected: String(decoding: closing, as: UTF8.self))
        }
        return Tag(kind: kind, content: String(decoding: bytes[contentStart..<closeStart], as: UTF8.self),
                   end: closeStart + closing.count)
    }

    /// The extent of the tag's line when only spaces and tabs share it: from the line's start to just after its line break.
    private func standaloneLine(tagStart: Int, tagEnd: Int) -> (start: Int, end: Int)? {
        var start = tagStart
        while start > 0 {
            let byte = bytes[start - 1]
            if byte == Self.newline { break }
            guard byte == Self.space || byte == Self.tab else { return nil }
            start -= 1
        }
        var end = tagEnd
        while end < bytes.count, bytes[end] == Self.space || bytes[end] == Self.tab { end += 1 }
        if end == bytes.count { return (start, end) }
        if bytes[end] == Self.newline { return (start, end + 1) }
        if bytes[end] == Self.carriageReturn, end + 1 < bytes.count, bytes[end + 1] == Self.newline {
            return (start, end + 2)
        }
        return nil
    }

    private mutating func setDelimiters(_ content: String, at offset: Int) throws(TemplateError) {
        let parts = content.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        guard parts.count == 2 else {
            let (line, column) = location(of: offset)
            throw .badSetDelimiter(name: name, line: line, column: column,
                                   reason: "expected two delimiters separated by whitespace")
        }
        guard !parts.contains(where: { $0.contains("=") }) else {
            let (line, column) = location(of: offset)
            throw .badSetDelimiter(name: name, line: line, column: column, reason: "delimiters must not contain '='")
        }
        openDelimiter = Array(parts[0].utf8)
        closeDelimiter = Array(parts[1].utf8)
    }

    private func validName(_ content: String, at offset: Int) throws(TemplateError) -> String {
        let trimmed = Self.trimmed(content)
        guard !trimmed.isEmpty, !trimmed.unicodeScalars.contains(where: { $0.properties.isWhitespace }) else {
            let (line, column) = location(of: offset)
            throw .invalidTagName(name: name, line: line, column: column, tag: trimmed)
        }
        return trimmed
    }

    /// `.` is the implicit iterator (empty path); otherwise dotted parts, where an empty part never resolves.
    private static func path(_ name: String) -> [String] {
        name == "." ? [] : name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }

    private static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }

    private func find(_ pattern: [UInt8], from start: Int) -> Int? {
        guard let first = pattern.first else { return nil }
        var index = start
        let last = bytes.count - pattern.count
        while index <= last {
            if bytes[index] == first {
                var offset = 1
                while offset < pattern.count, bytes[index + offset] == pattern[offset] { offset += 1 }
                if offset == pattern.count { return index }
            }
            index += 1
        }
        return nil
    }

    /// 1-based line and column (in characters) of a byte offset.
    private func location(of offset: Int) -> (Int, Int) {
        var line = 1
        var lineStart = 0
        for index in 0..<offset where bytes[index] == Self.newline {
            line += 1
            lineStart = index + 1
        }
        return (line, String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1)
    }
}

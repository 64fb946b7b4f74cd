/// Renders parsed nodes against a context stack, parsing partials on first use.
struct MustacheRenderer {
    /// Deep enough for any real recursive partial (a tree of nested lists), shallow enough to stop a partial that includes itself.
    static let maximumPartialDepth = 100
    /// Partials and sections open at once, counted together and checked on entering a partial: rendering recurses
    /// once per level (about 3 KB of stack each in a debug build), and a partial may open up to
    /// `MustacheParser.maximumSectionDepth` more sections, so the stack stays under 2 MB.
    static let maximumNestingDepth = 400

    /// Partial inclusions and section passes (one per list item) in one rendering: a partial that includes another
    /// four times, fourteen levels deep, is 268 million expansions (50 s and 547 MB before this limit). Real
    /// documents use a few thousand: a review expands once per timeline event and row.
    static let maximumExpansions = 1_000_000
    /// The largest document rendered (64 MiB); the largest real ones (a training guide of every article) are a few MB.
    static let maximumOutputBytes = 64 << 20

    /// A partial's source and the name its errors carry (the partial's name or its file path).
    typealias PartialLookup = (String) -> (source: String, errorName: String)?

    private var stack: [TemplateValue]
    private let escaping: TemplateEscaping
    private var output = ""
    private var depth = 0
    /// Sections open on the current rendering path, across partials.
    private var sectionDepth = 0
    /// Parsed partials keyed by indentation and name: the same partial at another indentation is different source.
    private var parsedPartials: [String: [MustacheNode]] = [:]
    /// Partials included and section passes made so far, against `maximumExpansions`.
    private var expansions = 0
    /// The template being rendered, named in limit errors.
    private var rootName = ""

    /// `fallback`, when given, sits under the data on the context stack: names the data lacks are looked up there.
    init(context: TemplateValue, fallback: TemplateValue? = nil, escaping: TemplateEscaping = .html) {
        stack = (fallback.map { [$0] } ?? []) + [context]
        self.escaping = escaping
    }

    mutating func render(_ nodes: [MustacheNode], templateName: String,
                         partials: PartialLookup) throws(TemplateError) -> String {
        rootName = templateName
        try append(nodes, templateName: templateName, partials: partials)
        return output
    }

    /// Counts one expansion (a partial included, a section pass) in `templateName`; throws past the limit.
    private mutating func expand(in templateName: String) throws(TemplateError) {
        expansions += 1
        if expansions > Self.maximumExpansions {
            throw .expansionLimit(name: rootName, partial: templateName, limit: Self.maximumExpansions)
        }
    }

    /// Throws once the output is over `maximumOutputBytes`.
    private func checkSize(in templateName: String) throws(TemplateError) {
        if output.utf8.count > Self.maximumOutputBytes {
            throw .outputTooLarge(name: rootName, partial: templateName, limit: Self.maximumOutputBytes)
        }
    }

    private mutating func append(_ nodes: [MustacheNode], templateName: String,
                                 partials: PartialLookup) throws(TemplateError) {
        for node in nodes {
            switch node {
            case .text(let text):
                output += text
                try checkSize(in: templateName)
            case .variable(let path, let escaped):
                guard let value = resolve(path) else { continue }
                // Data never brings a control character or an escape sequence into a document.
                let text = TerminalSanitizer.sanitizedForDocument(value.interpolationText)
                output += escaped ? escaping.escape(text) : text
                try checkSize(in: templateName)
            case .section(let path, let inverted, let children):
                let value = resolve(path)
                sectionDepth += 1
                defer { sectionDepth -= 1 }
                if inverted {
                    if !(value?.isTruthy ?? false) {
                        try expand(in: templateName)
                        try append(children, templateName: templateName, partials: partials)
                    }
                } else if case .array(let items)? = value {
                    for item in items {
                        try expand(in: templateName)
                        stack.append(item)
                        try append(children, templateName: templateName, partials: partials)
                        stack.removeLast()
                    }
                } else if let value, value.isTruthy {
                    try expand(in: templateName)
                    stack.append(value)
                    try append(children, templateName: templateName, partials: partials)
                    stack.removeLast()
                }
            case .partial(let name, let indent, let line, let column):
                // The specification renders a missing partial as nothing, like a missing variable.
                guard let found = partials(name) else { continue }
                guard depth < Self.maximumPartialDepth else {
                    throw .partialNestingTooDeep(name: templateName, line: line, column: column,
                                                 partial: name, limit: Self.maximumPartialDepth)
                }
                guard depth + sectionDepth < Self.maximumNestingDepth else {
                    throw .partialNestingTooDeep(name: templateName, line: line, column: column,
                                                 partial: name, limit: Self.maximumNestingDepth)
                }
                let key = indent + "\u{0}" + name
                let partialNodes: [MustacheNode]
                if let cached = parsedPartials[key] {
                    partialNodes = cached
                } else {
                    partialNodes = try Self.parsePartial(found.source, indent: indent, errorName: found.errorName)
                    parsedPartials[key] = partialNodes
                }
                try expand(in: found.errorName)
                depth += 1
                try append(partialNodes, templateName: found.errorName, partials: partials)
                depth -= 1
            }
        }
    }

    /// The specification's name resolution: the first part from the innermost context that has it, the rest inside that value only.
    private func resolve(_ path: [String]) -> TemplateValue? {
        guard let first = path.first else { return stack.last }
        var found: TemplateValue?
        for context in stack.reversed() {
            if case .object(let object) = context, let value = object[first] {
                found = value
                break
            }
        }
        guard var value = found else { return nil }
        for part in path.dropFirst() {
            guard case .object(let object) = value, let member = object[part] else { return nil }
            value = member
        }
        return value
    }

    /// Indents the partial's source lines, as the specification asks, then parses it; an error is reported
    /// against the unindented source so its column matches the partial as written.
    private static func parsePartial(_ source: String, indent: String,
                                     errorName: String) throws(TemplateError) -> [MustacheNode] {
        var parser = MustacheParser(source: indented(source, by: indent), name: errorName)
        do {
            return try parser.parse()
        } catch {
            if !indent.isEmpty {
                var plain = MustacheParser(source: source, name: errorName)
                _ = try plain.parse()
            }
            throw error
        }
    }

    /// Prefixes every line, except the empty remainder after a final line break.
    static func indented(_ source: String, by indent: String) -> String {
        guard !indent.isEmpty, !source.isEmpty else { return source }
        let newline = UInt8(ascii: "\n")
        let indentBytes = Array(indent.utf8)
        var out = indentBytes
        let bytes = Array(source.utf8)
        out.reserveCapacity(bytes.count + indentBytes.count * 8)
        for (index, byte) in bytes.enumerated() {
            out.append(byte)
            if byte == newline, index + 1 < bytes.count { out.append(contentsOf: indentBytes) }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

import CCmarkGFM
import Foundation

/// Converts Markdown (CommonMark plus GitHub tables, strikethrough and autolinks) to an HTML fragment that is
/// safe to embed: raw HTML is omitted, `javascript:`-style link targets are emptied, and headings get
/// deterministic `id` anchors (see `anchor(for:)`).
public struct MarkdownRenderer: Sendable {
    /// Whether headings get `id` attributes.
    public var headingAnchors: Bool
    /// Prepended (as a slug, with a hyphen) to every anchor, so several documents can share one page.
    public var anchorPrefix: String

    public init(headingAnchors: Bool = true, anchorPrefix: String = "") {
        self.headingAnchors = headingAnchors
        self.anchorPrefix = anchorPrefix
    }

    /// The HTML fragment for `markdown`.
    public func html(from markdown: String) -> String {
        let rendered: String? = Self.withDocument(markdown) { document, extensions in
            // Options 0 is cmark's safe default: never CMARK_OPT_UNSAFE, which would let raw HTML through.
            guard let buffer = cmark_render_html(document, CMARK_OPT_DEFAULT, extensions) else { return nil }
            defer { free(buffer) }
            let html = String(cString: buffer)
            guard headingAnchors else { return html }
            let anchors = Self.collectHeadings(document, prefix: anchorPrefix).map(\.anchor)
            return Self.insertAnchors(anchors, into: html)
        }
        // Only an allocation failure inside cmark gets here; show the text rather than lose it.
        return rendered ?? "<pre>" + HTML.escape(markdown) + "</pre>\n"
    }

    /// The headings of `markdown` in document order, with the anchors `html(from:)` gives them.
    public func headings(in markdown: String) -> [MarkdownHeading] {
        Self.withDocument(markdown) { document, _ in Self.collectHeadings(document, prefix: anchorPrefix) } ?? []
    }

    /// The anchor slug of a heading's text: diacritics removed (`Solución` → `solucion`), letters lower-cased,
    /// letters and digits kept, runs of spaces, hyphens and underscores turned into one hyphen, other
    /// punctuation dropped; `section` when nothing is left. Repeated headings get `-1`, `-2`… in a document.
    public static func anchor(for heading: String) -> String {
        var slug = ""
        var pendingSeparator = false
        func add(_ text: String) {
            if pendingSeparator, !slug.isEmpty { slug += "-" }
            pendingSeparator = false
            slug += text
        }
        for scalar in heading.decomposedStringWithCanonicalMapping.unicodeScalars {
            let properties = scalar.properties
            switch properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark:
                continue
            default:
                break
            }
            if scalar.isASCII {
                switch scalar.value {
                case 0x41...0x5A: add(String(Unicode.Scalar(scalar.value + 0x20)!))
                case 0x61...0x7A, 0x30...0x39: add(String(scalar))
                case 0x20, 0x09, 0x0A, 0x0D, 0x2D, 0x5F: pendingSeparator = true
                default: break
                }
            } else if properties.isAlphabetic || properties.numericType != nil {
                add(properties.lowercaseMapping)
            } else if properties.isWhitespace {
                pendingSeparator = true
            }
        }
        return slug.isEmpty ? "section" : slug
    }

    private static let extensionNames = ["table", "strikethrough", "autolink"]

    /// Registration mutates cmark's global plugin list without a lock, so it runs once, guarded by Swift's lazy static initialisation.
    private static let extensionsRegistered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// cmark-gfm keeps the inline parser's special characters in one process-wide table: attaching the
    /// strikethrough extension adds `~` to it and freeing that parser removes it, so a parser freed on one thread
    /// makes another thread's parse miss `~~text~~`. Parsing and rendering therefore run one at a time.
    private static let cmarkLock = NSLock()

    /// Parses `markdown` with the GitHub extensions and passes the document and the extension list to `body`;
    /// frees the parser and the tree afterwards. Nil when cmark cannot allocate. Input that would make cmark-gfm
    /// take quadratic time is defused first (see `defused(_:)`).
    static func withDocument<Result>(
        _ markdown: String,
        _ body: (OpaquePointer, UnsafeMutablePointer<cmark_llist>?) -> Result?
    ) -> Result? {
        cmarkLock.lock()
        defer { cmarkLock.unlock() }
        guard extensionsRegistered, let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return nil }
        defer { cmark_parser_free(parser) }
        let (defused, tables) = defused(markdown)
        for name in extensionNames where tables || name != "table" {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        var text = defused
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
            }
        }
        guard let document = cmark_parser_finish(parser) else { return nil }
        defer { cmark_node_free(document) }
        return body(document, cmark_parser_get_syntax_extensions(parser))
    }

    private static func collectHeadings(_ document: OpaquePointer, prefix: String) -> [MarkdownHeading] {
        guard let iterator = cmark_iter_new(document) else { return [] }
        defer { cmark_iter_free(iterator) }
        var headings: [MarkdownHeading] = []
        var current: (level: Int, text: String)?
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_HEADING {
                if event == CMARK_EVENT_ENTER {
                    current = (Int(cmark_node_get_heading_level(node)), "")
                } else if let finished = current {
                    let text = finished.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                    headings.append(MarkdownHeading(level: finished.level, text: text, anchor: ""))
                    current = nil
                }
            } else if current != nil, event == CMARK_EVENT_ENTER {
                if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
                    if let literal = cmark_node_get_literal(node) { current?.text += String(cString: literal) }
                } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                    current?.text += " "
                }
            }
        }
        let prefixSlug = prefix.isEmpty ? "" : anchor(for: prefix) + "-"
        var used: Set<String> = []
        for index in headings.indices {
            let base = prefixSlug + anchor(for: headings[index].text)
            var candidate = base
            var suffix = 1
            while used.contains(candidate) {
                candidate = base + "-" + String(suffix)
                suffix += 1
            }
            used.insert(candidate)
            headings[index].anchor = candidate
        }
        return headings
    }

    /// Adds `id` to each `<hN>` tag in order. In safe mode every literal `<hN>` in cmark's output is a heading
    /// (raw HTML is omitted, text is escaped), so the tags match the headings one to one; if they ever do not,
    /// the HTML is returned unchanged rather than mislabelled.
    private static func insertAnchors(_ anchors: [String], into html: String) -> String {
        guard !anchors.isEmpty else { return html }
        let bytes = Array(html.utf8)
        var positions: [Int] = []
        var index = 0
        while index + 3 < bytes.count {
            if bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "h"),
               (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[index + 2]),
               bytes[index + 3] == UInt8(ascii: ">") {
                positions.append(index + 3)
                index += 4
            } else {
                index += 1
            }
        }
        guard positions.count == anchors.count else { return html }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + anchors.count * 24)
        var copied = 0
        for (position, anchor) in zip(positions, anchors) {
            out.append(contentsOf: bytes[copied..<position])
            out.append(contentsOf: " id=\"".utf8)
            out.append(contentsOf: HTML.escapeAttribute(anchor).utf8)
            out.append(UInt8(ascii: "\""))
            copied = position
        }
        out.append(contentsOf: bytes[copied...])
        return String(decoding: out, as: UTF8.self)
    }
}

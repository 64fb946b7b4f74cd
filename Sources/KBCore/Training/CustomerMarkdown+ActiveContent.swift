import CCmarkGFM
import Foundation

extension CustomerMarkdown {
    /// Link and image targets a customer document must not carry: script schemes, local files, and `data:` other
    /// than the raster image types. Checked on the target as CommonMark reads it (entities decoded), ignoring the
    /// blanks and control characters browsers ignore.
    static func isDangerous(url: String) -> Bool {
        let folded = String(decoding: url.utf8.filter { $0 > 0x20 }, as: UTF8.self).lowercased()
        if ["javascript:", "vbscript:", "file:"].contains(where: folded.hasPrefix) { return true }
        guard folded.hasPrefix("data:") else { return false }
        return !["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains(where: folded.hasPrefix)
    }

    /// `markdown` unchanged when CommonMark finds neither raw HTML nor a dangerous link or image target in it;
    /// otherwise the document re-written by cmark without them (raw HTML removed, dangerous targets emptied).
    ///
    /// Line-based tag stripping cannot see everything a CommonMark reader does: a tag spread over lines, a
    /// processing instruction, a `javascript:` target behind entities or a reference definition. The Markdown
    /// is handed to other renderers, some of which let raw HTML and any link through, so what CommonMark reads
    /// as active content goes.
    static func withoutActiveContent(_ markdown: String) -> String {
        // cmark's re-written text is read afresh, and removing a piece can change how its neighbours read (text
        // that sat in an autolink or a tag may become a link): repeat until nothing changes, and if that does
        // not settle, keep the words and no markup at all.
        var text = markdown
        for _ in 0..<4 {
            guard let next = removingActiveContent(text) else { return text }
            text = next
        }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { Markdown.escape(String($0)) }.joined(separator: "\n")
    }

    /// One pass of `withoutActiveContent`: the re-written text, or nil when there was nothing to remove.
    private static func removingActiveContent(_ markdown: String) -> String? {
        guard markdown.utf8.contains(where: { $0 == ScanByte.less || $0 == ScanByte.colon || $0 == ScanByte.ampersand }) else {
            return nil
        }
        // The renderer escapes the brackets of a paragraph full of them (see `MarkdownRenderer.defused`); the
        // text handed on must be the escaped one too, or a link hidden among them would pass unseen.
        let defused = MarkdownRenderer.defused(markdown).text != markdown
        let rewritten: String? = MarkdownRenderer.withDocument(markdown) { document, _ -> String? in
            guard let iterator = cmark_iter_new(document) else { return nil }
            var rawHTML: [OpaquePointer] = []
            var changed = defused
            while true {
                let event = cmark_iter_next(iterator)
                if event == CMARK_EVENT_DONE { break }
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
                let type = cmark_node_get_type(node)
                if type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE {
                    rawHTML.append(node)
                } else if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE,
                          let url = cmark_node_get_url(node), isDangerous(url: String(cString: url)) {
                    cmark_node_set_url(node, "")
                    changed = true
                }
            }
            cmark_iter_free(iterator)
            guard changed || !rawHTML.isEmpty else { return nil }
            // Unlinked after the walk: freeing a node under the iterator would invalidate it.
            for node in rawHTML {
                cmark_node_unlink(node)
                cmark_node_free(node)
            }
            guard let buffer = cmark_render_commonmark(document, CMARK_OPT_DEFAULT, 0) else { return nil }
            defer { free(buffer) }
            return String(cString: buffer)
        }
        // Nil: nothing to remove (or cmark could not allocate, which leaves nothing worse than before).
        guard let text = rewritten else { return nil }
        var trimmed = Substring(text)
        while let last = trimmed.last, last == "\n" { trimmed.removeLast() }
        return String(trimmed)
    }
}

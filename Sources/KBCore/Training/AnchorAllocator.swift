/// Hands out unique anchors in document order, as `MarkdownRenderer` numbers repeated headings.
struct AnchorAllocator {
    private var used: Set<String>

    init(reserved: [String]) {
        used = Set(reserved.map(MarkdownRenderer.anchor(for:)))
    }

    mutating func allocate(for heading: String) -> String {
        let base = MarkdownRenderer.anchor(for: heading)
        var candidate = base
        var suffix = 1
        while used.contains(candidate) {
            candidate = base + "-" + String(suffix)
            suffix += 1
        }
        used.insert(candidate)
        return candidate
    }
}

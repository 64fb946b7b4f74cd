/// Picks the id of a new article: the next `KB-NNNN` after every id already in use.
///
/// Ids in use are those of the indexed articles and those written in the files on disk, including
/// files not indexed yet and files whose front matter does not parse (their `id:` line is still read),
/// so a draft never takes an id a writer has already typed somewhere.
public enum ArticleIDAllocator {
    /// Digits of the number part: `KB-0007`. Longer numbers keep all their digits.
    public static let minimumDigits = 4

    /// The id after the highest of `indexedIDs` and the ids declared in `files` (`KB-0001` when none).
    public static func nextID(indexedIDs: [String], files: [ArticleFile]) -> String {
        var highest = 0
        for id in indexedIDs { highest = max(highest, number(of: id) ?? 0) }
        for file in files {
            if let id = declaredID(in: file) { highest = max(highest, number(of: id) ?? 0) }
        }
        return format(highest + 1)
    }

    /// `KB-` and the number, zero-padded to `minimumDigits`.
    public static func format(_ number: Int) -> String {
        let digits = String(number)
        return "KB-" + String(repeating: "0", count: max(0, minimumDigits - digits.count)) + digits
    }

    /// The number of a `KB-` id (`KB-0042` → 42); nil for other ids or numbers too long to count.
    public static func number(of id: String) -> Int? {
        let bytes = Array(id.utf8)
        guard bytes.count > 3, bytes.count <= 3 + 18, bytes.starts(with: "KB-".utf8),
              bytes[3...].allSatisfy(ScanByte.isDigit) else { return nil }
        return Int(String(decoding: bytes[3...], as: UTF8.self))
    }

    /// The id a file declares: its parsed front matter's `id`, or, when the front matter is malformed,
    /// the value of the first `id:` line between the opening `---` and the next `---` (or the end).
    public static func declaredID(in file: ArticleFile) -> String? {
        guard let text = file.text else { return nil }
        if let document = try? FrontMatterParser.parse(text: text, path: file.path) {
            return document.frontMatter["id"]?.value.scalar
        }
        let bytes = Array(text.utf8)
        let lines = ScanByte.lineRanges(of: bytes)
        guard let first = lines.first, bytes[first].starts(with: "---".utf8) else { return nil }
        for range in lines.dropFirst() {
            let line = bytes[range]
            if line.starts(with: "---".utf8) { break }
            guard line.starts(with: "id:".utf8) else { continue }
            var value = line.dropFirst(3)
            while let first = value.first, ScanByte.isBlank(first) || first == ScanByte.doubleQuote
                || first == ScanByte.singleQuote { value.removeFirst() }
            let end = value.firstIndex { !(ScanByte.isAlphanumeric($0) || $0 == ScanByte.dash) } ?? value.endIndex
            return String(decoding: value[..<end], as: UTF8.self)
        }
        return nil
    }
}

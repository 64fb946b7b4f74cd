// Interim lowercase splitter used until the Snowball analyzer branch is merged; deleted at merge.
public enum AnalyzerLanguage: String, Sendable, CaseIterable {
    case spanish = "es"
    case english = "en"
}

enum InterimAnalyzer {
    static let source: TermSource = { text, emit in
        var start = -1
        var term: [UInt8] = []
        func flush(_ end: Int) -> Bool {
            defer { term.removeAll(keepingCapacity: true); start = -1 }
            guard start >= 0 else { return true }
            return term.withUnsafeBufferPointer { emit($0, start, end) }
        }
        for index in 0..<text.count {
            let byte = text[index]
            let isWord = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte >= 0x80
            if isWord {
                if start < 0 { start = index }
                term.append(byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte)
            } else if !flush(index) {
                return
            }
        }
        _ = flush(text.count)
    }
}

/// Replaces personal data in text with placeholders (`[correo]`, `[teléfono]`, …) before it reaches customers.
///
/// Detects emails, phone numbers, IPv4 and IPv6 addresses, credentials in URLs, passwords and tokens,
/// and the customer and agent names it is given. It works on UTF-8 bytes in a few linear passes, so
/// thousands of texts take well under a second. Detection leans towards hiding: an unusual string that
/// looks like a key is redacted; dates, times, ticket ids (`T-000123`), versions (`v2.3`), error codes
/// (`ERR-401`) and years are not phone numbers. Loopback and unspecified addresses (`127.0.0.1`, `::1`,
/// `0.0.0.0`) are documentation, not personal data, and are kept.
public struct Redactor: Sendable {
    public var language: Language
    let names: NameIndex

    /// A redactor writing placeholders in `language` that also hides the given customer and agent
    /// names (whole words, ignoring case and accents: `Jose Perez` hides `JOSÉ PÉREZ`).
    public init(language: Language = .spanish, customerNames: [String] = [], agentNames: [String] = []) {
        self.language = language
        self.names = NameIndex(customerNames: customerNames, agentNames: agentNames)
    }

    /// The placeholder that replaces data of `kind`.
    public func placeholder(for kind: Finding.Kind) -> String {
        switch (kind, language) {
        case (.email, .spanish): "[correo]"
        case (.email, .english): "[email]"
        case (.phone, .spanish): "[teléfono]"
        case (.phone, .english): "[phone]"
        case (.ipAddress, _): "[IP]"
        case (.urlCredentials, .spanish), (.password, .spanish), (.token, .spanish): "[credencial]"
        case (.urlCredentials, .english), (.password, .english), (.token, .english): "[secret]"
        case (.customerName, .spanish): "[cliente]"
        case (.customerName, .english): "[customer]"
        case (.agentName, .spanish): "[agente]"
        case (.agentName, .english): "[agent]"
        }
    }

    /// `text` with every finding replaced by its placeholder.
    public func redact(_ text: String) -> String {
        let bytes = Array(text.utf8)
        let spans = detect(bytes)
        guard !spans.isEmpty else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + spans.count * 8)
        var cursor = 0
        for span in spans {
            out.append(contentsOf: bytes[cursor..<span.range.lowerBound])
            out.append(contentsOf: placeholder(for: span.kind).utf8)
            cursor = span.range.upperBound
        }
        out.append(contentsOf: bytes[cursor...])
        return String(decoding: out, as: UTF8.self)
    }

    /// Every piece of personal data in `text`, in text order, with line and column.
    public func findings(in text: String) -> [Finding] {
        let bytes = Array(text.utf8)
        let spans = detect(bytes)
        guard !spans.isEmpty else { return [] }
        var line = 1
        var lineStart = 0
        var scanned = 0
        return spans.map { span in
            while scanned < span.range.lowerBound {
                if bytes[scanned] == ScanByte.newline {
                    line += 1
                    lineStart = scanned + 1
                }
                scanned += 1
            }
            // Columns count scalars: every byte except UTF-8 continuation bytes starts one.
            let column = bytes[lineStart..<span.range.lowerBound].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
            return Finding(kind: span.kind, utf8Range: span.range, line: line, column: column)
        }
    }

    /// A detected range before line numbers are worked out.
    struct Span {
        var range: Range<Int>
        var kind: Finding.Kind
        /// Higher wins when two detections overlap (the URL's credentials over the email inside them).
        var priority: Int
    }

    /// All detections, overlaps resolved by priority, sorted by position.
    func detect(_ bytes: [UInt8]) -> [Span] {
        var scanner = PatternScanner(bytes: bytes)
        var candidates = scanner.scanAll()
        names.find(in: bytes, into: &candidates)
        guard !candidates.isEmpty else { return [] }
        candidates.sort {
            if $0.priority != $1.priority { return $0.priority > $1.priority }
            if $0.range.lowerBound != $1.range.lowerBound { return $0.range.lowerBound < $1.range.lowerBound }
            return $0.range.count > $1.range.count
        }
        var accepted: [Span] = []
        var taken = [Bool](repeating: false, count: bytes.count)
        for candidate in candidates where !taken[candidate.range].contains(true) {
            accepted.append(candidate)
            for index in candidate.range { taken[index] = true }
        }
        accepted.sort { $0.range.lowerBound < $1.range.lowerBound }
        return accepted
    }
}

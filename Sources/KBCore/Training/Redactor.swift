/// Replaces personal data in text with placeholders (`[correo]`, `[teléfono]`, …) before it reaches customers.
///
/// Detects emails, phone numbers, IPv4 and IPv6 addresses, credentials in URLs, passwords and PINs (also in
/// Spanish and English phrasing), provider tokens, JWTs, private keys, national identity numbers (Chile, Mexico,
/// Spain, Argentina, Colombia, Peru), payment card numbers, and the customer and agent names it is given, in text
/// normalized as a reader sees it (`NormalizedText`). It works on UTF-8 bytes in a few linear passes, so
/// thousands of texts take well under a second. Detection leans towards hiding: an unusual string that
/// looks like a key is redacted; dates, times, ticket ids (`T-000123`), versions (`v2.3`), error codes
/// (`ERR-401`) and years are not phone numbers. Loopback and unspecified addresses (`127.0.0.1`, `::1`,
/// `0.0.0.0`) are documentation, not personal data, and are kept.
public struct Redactor: Sendable {
    public var language: Language
    let names: NameIndex
    /// False only in the tests that show a leak check can fail: such a redactor finds nothing.
    let isEnabled: Bool

    /// A redactor writing placeholders in `language` that also hides the given customer and agent
    /// names (whole words, ignoring case and accents: `Jose Perez` hides `JOSÉ PÉREZ`).
    public init(language: Language = .spanish, customerNames: [String] = [], agentNames: [String] = []) {
        self.language = language
        self.names = NameIndex(customerNames: customerNames, agentNames: agentNames)
        self.isEnabled = true
    }

    /// A redactor that finds and hides nothing, for tests proving that their leak checks see leaks.
    init(disabledIn language: Language) {
        self.language = language
        self.names = NameIndex(customerNames: [], agentNames: [])
        self.isEnabled = false
    }

    /// The placeholder that replaces data of `kind`: each kind its own, so a reader knows what was there.
    public func placeholder(for kind: Finding.Kind) -> String {
        let spanish = language == .spanish
        switch kind {
        case .email: return spanish ? "[correo]" : "[email]"
        case .phone: return spanish ? "[teléfono]" : "[phone]"
        case .ipAddress: return "[IP]"
        case .urlCredentials: return spanish ? "[credencial]" : "[credentials]"
        case .password: return spanish ? "[contraseña]" : "[password]"
        case .pin: return "[PIN]"
        case .token: return "[token]"
        case .privateKey: return spanish ? "[clave privada]" : "[private key]"
        case .card: return spanish ? "[tarjeta]" : "[card]"
        case .rut: return "[RUT]"
        case .curp: return "[CURP]"
        case .rfc: return "[RFC]"
        case .dni: return "[DNI]"
        case .nie: return "[NIE]"
        case .cuit: return "[CUIT/CUIL]"
        case .cedula: return spanish ? "[cédula]" : "[ID number]"
        case .customerName: return spanish ? "[cliente]" : "[customer]"
        case .agentName: return spanish ? "[agente]" : "[agent]"
        }
    }

    /// `text` with every finding replaced by its placeholder.
    ///
    /// Findings are looked for in the text as a reader sees it (`NormalizedText`: character references decoded,
    /// NFKC, zero-width and bidi controls removed) and replaced in the text as written, whole: an address written
    /// `juan&#64;example.com` is replaced entity and all. Everything else is left exactly as written.
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

    /// Every piece of personal data and every secret in `text`, in text order, with line and column (of the text
    /// as written: the ranges are those `redact` replaces).
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

    /// True when `text` holds a secret (a password, PIN, token, key or URL credentials), however written.
    public func containsSecret(_ text: String) -> Bool {
        detect(Array(text.utf8)).contains { $0.kind.isSecret }
    }

    /// A detected range before line numbers are worked out.
    struct Span {
        var range: Range<Int>
        var kind: Finding.Kind
        /// Higher wins when two detections overlap (the URL's credentials over the email inside them).
        var priority: Int
    }

    /// All detections in the UTF-8 `original`, as ranges of it: found in its normalized form, overlaps resolved by
    /// priority, mapped back and merged where the mapping made two of them touch the same written characters.
    func detect(_ original: [UInt8]) -> [Span] {
        guard isEnabled, !original.isEmpty else { return [] }
        let normalized = NormalizedText(original)
        let found = detectNormalized(normalized.bytes)
        guard !normalized.isUnchanged else { return found }
        var mapped: [Span] = []
        for var span in found {
            span.range = normalized.originalRange(of: span.range)
            if let last = mapped.last, span.range.lowerBound < last.range.upperBound {
                mapped[mapped.count - 1].range = last.range.lowerBound..<max(last.range.upperBound, span.range.upperBound)
            } else {
                mapped.append(span)
            }
        }
        return mapped
    }

    /// Detections in normalized bytes, overlaps resolved by priority, sorted by position.
    private func detectNormalized(_ bytes: [UInt8]) -> [Span] {
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

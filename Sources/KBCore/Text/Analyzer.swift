/// Turns UTF-8 text into index terms, with byte offsets into the original
/// text so FTS5's `snippet()` and `highlight()` show what was written.
///
/// Documents and queries go through the same analyzer, so a query term
/// matches exactly the terms its words would have produced in a document.
///
/// ## Tokens
/// - A **word character** is a letter or a decimal digit (Unicode-aware:
///   `á é í ó ú ü ñ ç`…, any alphabetic script). Combining marks, the soft
///   hyphen and zero-width (non-)joiners continue a word; a combining accent
///   is composed into the letter before it, so decomposed text analyses like
///   precomposed text. `ª`, `º`, `×`, `÷`, punctuation and symbols separate.
/// - A **segment** is a maximal run of word characters. For English only,
///   an apostrophe (`'` or `’`) followed by a letter stays inside the
///   segment (`customer's`, `don't`), as the English stemmer expects.
/// - A **code** is two or more segments joined by single joiners — `-`,
///   `.`, `/`, `_` with a word character directly on both sides, or `:`
///   with an ASCII digit on both sides — when at least one segment holds a
///   digit and the whole is at most ``maximumTokenBytes`` long: `ERR-401`,
///   `db-01`, `v2.3`, `SIP/2.0`, `10.0.0.1`, `T-1042`, the time `16:10` and
///   `10.0.0.1:8080` are each one term. A joiner next to a space or to
///   another joiner is a separator (`reinicio. Luego` is two words,
///   `ERR-401.` ends before the period). Joined segments without any digit
///   (`e-mail`, `inicio.Luego`) are separate words; so are the segments of
///   an over-long joined run (long URLs, paths).
/// - A lone segment holding a digit (`401`, `v2`, `x86`) is also a code.
///
/// ## Terms
/// Every token is lower-cased. Codes are not stemmed; other segments are
/// stemmed with the language's Snowball stemmer. Diacritics left after
/// stemming are folded (á→a, ñ→n, ü→u, ç→c, æ→ae, ß→ss, ł→l…), so
/// `contrasena` finds `contraseña`. No stop words are removed.
///
/// ## Limits
/// A segment (or code) longer than ``maximumTokenBytes`` bytes of UTF-8 is
/// skipped, not cut: such runs are hashes, base64 or binary noise, and a
/// truncated prefix would only match by accident. Malformed UTF-8 and
/// control characters separate tokens. Memory stays bounded whatever the
/// input size.
public struct Analyzer: Sendable {
    /// Longest token, in UTF-8 bytes of the original text, that is indexed.
    public static let maximumTokenBytes = 64

    /// The language whose stemmer words go through.
    public let language: Language
    private let stemmer: any Stemmer
    /// Shared by copies of this analyzer (FTS5 keeps one per connection and language).
    private let stemCache: StemCache.Shared?

    /// Creates an analyzer for a language (Spanish unless told otherwise).
    public init(language: Language = .spanish) {
        self.init(language: language, cachesTerms: true)
    }

    /// Creates an analyzer that caches the terms of words it has seen, or not (tests compare both).
    init(language: Language, cachesTerms: Bool) {
        self.language = language
        stemCache = cachesTerms ? StemCache.Shared() : nil
        switch language {
        case .spanish: stemmer = SpanishStemmer()
        case .english: stemmer = EnglishStemmer()
        }
    }

    /// Analyzes UTF-8 text, calling `emit` with each term in text order.
    ///
    /// `emit` receives the term's UTF-8 (valid only during the call) and the
    /// start and end byte offsets of its token in `utf8`; it returns false to
    /// stop early. Scratch buffers are allocated once per call and reused
    /// for every token; the terms of words already seen come from a
    /// bounded cache (see ``StemCache``), so repetitive text is cheap.
    public func analyze<E: Error>(
        _ utf8: UnsafeBufferPointer<UInt8>,
        _ emit: (_ term: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) throws(E) -> Bool
    ) throws(E) {
        guard !utf8.isEmpty else { return }
        var pass = AnalysisPass(
            bytes: utf8, stemmer: stemmer, allowsApostrophes: language == .english,
            maximumTokenBytes: Self.maximumTokenBytes)
        guard let shared = stemCache else {
            try pass.run(emit)
            return
        }
        var slot = 0
        var checkedOut = shared.checkOut(slot: slot)
        while checkedOut == nil, slot + 1 < StemCache.Shared.slotCount {
            slot += 1
            checkedOut = shared.checkOut(slot: slot)
        }
        guard var cache = checkedOut.take() else {
            try pass.run(emit)
            return
        }
        var failure: E?
        do {
            try withUnsafeMutablePointer(to: &cache) { (pointer) throws(E) in
                pass.stemCache = pointer
                try pass.run(emit)
            }
        } catch {
            failure = error
        }
        shared.checkIn(cache, slot: slot)
        if let failure { throw failure }
    }

    /// The tokens of a text: terms with their byte ranges in `text.utf8`.
    public func tokens(_ text: String) -> [AnalyzedToken] {
        var text = text
        var tokens: [AnalyzedToken] = []
        text.withUTF8 { utf8 in
            analyze(utf8) { term, start, end in
                tokens.append(AnalyzedToken(term: String(decoding: term, as: UTF8.self), byteRange: start ..< end))
                return true
            }
        }
        return tokens
    }

    /// The terms of a text, in order, with repetitions.
    public func terms(_ text: String) -> [String] {
        var text = text
        var terms: [String] = []
        text.withUTF8 { utf8 in
            analyze(utf8) { term, _, _ in
                terms.append(String(decoding: term, as: UTF8.self))
                return true
            }
        }
        return terms
    }
}

/// The state behind kb's FTS5 tokenizer on one connection: which language documents and queries use now.
///
/// FTS5 gives a tokenizer no per-row context, so a document in another language (an English article
/// in a Spanish workspace) is written and queried with `language` switched around that statement.
public final class TokenizerContext {
    /// The language the tokenizer analyses with until changed.
    public var language: Language
    let sources: [Language: TermSource]

    public init(language: Language, sources: [Language: TermSource]) {
        self.language = language
        self.sources = sources
    }

    /// Runs `body` with the tokenizer switched to `language`, restoring the previous one after.
    public func with<T>(language: Language, _ body: () throws -> T) rethrows -> T {
        let previous = self.language
        self.language = language
        defer { self.language = previous }
        return try body()
    }

    /// The term source of `fixed`, or of the current language when nil.
    func source(for fixed: Language?) -> TermSource {
        sources[fixed ?? language] ?? sources.values.first!
    }
}

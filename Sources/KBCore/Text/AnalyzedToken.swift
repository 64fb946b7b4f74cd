/// One index term and the bytes of the original UTF-8 text it came from.
public struct AnalyzedToken: Sendable, Hashable {
    /// The term as indexed: lower-case, stemmed (words only), folded.
    public let term: String
    /// Byte offsets of the token in the analysed UTF-8 text.
    public let byteRange: Range<Int>

    /// Creates a token.
    public init(term: String, byteRange: Range<Int>) {
        self.term = term
        self.byteRange = byteRange
    }
}

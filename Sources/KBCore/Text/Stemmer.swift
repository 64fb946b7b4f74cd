/// A stemming algorithm that reduces inflected words to a common stem.
///
/// Implementations expect lower-case input, as the Snowball reference
/// vocabularies are lower-case; `Analyzer` lower-cases before stemming.
public protocol Stemmer: Sendable {
    /// Stems a word held as Unicode scalar values, in place.
    ///
    /// This is the hot path: the analyzer keeps one buffer per call and
    /// reuses it for every token, so stemming allocates nothing as long as
    /// the buffer has spare capacity for the few scalars a rule may add.
    func stem(_ scalars: inout [UInt32])
}

extension Stemmer {
    /// Returns the stem of a lower-case word.
    public func stem(_ word: String) -> String {
        var scalars = word.unicodeScalars.map(\.value)
        stem(&scalars)
        var result = String.UnicodeScalarView()
        for value in scalars {
            // Stemmers only ever write scalars taken from their input or
            // from ASCII literals, so every value is a valid scalar.
            if let scalar = Unicode.Scalar(value) {
                result.append(scalar)
            }
        }
        return String(result)
    }
}

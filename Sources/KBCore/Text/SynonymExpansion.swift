/// A run of query terms that matches a synonym entry, with what it may be
/// replaced by.
public struct SynonymExpansion: Sendable, Hashable {
    /// Positions of the matched terms in the analysed query.
    public let range: Range<Int>
    /// The other entries of the matched entry's groups, each an analysed
    /// term sequence (more than one term means a phrase).
    public let alternatives: [[String]]

    /// Creates an expansion.
    public init(range: Range<Int>, alternatives: [[String]]) {
        self.range = range
        self.alternatives = alternatives
    }
}

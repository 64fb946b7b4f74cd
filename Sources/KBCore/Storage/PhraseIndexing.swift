/// What `Store.indexPhrases` did: the phrases whose lists it built and dropped, and what that cost.
public struct PhraseIndexing: Sendable, Equatable {
    /// The phrases indexed now, as given (their spellings), in key order.
    public var added: [String] = []
    /// The phrases no longer asked for, whose lists were dropped, as analysed (their terms joined by spaces).
    public var removed: [String] = []
    /// How many phrases the index lists afterwards.
    public var indexed = 0
    /// How many tickets' texts were read to build the new lists (those holding every word of one of them).
    public var ticketsRead = 0

    public init() {}

    /// Whether anything changed.
    public var changed: Bool { !added.isEmpty || !removed.isEmpty }
}

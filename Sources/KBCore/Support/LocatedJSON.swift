/// A parsed JSON value that remembers the byte offset where it starts, and so do all values inside it.
///
/// For files people edit (the policy): an error about a value can name its line and column.
struct LocatedJSON: Sendable {
    enum Content: Sendable {
        case null
        case bool(Bool)
        case number(Double)
        case string(String)
        case array([LocatedJSON])
        /// Members in document order, repeated names included.
        case object([(key: String, value: LocatedJSON)])
    }

    /// Offset of the value's first byte in the text it was parsed from.
    let offset: Int
    let content: Content
}

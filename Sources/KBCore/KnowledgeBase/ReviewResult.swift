/// A written review: the value, its document in the requested format, and whether proposals were mined.
public struct ReviewResult: Sendable {
    public let review: Review
    /// The review rendered in the request's format (JSON: `review.jsonText()` and a newline).
    public let document: String
    /// True when automation proposals were left out because the store holds `KnowledgeBase.miningLimit` tickets
    /// or more and the request did not ask for them.
    public let proposalsSkipped: Bool
}

extension ReviewResult: JSONEncodable {
    public static var jsonIsIndented: Bool { Review.jsonIsIndented }

    /// The review's JSON.
    public func write(to writer: inout JSONWriter) {
        review.write(to: &writer)
    }
}

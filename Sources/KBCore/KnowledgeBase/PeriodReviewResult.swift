/// A period's reviews: the batch (reviews, summary, file names) and every document rendered, ready to write.
public struct PeriodReviewResult: Sendable {
    public let batch: ReviewBatch
    /// The reviews by file name, then the summary and the index.
    public let documents: [ReviewDocument]

    /// Timeline warnings over all the reviews.
    public var warningCount: Int { batch.reviews.reduce(0) { $0 + $1.warnings.count } }
}

extension PeriodReviewResult: JSONEncodable {
    public static var jsonIsIndented: Bool { PeriodSummary.jsonIsIndented }

    /// The period summary's JSON.
    public func write(to writer: inout JSONWriter) {
        batch.summary.write(to: &writer)
    }
}

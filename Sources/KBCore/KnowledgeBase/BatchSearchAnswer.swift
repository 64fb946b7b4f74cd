/// One line of a batch search (`kb search --queries FILE`): the query's id and the ids it found, best first.
public struct BatchSearchAnswer: Sendable, JSONEncodable {
    public let qid: String
    public let ids: [String]

    public init(qid: String, ids: [String]) {
        self.qid = qid
        self.ids = ids
    }

    /// `{"qid":…,"results":[ids…]}`.
    public func write(to writer: inout JSONWriter) {
        writer.object(("qid", qid), ("results", ids))
    }
}

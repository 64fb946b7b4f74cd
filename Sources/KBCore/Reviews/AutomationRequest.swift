/// What automation mining keeps of one closed severity-5 request.
struct AutomationRequest: Sendable {
    var id: String
    /// The ticket's service; empty when it names none.
    var service: String
    var createdAt: Int64
    var title: String
    /// Distinct normalised title terms.
    var titleTerms: [Int32]
    /// Manual work over the whole timeline (see ``AutomationProposal``).
    var workSeconds: Int64
    /// The first tag, folded; empty when untagged. Agents tag alike requests alike.
    var firstTag: String = ""
    /// Linked articles (the ticket's `articles` field).
    var articles: [String] = []
}

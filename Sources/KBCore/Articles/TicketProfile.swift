/// A solved ticket reduced to the words that tell it apart, as gaps cluster tickets and match them with articles.
///
/// The **symptoms** are what the customer saw (title, description, tags); the **cause** is what support found and
/// did (root cause and resolution). Two tickets with the same symptoms ("los SMS no salen") may have different
/// causes (the provider's quota, an encoding bug): only the cause terms say whether one article answers both.
struct TicketProfile: Sendable, Equatable {
    /// A term with its tf·idf weight in the ticket.
    struct WeightedTerm: Sendable, Equatable {
        var term: String
        var weight: Double
    }

    /// The heaviest symptom terms, heaviest first.
    var symptoms: [WeightedTerm]
    /// The heaviest cause and resolution terms, heaviest first; empty when the ticket says neither.
    var causes: [WeightedTerm]
    /// Every characteristic term of the root cause and the resolution.
    var causeVocabulary: Set<String>
    /// Every characteristic term of every text of the ticket.
    var allTerms: Set<String>

    var symptomSet: Set<String> { Set(symptoms.map(\.term)) }
    var causeSet: Set<String> { Set(causes.map(\.term)) }
    /// What shows how the ticket was solved: the cause terms, else (a ticket that says no cause) the symptoms.
    var evidence: [WeightedTerm] { causes.isEmpty ? symptoms : causes }
}

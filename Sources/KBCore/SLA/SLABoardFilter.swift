/// Which tickets `kb sla` shows: by customer, severity, service, assignee and plan.
///
/// Values are matched ignoring case and accents (`--customer "autopartes del bajio"`); several values of one
/// field are alternatives, different fields must all match. A value no ticket or policy entry has is an error
/// listing the known ones.
public struct SLABoardFilter: Sendable, Equatable {
    public enum Field: String, Sendable, CaseIterable {
        case customer, severity, service, assignee, plan

        /// The plural for messages: `known customers: …`.
        var plural: String { self == .severity ? "severities" : rawValue + "s" }
    }

    /// The values asked for, by field.
    public var values: [Field: [String]]

    public init(values: [Field: [String]] = [:]) {
        self.values = values.filter { !$0.value.isEmpty }
    }

    public var isEmpty: Bool { values.isEmpty }

    /// The filter as the SQL condition and values that select its tickets, and the plans a ticket's terms must
    /// resolve to (a plan comes from the ticket, its customer or the default, so it is checked after reading).
    struct Selection {
        var condition = "1"
        var values: [any SQLBindable] = []
        /// Plan names of the policy that match; nil when plans are not filtered.
        var plans: Set<String>?
    }

    /// Checks every value against the store and the policy and builds the selection.
    func selection(store: Store, policy: Policy) throws -> Selection {
        var selection = Selection()
        var conditions: [String] = []
        for field in Field.allCases {
            guard let wanted = values[field] else { continue }
            let stored = field == .plan || field == .severity ? [] : try store.distinctTicketValues(of: field)
            let known: [String]
            switch field {
            case .customer: known = stored + policy.customers.keys
            case .service: known = stored + policy.routing.keys
            case .assignee: known = stored
            case .plan: known = Array(policy.plans.keys)
            case .severity: known = (1...5).map(String.init)
            }
            var matchedStored: [String] = []
            var matchedKnown: Set<String> = []
            for value in wanted {
                let key = Policy.foldedKey(value)
                let matches = known.filter { Policy.foldedKey($0) == key }
                guard !matches.isEmpty, !key.isEmpty else {
                    throw SLABoardError.unknownValue(option: "--" + field.rawValue, value: value, plural: field.plural,
                                                     known: Array(Set(known)).sorted(by: SLABoardFilter.knownOrder))
                }
                matchedKnown.formUnion(matches)
                matchedStored += stored.filter { Policy.foldedKey($0) == key }
            }
            switch field {
            case .plan:
                selection.plans = matchedKnown
            case .severity:
                let severities = matchedKnown.compactMap { Int($0) }.sorted()
                conditions.append("severity IN (" + severities.map { _ in "?" }.joined(separator: ", ") + ")")
                selection.values += severities.map { $0 as any SQLBindable }
            default:
                let unique = Array(Set(matchedStored)).sorted()
                guard !unique.isEmpty else {
                    // Known only from the policy: no ticket has it.
                    conditions.append("0")
                    continue
                }
                conditions.append(Store.ticketColumn(of: field) + " IN (" + unique.map { _ in "?" }.joined(separator: ", ") + ")")
                selection.values += unique.map { $0 as any SQLBindable }
            }
        }
        if !conditions.isEmpty { selection.condition = conditions.joined(separator: " AND ") }
        return selection
    }

    /// Numbers in numeric order (severities), names in code-point order.
    static func knownOrder(_ lhs: String, _ rhs: String) -> Bool {
        if let left = Int(lhs), let right = Int(rhs) { return left < right }
        return lhs < rhs
    }
}

/// A `kb sla` filter value that matches nothing kb knows.
public enum SLABoardError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownValue(option: String, value: String, plural: String, known: [String])

    public var description: String {
        switch self {
        case let .unknownValue(option, value, plural, known):
            let shown = known.prefix(40).joined(separator: ", ") + (known.count > 40 ? ", … (\(known.count) in all)" : "")
            return known.isEmpty ? "unknown \(option) '\(value)'; no ticket has any \(plural.dropLast())"
                : "unknown \(option) '\(value)'; known \(plural): \(shown)"
        }
    }
}

/// One thing worth automating or changing, with the tickets that show it and what it would save.
///
/// - `manualMinutes`: the manual minutes counted for the kind (``AutomationKind/countedMinutes(language:)``)
///   summed over the evidence tickets. A ticket's manual work comes from its timeline: for each author,
///   the first `action` or `evidence` event counts ``firstActionMinutes`` minutes and each later one the
///   gap since that author's previous `action`/`evidence` event, capped at ``gapCapMinutes`` minutes
///   (longer gaps are waiting, not work).
/// - `hoursSavedPerMonth`: manual minutes per occurrence × occurrences per month over the period ×
///   the kind's ``AutomationKind/automationFactor``, in hours. A period shorter than a month counts as
///   one month, so a burst is not extrapolated.
/// - `confidence`: `n / (n + 3)` for `n` occurrences (3 → 0.5, 9 → 0.75, 27 → 0.9), times
///   `0.5 + 0.5 × consistency`, where consistency (0–1) says how uniform the signal is for the kind
///   (``consistency``).
public struct AutomationProposal: Sendable, Equatable {
    /// Minutes a person's first action or evidence event on a ticket counts.
    public static let firstActionMinutes = 10
    /// Longest gap between one person's consecutive actions counted as work, in minutes.
    public static let gapCapMinutes = 30

    /// What kind of change the proposal is.
    public var kind: AutomationKind
    /// What to automate, in the report's language.
    public var title: String
    /// Why, with the figures behind it.
    public var rationale: String
    /// Ids of the tickets that show the pattern, sorted (numbers inside ids compare as numbers).
    public var evidence: [String]
    /// Number of evidence tickets.
    public var occurrences: Int
    /// Counted manual minutes over all evidence tickets.
    public var manualMinutes: Int
    /// Estimated hours of manual work saved per month (two decimals), by the rule above.
    public var hoursSavedPerMonth: Double
    /// How sure the proposal is, 0–1 with two decimals, by the rule above.
    public var confidence: Double
    /// How uniform the signal is (0–1), the second factor of `confidence`.
    public var consistency: Double
    /// Services of the evidence tickets, most frequent first.
    public var services: [String]
    /// Draft runbook (runbook proposals) or the breakdown behind the proposal; may be empty.
    public var steps: [String]
    /// Creation day (`YYYY-MM-DD`, UTC) of each evidence ticket, in `evidence` order; empty when unknown.
    public var evidenceDays: [String]
    /// How `hoursSavedPerMonth` was computed, with its numbers, in the report's language; empty until the
    /// miner writes it.
    public var calculation: String = ""

    /// A proposal; `evidence` is sorted (and made unique), `occurrences` and `confidence` are derived.
    /// `evidenceDays` gives the creation day of evidence tickets by id.
    public init(
        kind: AutomationKind, title: String, rationale: String, evidence: [String], manualMinutes: Int,
        hoursSavedPerMonth: Double, consistency: Double, services: [String] = [], steps: [String] = [],
        evidenceDays: [String: String] = [:]
    ) {
        self.kind = kind
        self.title = title
        self.rationale = rationale
        self.evidence = AutomationProposal.sortedIDs(evidence)
        occurrences = self.evidence.count
        self.manualMinutes = manualMinutes
        self.hoursSavedPerMonth = hoursSavedPerMonth
        self.consistency = consistency
        confidence = AutomationProposal.confidence(occurrences: occurrences, consistency: consistency)
        self.services = services
        self.steps = steps
        self.evidenceDays = evidenceDays.isEmpty ? [] : self.evidence.map { evidenceDays[$0] ?? "" }
    }

    /// Manual minutes per occurrence, rounded.
    public var minutesPerOccurrence: Int { occurrences == 0 ? 0 : Int((Double(manualMinutes) / Double(occurrences)).rounded()) }

    /// The confidence rule of the type's documentation, rounded to two decimals.
    public static func confidence(occurrences: Int, consistency: Double) -> Double {
        let support = Double(occurrences) / Double(occurrences + 3)
        let uniform = 0.5 + 0.5 * min(1, max(0, consistency))
        return (support * uniform * 100).rounded() / 100
    }

    /// Hours saved per month, rounded to two decimals, for `manualMinutes` over `months` months.
    public static func hoursSaved(manualMinutes: Int, months: Double, kind: AutomationKind) -> Double {
        let hours = Double(manualMinutes) / 60 / max(1, months) * kind.automationFactor
        return (hours * 100).rounded() / 100
    }

    /// Ids without duplicates, in natural order: `T-9` before `T-10`.
    public static func sortedIDs(_ ids: [String]) -> [String] {
        // Bytes are taken once per id, not once per comparison: evidence lists reach tens of thousands of ids.
        let keyed = ids.map { (Array($0.utf8), $0) }
        // Evidence arrives in creation order, which usually is id order already: check before sorting.
        if zip(keyed, keyed.dropFirst()).allSatisfy({ naturalOrder($0.0, $1.0, $0.1, $1.1) }) { return ids }
        var seen = Set<String>()
        return keyed.filter { seen.insert($0.1).inserted }
            .sorted { naturalOrder($0.0, $1.0, $0.1, $1.1) }
            .map(\.1)
    }

    /// Compares runs of digits by value and everything else byte by byte.
    static func naturalOrder(_ left: String, _ right: String) -> Bool {
        naturalOrder(Array(left.utf8), Array(right.utf8), left, right)
    }

    private static func naturalOrder(_ a: [UInt8], _ b: [UInt8], _ left: String, _ right: String) -> Bool {
        var i = 0, j = 0
        while i < a.count && j < b.count {
            if isDigit(a[i]) && isDigit(b[j]) {
                var endA = i, endB = j
                while endA < a.count && isDigit(a[endA]) { endA += 1 }
                while endB < b.count && isDigit(b[endB]) { endB += 1 }
                var startA = i, startB = j
                while startA < endA - 1 && a[startA] == UInt8(ascii: "0") { startA += 1 }
                while startB < endB - 1 && b[startB] == UInt8(ascii: "0") { startB += 1 }
                let lengthA = endA - startA, lengthB = endB - startB
                if lengthA != lengthB { return lengthA < lengthB }
                for k in 0..<lengthA where a[startA + k] != b[startB + k] { return a[startA + k] < b[startB + k] }
                i = endA
                j = endB
            } else {
                if a[i] != b[j] { return a[i] < b[j] }
                i += 1
                j += 1
            }
        }
        if a.count - i != b.count - j { return a.count - i < b.count - j }
        return left < right
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
}

import Foundation

/// Reads tickets one at a time into the compact digests the signals work on.
///
/// Per ticket the work is small: the analyzer runs over short texts (actions, public comments,
/// the root cause or the title), terms become integer ids, and one SLA reading is taken. Everything
/// that compares tickets with each other runs afterwards, over the digests.
struct AutomationCollector {
    let options: AutomationOptions
    let policy: Policy
    let normalizer: AutomationTextNormalizer
    private let businessHours: BusinessCalendar
    private let monitorable: Set<String>

    var vocabulary = AutomationVocabulary()
    var actions = AutomationPhraseBook()
    var evidenceRequests = AutomationPhraseBook()
    var incidents: [AutomationIncident] = []
    var requests: [AutomationRequest] = []
    /// Earliest creation of any ticket read, for an open-ended period.
    var firstCreated: Int64?
    private var timeZones: [String: TimeZone] = [:]

    init(options: AutomationOptions, policy: Policy) {
        self.options = options
        self.policy = policy
        normalizer = AutomationTextNormalizer(language: options.analyzerLanguage)
        businessHours = policy.calendars["12x5"] ?? .twelveFive
        monitorable = Set(options.monitorableServices.map(AccentFolding.fold))
    }

    /// Whether customer-reported incidents on a service are a detection gap (case and accents ignored).
    func isMonitorable(_ service: String) -> Bool { monitorable.contains(AccentFolding.fold(service)) }

    /// Whether a ticket belongs to the period.
    func inPeriod(_ ticket: Ticket) -> Bool {
        if let since = options.since, ticket.createdAt.seconds < since.seconds { return false }
        if let until = options.until, ticket.createdAt.seconds >= until.seconds { return false }
        return true
    }

    /// Reads a closed severity 1–2 incident.
    mutating func addIncident(_ ticket: Ticket) {
        let events = ticket.sortedTimeline().events
        let work = AutomationIncident.workSeconds(of: events)
        noteCreated(ticket.createdAt.seconds)

        var uses: [AutomationIncident.ActionUse] = []
        var seenActions = Set<Int32>()
        var asks: [Int32] = []
        var escalations: [AutomationIncident.Escalation] = []
        var workSoFar: Int64 = 0
        var detectedFirst = false
        for (index, event) in events.enumerated() {
            switch event.kind {
            case .action:
                let terms = normalizer.terms(event.text)
                if !terms.isEmpty {
                    let phrase = actions.phrase(terms: vocabulary.ids(for: terms), wording: Self.wording(event.text))
                    uses.append(.init(phrase: phrase, seconds: work[index]))
                    if seenActions.insert(phrase).inserted { actions.countIncident(phrase) }
                }
            case .comment where event.visibility == .public:
                if normalizer.requestsEvidence(event.text) {
                    let terms = normalizer.terms(event.text)
                    if !terms.isEmpty {
                        let phrase = evidenceRequests.phrase(terms: vocabulary.ids(for: terms), wording: Self.wording(event.text))
                        if !asks.contains(phrase) {
                            asks.append(phrase)
                            evidenceRequests.countIncident(phrase)
                        }
                    }
                }
            case .escalation:
                if let target = event.to?.trimmingCharacters(in: .whitespaces), !target.isEmpty,
                   !escalations.contains(where: { $0.target == target }) {
                    escalations.append(.init(target: target, delaySeconds: max(0, event.at.seconds - ticket.createdAt.seconds),
                                             workSecondsBefore: workSoFar))
                }
            case .detected:
                if event.at.seconds <= ticket.createdAt.seconds { detectedFirst = true }
            default:
                break
            }
            workSoFar += work[index]
        }

        let cause = (ticket.rootCause ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let sla = TicketSLA(ticket: ticket, policy: policy, now: options.now)
        let zone = timeZone(sla.timeZoneIdentifier)
        let local = ticket.createdAt.seconds + Int64(zone.secondsFromGMT(for: ticket.createdAt.date))
        let day = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        incidents.append(AutomationIncident(
            id: ticket.id, service: ticket.service ?? "", createdAt: ticket.createdAt.seconds, workSeconds: workSoFar,
            actions: uses, evidenceRequests: asks,
            causeTerms: cause.isEmpty ? [] : vocabulary.ids(for: normalizer.terms(cause)), causeText: Self.wording(cause),
            namesArticle: ticket.articles.contains { !$0.isEmpty },
            customerReported: ticket.channel != .monitoreo && !detectedFirst,
            escalations: escalations, breached: sla.isBreached,
            weekday: Int(((day + 3) % 7 + 7) % 7), hour: Int((local - day * 86_400) / 3_600),
            outsideBusinessHours: !businessHours.isBusinessTime(ticket.createdAt, in: zone)))
    }

    /// Reads a closed severity-5 request.
    mutating func addRequest(_ ticket: Ticket) {
        noteCreated(ticket.createdAt.seconds)
        let events = ticket.sortedTimeline().events
        let work = AutomationIncident.workSeconds(of: events).reduce(0, +)
        requests.append(AutomationRequest(
            id: ticket.id, service: ticket.service ?? "", createdAt: ticket.createdAt.seconds, title: Self.wording(ticket.title),
            titleTerms: vocabulary.ids(for: normalizer.terms(ticket.title)), workSeconds: work))
    }

    private mutating func noteCreated(_ seconds: Int64) {
        if firstCreated == nil || seconds < firstCreated! { firstCreated = seconds }
    }

    private mutating func timeZone(_ identifier: String) -> TimeZone {
        if let zone = timeZones[identifier] { return zone }
        let zone = TimeZone(identifier: identifier) ?? TimeZone(secondsFromGMT: 0)!
        timeZones[identifier] = zone
        return zone
    }

    /// A text as shown in a report: whitespace runs (line breaks included) become one space.
    static func wording(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

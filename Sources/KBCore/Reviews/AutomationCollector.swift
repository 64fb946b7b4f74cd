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
    /// Texts already analysed: templated wordings repeat across thousands of incidents.
    private var analysed: [String: (terms: [Int32], wording: String)] = [:]
    private var evidenceRequestTexts: [String: Bool] = [:]
    /// Bound on each cache, so free-form text cannot grow them without limit.
    static let cacheLimit = 200_000

    /// People the tickets name (customers, assignees, event authors), so no proposal text shows one.
    var customerNames = Set<String>()
    var agentNames = Set<String>()
    /// Hides those people in the texts proposals quote; set once every ticket is read (``peopleRedactor()``).
    var redactor = Redactor()
    /// Weight of each term id for meaning comparisons; set once every ticket is read (``termWeights()``).
    var termWeights: [Double] = []

    init(options: AutomationOptions, policy: Policy, synonyms: Synonyms = .empty) {
        self.options = options
        self.policy = policy
        normalizer = AutomationTextNormalizer(language: options.analyzerLanguage, synonyms: synonyms)
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
        notePeople(customer: ticket.customer, assignee: ticket.assignee, events: events)

        var uses: [AutomationIncident.ActionUse] = []
        var seenActions = Set<Int32>()
        var asks: [Int32] = []
        var escalations: [AutomationIncident.Escalation] = []
        var workSoFar: Int64 = 0
        var detectedFirst = false
        for (index, event) in events.enumerated() {
            switch event.kind {
            case .action:
                let (terms, wording) = analyse(event.text)
                if !terms.isEmpty {
                    let phrase = actions.phrase(terms: terms, wording: wording)
                    uses.append(.init(phrase: phrase, seconds: work[index]))
                    if seenActions.insert(phrase).inserted { actions.countIncident(phrase) }
                }
            case .comment where event.visibility == .public:
                if requestsEvidence(event.text) {
                    let (terms, wording) = analyse(event.text)
                    if !terms.isEmpty {
                        let phrase = evidenceRequests.phrase(terms: terms, wording: wording)
                        if !asks.contains(phrase) {
                            asks.append(phrase)
                            evidenceRequests.countIncident(phrase)
                        }
                    }
                }
            case .escalation:
                if let target = event.to.map(Self.trimmed), !target.isEmpty,
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

        let cause = analyse(ticket.rootCause ?? "")
        let sla = TicketSLA(ticket: ticket, policy: policy, now: options.now)
        let zone = timeZone(sla.timeZoneIdentifier)
        let local = ticket.createdAt.seconds + Int64(zone.secondsFromGMT(for: ticket.createdAt.date))
        let day = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        incidents.append(AutomationIncident(
            id: ticket.id, service: ticket.service ?? "", createdAt: ticket.createdAt.seconds, workSeconds: workSoFar,
            actions: uses, evidenceRequests: asks,
            causeTerms: cause.terms, causeText: cause.wording,
            namesArticle: ticket.articles.contains { !$0.isEmpty },
            customerReported: ticket.channel != .monitoreo && !detectedFirst,
            escalations: escalations, breached: sla.isBreached,
            weekday: Int(((day + 3) % 7 + 7) % 7), hour: Int((local - day * 86_400) / 3_600),
            outsideBusinessHours: !policy.applyingHolidays(to: businessHours, customer: ticket.customer.flatMap(policy.customer(named:)),
                                                           timeZone: zone.identifier).calendar.isBusinessTime(ticket.createdAt, in: zone)))
    }

    /// Reads a closed severity-5 request.
    mutating func addRequest(_ ticket: Ticket) {
        let work = AutomationIncident.workSeconds(of: ticket.sortedTimeline().events).reduce(0, +)
        notePeople(customer: ticket.customer, assignee: ticket.assignee, events: ticket.events)
        addRequest(id: ticket.id, service: ticket.service ?? "", createdAt: ticket.createdAt.seconds, title: ticket.title,
                   workSeconds: work, tags: ticket.tags, articles: ticket.articles)
    }

    /// Reads a closed severity-5 request from the few fields self-service needs.
    mutating func addRequest(id: String, service: String, createdAt: Int64, title: String, workSeconds: Int64,
                             tags: [String] = [], articles: [String] = []) {
        noteCreated(createdAt)
        let analysedTitle = analyse(title)
        requests.append(AutomationRequest(id: id, service: service, createdAt: createdAt, title: analysedTitle.wording,
                                          titleTerms: analysedTitle.terms, workSeconds: workSeconds,
                                          firstTag: tags.lazy.map(AccentFolding.fold).first { !$0.isEmpty } ?? "",
                                          articles: articles.filter { !$0.isEmpty }))
    }

    /// Records the people a ticket names: its customer as a customer, the assignee and the authors of support's
    /// events as agents, the authors of `created` and `customer_update` events as the customer's people.
    mutating func notePeople(customer: String?, assignee: String?, events: [TicketEvent]) {
        guard customerNames.count + agentNames.count < Self.cacheLimit else { return }
        if let customer, !customer.isEmpty { customerNames.insert(customer) }
        if let assignee, !assignee.isEmpty { agentNames.insert(assignee) }
        for event in events {
            guard let author = event.author, !author.isEmpty else { continue }
            if event.kind == .created || event.kind == .customerUpdate { customerNames.insert(author) } else { agentNames.insert(author) }
        }
    }

    /// A redactor hiding every person the tickets read name, with placeholders in the report's language.
    func peopleRedactor() -> Redactor {
        func person(_ name: String) -> Bool {
            let folded = AccentFolding.fold(name.trimmingCharacters(in: .whitespaces))
            return !folded.isEmpty && !name.contains(":") && !PersonNames.nonPersonAuthors.contains(folded)
        }
        let byteOrder: (String, String) -> Bool = { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return Redactor(language: options.language, customerNames: customerNames.subtracting(agentNames).filter(person).sorted(by: byteOrder),
                        agentNames: agentNames.filter(person).sorted(by: byteOrder))
    }

    /// Inverse document frequency of every term id over the distinct texts analysed (actions, asks, causes,
    /// request titles), for ``AutomationMeaningMerger``.
    func computeTermWeights() -> [Double] {
        AutomationMeaningMerger.inverseFrequencies(of: analysed.values.lazy.map(\.terms), termCount: vocabulary.count)
    }

    /// The normalised term ids (distinct, in text order) and the display wording of a text.
    private mutating func analyse(_ text: String) -> (terms: [Int32], wording: String) {
        if let known = analysed[text] { return known }
        let result = (vocabulary.ids(for: normalizer.terms(text)), Self.wording(text))
        if analysed.count < Self.cacheLimit { analysed[text] = result }
        return result
    }

    private mutating func requestsEvidence(_ text: String) -> Bool {
        if let known = evidenceRequestTexts[text] { return known }
        let result = normalizer.requestsEvidence(text)
        if evidenceRequestTexts.count < Self.cacheLimit { evidenceRequestTexts[text] = result }
        return result
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

    /// A short text without surrounding spaces (Foundation's trimming is slow on Linux).
    static func trimmed(_ text: String) -> String {
        guard text.first?.isWhitespace == true || text.last?.isWhitespace == true else { return text }
        return String(text.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }

    /// A text as shown in a report: whitespace runs (line breaks included) become one space.
    static func wording(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

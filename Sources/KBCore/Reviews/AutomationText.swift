/// Titles and rationales of automation proposals, in the report's language (words from its `Catalogue`).
struct AutomationText: Sendable {
    let language: Language
    private let words: Catalogue

    init(language: Language) {
        self.language = language
        words = language.catalogue
    }

    /// Longest quoted wording in a title, in characters.
    static let quoteLimit = 90

    /// A wording in the language's quotation marks, shortened to ``quoteLimit`` characters.
    func quote(_ text: String) -> String {
        let short = text.count > Self.quoteLimit ? String(text.prefix(Self.quoteLimit - 1)) + "…" : text
        return words("word.quoted", ["text": short])
    }

    func service(_ name: String) -> String { name.isEmpty ? words["automations.no_service"] : name }

    func services(_ names: [String]) -> String { names.map(service).joined(separator: ", ") }

    func percent(_ part: Int, of whole: Int) -> String {
        let value = whole == 0 ? 0 : Int((Double(part) * 100 / Double(whole)).rounded())
        return words("word.percent", ["value": String(value)])
    }

    func decimal(_ value: Double) -> String { JSONWriter.format(value, decimals: 2) }

    // MARK: - Runbook

    func runbookTitle(action: String) -> String {
        words("automations.runbook.title", ["action": quote(action)])
    }

    func runbookRationale(action: String, occurrences: Int, services: [String], steps: Int, following: Int,
                          minutesPerIncident: Int) -> String {
        words("automations.runbook.rationale", [
            "action": quote(action), "occurrences": String(occurrences), "services": self.services(services),
            "steps": words(steps == 1 ? "automations.steps_one" : "automations.steps_other", ["count": String(steps)]),
            "following": String(following), "minutes": String(minutesPerIncident),
        ])
    }

    // MARK: - Recurring causes

    func problemTitle(service: String, cause: String) -> String {
        words("automations.problem.title", ["service": self.service(service), "cause": quote(cause)])
    }

    func problemRationale(service: String, occurrences: Int, similarity: Double) -> String {
        words("automations.problem.rationale",
              ["occurrences": String(occurrences), "service": self.service(service), "similarity": decimal(similarity)])
    }

    func articleTitle(service: String, cause: String) -> String {
        words("automations.article.title", ["service": self.service(service), "cause": quote(cause)])
    }

    func articleRationale(service: String, occurrences: Int) -> String {
        words("automations.article.rationale", ["service": self.service(service), "occurrences": String(occurrences)])
    }

    // MARK: - Detection

    func monitoringTitle(service: String) -> String {
        words("automations.monitoring.title", ["service": self.service(service)])
    }

    func monitoringRationale(service: String, reported: Int, total: Int) -> String {
        words("automations.monitoring.rationale", [
            "reported": String(reported), "total": String(total), "service": self.service(service),
            "percent": percent(reported, of: total),
        ])
    }

    // MARK: - Escalation

    func escalationTitle(service: String, target: String) -> String {
        words("automations.escalation.title", ["target": ReviewVocabulary.target(target, in: words), "service": self.service(service)])
    }

    func escalationRationale(service: String, target: String, occurrences: Int, serviceTotal: Int, medianMinutes: Int,
                             slowMinutes: Int) -> String {
        let slow = medianMinutes > slowMinutes
            ? words("automations.escalation.slow", ["threshold": String(slowMinutes)])
            : words["automations.escalation.not_slow"]
        return words("automations.escalation.rationale", [
            "occurrences": String(occurrences), "service": self.service(service),
            "percent": percent(occurrences, of: serviceTotal), "target": ReviewVocabulary.target(target, in: words), "median": String(medianMinutes),
            "slow": slow,
        ])
    }

    // MARK: - Intake

    func intakeTitle(request: String) -> String {
        words("automations.intake.title", ["request": quote(request)])
    }

    func intakeRationale(occurrences: Int, serviceTotal: Int, services: [String]) -> String {
        words("automations.intake.rationale", [
            "occurrences": String(occurrences), "percent": percent(occurrences, of: serviceTotal),
            "services": self.services(services),
        ])
    }

    // MARK: - Staffing

    /// A time slot in a sentence: "fuera del horario 12x5", "los sábados", "en el turno de 00:00 a 08:00".
    func slot(_ slot: AutomationTimeSlot) -> String {
        switch slot {
        case .outsideBusinessHours: words["automations.slot.outside_business_hours"]
        case .weekday(let day): words["automations.slot.weekday.\(day)"]
        case .shift(let shift): words("automations.slot.shift", ["range": AutomationTimeSlot.shiftText(shift)])
        }
    }

    func staffingTitle(slot: AutomationTimeSlot) -> String {
        words("automations.staffing.title", ["slot": self.slot(slot)])
    }

    func staffingRationale(slot: AutomationTimeSlot, breached: Int, total: Int, overallBreached: Int, overallTotal: Int) -> String {
        words("automations.staffing.rationale", [
            "breached": String(breached), "total": String(total), "slot": self.slot(slot),
            "percent": percent(breached, of: total), "overall": percent(overallBreached, of: overallTotal),
        ])
    }

    // MARK: - Self-service

    func selfServiceTitle(request: String) -> String {
        words("automations.self_service.title", ["request": quote(request)])
    }

    func selfServiceRationale(service: String, occurrences: Int, minutesPerRequest: Int) -> String {
        words("automations.self_service.rationale", [
            "occurrences": String(occurrences), "service": self.service(service), "minutes": String(minutesPerRequest),
        ])
    }

    // MARK: - Calculation

    /// How a proposal's hours saved per month were computed, with its own numbers: "12 tickets × 35 min … = 7 h …".
    func calculation(_ proposal: AutomationProposal, months: Double) -> String {
        let hours = Double(proposal.manualMinutes) / 60
        return words("automations.calculation", [
            "occurrences": String(proposal.occurrences), "per": String(proposal.minutesPerOccurrence),
            "counted": proposal.kind.countedMinutes(language: language), "total": String(proposal.manualMinutes),
            "hours": decimal((hours * 100).rounded() / 100), "factor": decimal(proposal.kind.automationFactor),
            "months": decimal((max(1, months) * 100).rounded() / 100), "saved": decimal(proposal.hoursSavedPerMonth),
        ])
    }

    // MARK: - Rules

    /// The manual-minutes rule, as printed with every report.
    var minutesRule: String {
        words("automations.rule.minutes", [
            "first": String(AutomationProposal.firstActionMinutes), "cap": String(AutomationProposal.gapCapMinutes),
        ])
    }

    /// The hours-saved rule.
    var savingsRule: String { words["automations.rule.savings"] }

    /// The confidence rule.
    var confidenceRule: String { words["automations.rule.confidence"] }
}

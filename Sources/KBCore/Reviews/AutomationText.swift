/// Titles and rationales of automation proposals in the report's language (Spanish or English).
struct AutomationText: Sendable {
    let language: Language

    /// Longest quoted wording in a title, in characters.
    static let quoteLimit = 90

    private var isSpanish: Bool { language == .spanish }

    /// A wording in the language's quotation marks, shortened to ``quoteLimit`` characters.
    func quote(_ text: String) -> String {
        let short = text.count > Self.quoteLimit ? String(text.prefix(Self.quoteLimit - 1)) + "…" : text
        return isSpanish ? "«" + short + "»" : "“" + short + "”"
    }

    func service(_ name: String) -> String { name.isEmpty ? (isSpanish ? "sin servicio" : "no service") : name }

    func services(_ names: [String]) -> String { names.map(service).joined(separator: ", ") }

    func percent(_ part: Int, of whole: Int) -> String {
        let value = whole == 0 ? 0 : Int((Double(part) * 100 / Double(whole)).rounded())
        return isSpanish ? "\(value) %" : "\(value)%"
    }

    func decimal(_ value: Double) -> String { JSONWriter.format(value, decimals: 2) }

    // MARK: - Runbook

    func runbookTitle(action: String) -> String {
        isSpanish ? "Automatizar \(quote(action)) como runbook" : "Automate \(quote(action)) as a runbook"
    }

    func runbookRationale(action: String, occurrences: Int, services: [String], steps: Int, following: Int,
                          minutesPerIncident: Int) -> String {
        if isSpanish {
            return "La acción \(quote(action)) se hizo a mano en \(occurrences) incidentes (\(self.services(services))). "
                + "Secuencia habitual de \(steps) \(steps == 1 ? "paso" : "pasos"), seguida completa en \(following) de \(occurrences) incidentes; "
                + "\(minutesPerIncident) min de trabajo manual por incidente en esos pasos."
        }
        return "\(quote(action)) was done by hand in \(occurrences) incidents (\(self.services(services))). "
            + "Usual sequence of \(steps) \(steps == 1 ? "step" : "steps"), followed in full by \(following) of \(occurrences) incidents; "
            + "\(minutesPerIncident) min of manual work per incident on those steps."
    }

    // MARK: - Recurring causes

    func problemTitle(service: String, cause: String) -> String {
        isSpanish ? "Registrar problema y corrección permanente en \(self.service(service)): \(quote(cause))"
            : "Open a problem record and permanent fix for \(self.service(service)): \(quote(cause))"
    }

    func problemRationale(service: String, occurrences: Int, similarity: Double) -> String {
        isSpanish
            ? "\(occurrences) incidentes de \(self.service(service)) comparten esta causa raíz (similitud media \(decimal(similarity))); "
                + "una corrección permanente evita que se repita."
            : "\(occurrences) \(self.service(service)) incidents share this root cause (mean similarity \(decimal(similarity))); "
                + "a permanent fix stops it recurring."
    }

    func articleTitle(service: String, cause: String) -> String {
        isSpanish ? "Escribir un artículo para \(self.service(service)): \(quote(cause))"
            : "Write a knowledge article for \(self.service(service)): \(quote(cause))"
    }

    func articleRationale(service: String, occurrences: Int) -> String {
        isSpanish
            ? "Problema recurrente de \(self.service(service)) (\(occurrences) incidentes) sin artículo vinculado en ninguno de sus tickets."
            : "Recurring \(self.service(service)) problem (\(occurrences) incidents) with no article linked to any of its tickets."
    }

    // MARK: - Detection

    func monitoringTitle(service: String) -> String {
        isSpanish ? "Alerta de monitoreo para \(self.service(service))" : "Monitoring alert for \(self.service(service))"
    }

    func monitoringRationale(service: String, reported: Int, total: Int) -> String {
        isSpanish
            ? "\(reported) de \(total) incidentes de \(self.service(service)) (\(percent(reported, of: total))) los reportó el cliente: "
                + "el monitoreo no los detectó antes."
            : "\(reported) of \(total) \(self.service(service)) incidents (\(percent(reported, of: total))) were reported by customers "
                + "before monitoring detected them."
    }

    // MARK: - Escalation

    func escalationTitle(service: String, target: String) -> String {
        isSpanish ? "Escalar automáticamente a \(target) los incidentes de \(self.service(service))"
            : "Escalate \(self.service(service)) incidents to \(target) automatically"
    }

    func escalationRationale(service: String, target: String, occurrences: Int, serviceTotal: Int, medianMinutes: Int,
                             slowMinutes: Int) -> String {
        let slow = medianMinutes > slowMinutes
        if isSpanish {
            return "\(occurrences) incidentes de \(self.service(service)) (\(percent(occurrences, of: serviceTotal)) del servicio) "
                + "se escalaron a \(target); mediana desde la creación: \(medianMinutes) min"
                + (slow ? ", más que el umbral de \(slowMinutes) min." : ".")
        }
        return "\(occurrences) \(self.service(service)) incidents (\(percent(occurrences, of: serviceTotal)) of the service) "
            + "were escalated to \(target); median time from creation: \(medianMinutes) min"
            + (slow ? ", above the \(slowMinutes) min threshold." : ".")
    }

    // MARK: - Intake

    func intakeTitle(request: String) -> String {
        isSpanish ? "Pedir en el formulario de ingreso: \(quote(request))" : "Ask at intake: \(quote(request))"
    }

    func intakeRationale(occurrences: Int, serviceTotal: Int, services: [String]) -> String {
        isSpanish
            ? "Se pidió al cliente la misma evidencia en \(occurrences) incidentes (\(percent(occurrences, of: serviceTotal)) de los de "
                + "\(self.services(services))); pedirla al registrar el caso ahorra una ida y vuelta."
            : "The same evidence was requested from the customer in \(occurrences) incidents (\(percent(occurrences, of: serviceTotal)) "
                + "of those on \(self.services(services))); asking for it at intake saves a round trip."
    }

    // MARK: - Staffing

    /// A time slot in a sentence: "fuera del horario 12x5", "los sábados", "en el turno de 00:00 a 08:00".
    func slot(_ slot: AutomationTimeSlot) -> String {
        switch slot {
        case .outsideBusinessHours:
            return isSpanish ? "fuera del horario 12x5" : "outside 12x5 hours"
        case .weekday(let day):
            let spanish = ["los lunes", "los martes", "los miércoles", "los jueves", "los viernes", "los sábados", "los domingos"]
            let english = ["on Mondays", "on Tuesdays", "on Wednesdays", "on Thursdays", "on Fridays", "on Saturdays", "on Sundays"]
            return (isSpanish ? spanish : english)[day]
        case .shift(let shift):
            let range = AutomationTimeSlot.shiftText(shift)
            return isSpanish ? "en el turno de \(range)" : "in the \(range) shift"
        }
    }

    func staffingTitle(slot: AutomationTimeSlot) -> String {
        isSpanish ? "Reforzar turnos y guardia \(self.slot(slot))" : "Strengthen staffing and on-call cover \(self.slot(slot))"
    }

    func staffingRationale(slot: AutomationTimeSlot, breached: Int, total: Int, overallBreached: Int, overallTotal: Int) -> String {
        isSpanish
            ? "\(breached) de \(total) incidentes creados \(self.slot(slot)) incumplieron el SLA (\(percent(breached, of: total))), "
                + "frente a \(percent(overallBreached, of: overallTotal)) del total."
            : "\(breached) of \(total) incidents created \(self.slot(slot)) breached the SLA (\(percent(breached, of: total))), "
                + "against \(percent(overallBreached, of: overallTotal)) overall."
    }

    // MARK: - Self-service

    func selfServiceTitle(request: String) -> String {
        isSpanish ? "Autoservicio o FAQ para \(quote(request))" : "Self-service or FAQ for \(quote(request))"
    }

    func selfServiceRationale(service: String, occurrences: Int, minutesPerRequest: Int) -> String {
        isSpanish
            ? "\(occurrences) solicitudes (severidad 5) de este tipo en \(self.service(service)); "
                + "\(minutesPerRequest) min de trabajo manual por solicitud."
            : "\(occurrences) severity-5 requests of this kind on \(self.service(service)); "
                + "\(minutesPerRequest) min of manual work each."
    }

    // MARK: - Rules

    /// The manual-minutes rule, as printed with every report.
    var minutesRule: String {
        let first = AutomationProposal.firstActionMinutes, cap = AutomationProposal.gapCapMinutes
        return isSpanish
            ? "Minutos manuales: por persona, el primer evento action/evidence cuenta \(first) min y cada uno siguiente "
                + "el tiempo desde su anterior action/evidence, con un máximo de \(cap) min."
            : "Manual minutes: per person, the first action/evidence event counts \(first) min and each later one "
                + "the time since that person's previous action/evidence, at most \(cap) min."
    }

    /// The hours-saved rule.
    var savingsRule: String {
        isSpanish
            ? "Horas ahorradas al mes: minutos manuales por ocurrencia × ocurrencias al mes en el período (mínimo un mes) "
                + "× factor de automatización del tipo."
            : "Hours saved per month: manual minutes per occurrence × occurrences per month over the period (at least one month) "
                + "× the kind's automation factor."
    }

    /// The confidence rule.
    var confidenceRule: String {
        isSpanish
            ? "Confianza: n / (n + 3) para n ocurrencias, × (0,5 + 0,5 × consistencia de la señal)."
            : "Confidence: n / (n + 3) for n occurrences, × (0.5 + 0.5 × the signal's consistency)."
    }
}

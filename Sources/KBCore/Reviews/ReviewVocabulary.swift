/// The sentences and labels a review generates, in Spanish or English.
///
/// Headings and fixed text live in the templates (`templates/es`, `templates/en`); this holds what is built
/// from data, so the model carries finished text and templates stay plain.
struct ReviewVocabulary: Sendable {
    let language: Language
    /// The plan calendar's business day, when it is not 24 hours: SLA durations are written in business days.
    var businessDay: Int64? = nil

    private var spanish: Bool { language == .spanish }

    private func pick(_ es: String, _ en: String) -> String { spanish ? es : en }

    /// `2026-03-02 09:14 UTC-03:00`: local time with its offset.
    func time(_ time: ReviewTime) -> String { time.local + " " + time.offsetName }

    func duration(_ seconds: Int64) -> String { ReviewDuration.text(seconds) }

    /// An SLA (business-time) duration: `6 días hábiles` / `6 business days` where a business day is not 24 h.
    func businessDuration(_ seconds: Int64) -> String {
        BusinessDuration.documentText(seconds, businessDay: businessDay, language: language)
    }

    func quoted(_ text: String) -> String { spanish ? "«" + text + "»" : "\"" + text + "\"" }

    func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + pick(" y ", " and ") + items.last!
    }

    /// `1 vez`, `3 veces`, `al menos 300 veces` / `1 time`, `3 times`, `at least 300 times`.
    func times(_ count: Int, atLeast: Bool = false) -> String {
        let bound = atLeast ? pick("al menos ", "at least ") : ""
        return bound + (spanish ? "\(count) \(count == 1 ? "vez" : "veces")" : "\(count) \(count == 1 ? "time" : "times")")
    }

    // MARK: - Labels

    func kind(_ kind: EventKind) -> String {
        switch kind {
        case .created: return pick("Creación", "Created")
        case .assigned: return pick("Asignación", "Assigned")
        case .comment: return pick("Comentario", "Comment")
        case .customerUpdate: return pick("Mensaje del cliente", "Customer update")
        case .action: return pick("Acción", "Action")
        case .evidence: return pick("Evidencia", "Evidence")
        case .status: return pick("Cambio de estado", "Status change")
        case .escalation: return pick("Escalamiento", "Escalation")
        case .severityChange: return pick("Cambio de severidad", "Severity change")
        case .detected: return pick("Detección", "Detected")
        case .mitigated: return pick("Mitigación", "Mitigated")
        case .resolved: return pick("Resolución", "Resolved")
        case .reopened: return pick("Reapertura", "Reopened")
        case .closed: return pick("Cierre", "Closed")
        }
    }

    func status(_ status: TicketStatus) -> String {
        switch status {
        case .new: return pick("nuevo", "new")
        case .assigned: return pick("asignado", "assigned")
        case .inProgress: return pick("en curso", "in progress")
        case .waitingCustomer: return pick("esperando al cliente", "waiting on the customer")
        case .waitingVendor: return pick("esperando al proveedor", "waiting on a vendor")
        case .escalated: return pick("escalado", "escalated")
        case .resolved: return pick("resuelto", "resolved")
        case .closed: return pick("cerrado", "closed")
        }
    }

    func role(_ role: ReviewTimelineEntry.Role) -> String {
        switch role {
        case .support: return pick("Soporte", "Support")
        case .customer: return pick("Cliente", "Customer")
        case .monitoring: return pick("Monitoreo", "Monitoring")
        }
    }

    func severity(_ severity: Int) -> String { "\(severity) (\(Severity.name(severity, language: language.rawValue)))" }

    func detection(_ source: ReviewDetection.Source) -> String {
        switch source {
        case .monitoring: return pick("Monitoreo", "Monitoring")
        case .customer: return pick("Cliente", "Customer")
        }
    }

    func resolutionKind(_ kind: ReviewResolution.Kind) -> String {
        switch kind {
        case .fix: return pick("Solución definitiva", "Definitive fix")
        case .workaround: return pick("Solución provisoria (workaround)", "Workaround")
        case .fixAfterWorkaround: return pick("Workaround y luego solución definitiva", "Workaround, then definitive fix")
        case .unknown: return pick("Sin clasificar", "Unclassified")
        }
    }

    func rule(_ rule: EscalationAdvice.Rule) -> String {
        switch rule {
        case .slaExceeded: return pick("Se supera el SLA establecido", "SLA exceeded")
        case .slaAtRisk: return pick("SLA en riesgo", "SLA at risk")
        case .criticalService: return pick("El incidente afecta servicios críticos", "Critical service affected")
        case .vendorNeeded: return pick("Se requiere un proveedor externo", "External vendor needed")
        }
    }

    func proposalKind(_ kind: ReviewProposal.Kind) -> String {
        switch kind {
        case .repeatedAction: return pick("Acción manual repetida", "Repeated manual action")
        case .recurringCause: return pick("Causa recurrente", "Recurring cause")
        case .detectionGap: return pick("Brecha de detección", "Detection gap")
        case .slowEscalation: return pick("Escalamiento lento", "Slow escalation")
        case .repeatedEvidence: return pick("Recolección de evidencia repetida", "Repeated evidence gathering")
        case .clusteredBreaches: return pick("Incumplimientos agrupados", "Clustered SLA breaches")
        }
    }

    func target(_ target: String) -> String {
        target.hasPrefix("vendor:") ? pick("proveedor ", "vendor ") + String(target.dropFirst(7)) : target
    }

    // MARK: - Metrics

    func metricLabel(_ kind: ReviewMetric.Kind, subject: String? = nil) -> String {
        switch kind {
        case .timeToFirstResponse: return pick("Tiempo a primera respuesta", "Time to first response")
        case .timeToEscalation: return pick("Tiempo a escalamiento", "Time to escalation") + " (" + target(subject ?? "") + ")"
        case .timeToMitigation: return pick("Tiempo a mitigación", "Time to mitigation")
        case .timeToResolution: return pick("Tiempo a resolución", "Time to resolution")
        case .customerWait: return pick("Espera del cliente", "Waiting on the customer")
        case .vendorWait: return pick("Espera del proveedor", "Waiting on vendors")
        case .impactWindow: return pick("Ventana de impacto", "Impact window")
        }
    }

    func metricDefinition(_ kind: ReviewMetric.Kind, subject: String? = nil) -> String {
        switch kind {
        case .timeToFirstResponse:
            return pick("Desde la creación del ticket hasta el primer comentario público de soporte.",
                        "From ticket creation to support's first public comment.")
        case .timeToEscalation:
            return pick("Desde la creación del ticket hasta el primer escalamiento a \(target(subject ?? "")).",
                        "From ticket creation to the first escalation to \(target(subject ?? "")).")
        case .timeToMitigation:
            return pick("Desde la creación del ticket hasta el evento de mitigación (servicio restablecido, aunque sea de forma provisoria).",
                        "From ticket creation to the mitigated event (service restored, even if by a workaround).")
        case .timeToResolution:
            return pick("Desde la creación del ticket hasta la hora de resolución (resolved_at) o, si falta, el primer evento de resolución.",
                        "From ticket creation to the resolution time (resolved_at) or, without one, the first resolved event.")
        case .customerWait:
            return pick("Suma de los intervalos en estado «esperando al cliente»; pausan los plazos del SLA.",
                        "Sum of the intervals in status waiting_customer; they pause the SLA clocks.")
        case .vendorWait:
            return pick("Suma de los intervalos en estado «esperando al proveedor»; los plazos del SLA siguen corriendo.",
                        "Sum of the intervals in status waiting_vendor; the SLA clocks keep running.")
        case .impactWindow:
            return pick("Desde la detección (o la creación, si es anterior) hasta la mitigación o, si no la hubo, la resolución.",
                        "From detection (or creation, if earlier) to mitigation or, without one, resolution.")
        }
    }

    func businessTimeNote(terms: SLATerms, usesBusinessHours: Bool) -> String {
        if usesBusinessHours {
            let holidays = terms.holidayCalendar.map { pick("feriados de \($0) excluidos", "\($0) holidays excluded") }
                ?? pick("sin feriados", "no holidays")
            let day = businessDay.map { pick(" Un día hábil son \(ReviewDuration.text($0)).", " A business day is \(ReviewDuration.text($0)).") } ?? ""
            return pick("Tiempo SLA: horas hábiles del calendario \(terms.calendar.name) del plan \(terms.planName) en \(terms.timeZone.identifier) (\(holidays)), sin las pausas por espera del cliente. Las metas son las de la política para la severidad del ticket.\(day)",
                        "SLA time: business hours of the \(terms.calendar.name) calendar of plan \(terms.planName) in \(terms.timeZone.identifier) (\(holidays)), without the pauses waiting on the customer. Targets are the policy's for the ticket's severity.\(day)")
        }
        return pick("Tiempo SLA: reloj continuo (calendario \(terms.calendar.name) del plan \(terms.planName)), sin las pausas por espera del cliente. Las metas son las de la política para la severidad del ticket.",
                    "SLA time: a continuous clock (calendar \(terms.calendar.name) of plan \(terms.planName)), without the pauses waiting on the customer. Targets are the policy's for the ticket's severity.")
    }

    var missingFirstResponse: String {
        pick("sin dato: no hay ningún comentario público de soporte", "missing: there is no public comment by support")
    }

    var missingMitigation: String {
        pick("sin dato: no hay evento de mitigación", "missing: there is no mitigated event")
    }

    var missingResolution: String {
        pick("sin dato: el ticket no tiene resolved_at ni evento de resolución",
             "missing: the ticket has no resolved_at and no resolved event")
    }

    var missingImpactEnd: String {
        pick("sin dato: no hay mitigación ni resolución que cierre la ventana",
             "missing: no mitigation or resolution ends the window")
    }

    func outcome(met: Bool, margin: Int64) -> String {
        met ? pick("cumplido, con \(businessDuration(margin)) de margen", "met, with \(businessDuration(margin)) to spare")
            : pick("incumplido por \(businessDuration(-margin))", "breached by \(businessDuration(-margin))")
    }

    // MARK: - Warnings

    func eventRef(_ index: Int, _ kind: EventKind, _ time: ReviewTime) -> String {
        "#\(index + 1) (\(self.kind(kind)), \(self.time(time)))"
    }

    func outOfOrder(later: String, earlier: String) -> String {
        pick("Eventos desordenados: el evento \(later) figura después del \(earlier) en el archivo, pero ocurrió antes; las métricas usan el orden cronológico.",
             "Events out of order: event \(later) is listed after \(earlier) in the file but happened earlier; metrics use time order.")
    }

    func futureEvent(_ event: String, now: ReviewTime) -> String {
        pick("El evento \(event) está fechado después del momento de la revisión (\(time(now))); no se usa en las métricas.",
             "Event \(event) is dated after the time of the review (\(time(now))); metrics ignore it.")
    }

    func futureField(_ field: String, _ value: ReviewTime, now: ReviewTime) -> String {
        pick("El campo \(field) (\(time(value))) es posterior al momento de la revisión (\(time(now))); no se usa en las métricas.",
             "Field \(field) (\(time(value))) is after the time of the review (\(time(now))); metrics ignore it.")
    }

    func eventBeforeCreation(_ event: String, created: ReviewTime) -> String {
        pick("El evento \(event) es anterior a la creación del ticket (\(time(created))); las métricas lo cuentan desde la creación.",
             "Event \(event) is before the ticket's creation (\(time(created))); metrics count it from creation.")
    }

    func fieldBeforeCreation(_ field: String, _ value: ReviewTime, created: ReviewTime) -> String {
        pick("El campo \(field) (\(time(value))) es anterior a la creación del ticket (\(time(created))).",
             "Field \(field) (\(time(value))) is before the ticket's creation (\(time(created))).")
    }

    func resolutionBeforeFirstResponse(resolution: ReviewTime, firstResponse: ReviewTime) -> String {
        pick("La resolución (\(time(resolution))) es anterior a la primera respuesta (\(time(firstResponse))); revise las horas registradas.",
             "The resolution (\(time(resolution))) is before the first response (\(time(firstResponse))); check the recorded times.")
    }

    var noFirstResponse: String {
        pick("Falta la primera respuesta: no hay ningún comentario público de soporte, así que el tiempo a primera respuesta no se puede medir.",
             "No first response: there is no public comment by support, so time to first response cannot be measured.")
    }

    var noResolution: String {
        pick("Falta la resolución: el ticket está cerrado pero no tiene resolved_at ni evento de resolución, así que el tiempo a resolución no se puede medir.",
             "No resolution: the ticket is closed but has no resolved_at and no resolved event, so time to resolution cannot be measured.")
    }

    var noClosingTime: String {
        pick("El ticket está cerrado pero no tiene closed_at ni evento de cierre.",
             "The ticket is closed but has no closed_at and no closed event.")
    }

    func closedBeforeResolution(closed: ReviewTime, resolution: ReviewTime) -> String {
        pick("El cierre (\(time(closed))) es anterior a la resolución (\(time(resolution))).",
             "The closing time (\(time(closed))) is before the resolution (\(time(resolution))).")
    }

    func mitigationAfterResolution(mitigation: ReviewTime, resolution: ReviewTime) -> String {
        pick("La mitigación (\(time(mitigation))) es posterior a la resolución (\(time(resolution))).",
             "The mitigation (\(time(mitigation))) is after the resolution (\(time(resolution))).")
    }

    func resolvedAtMismatch(field: ReviewTime, event: String) -> String {
        pick("resolved_at (\(time(field))) no coincide con el evento de resolución \(event); se usa resolved_at.",
             "resolved_at (\(time(field))) differs from the resolved event \(event); resolved_at is used.")
    }

    func escalationWithoutReason(_ event: String, to: String) -> String {
        pick("El escalamiento \(event) a \(target(to)) no registra el motivo.",
             "Escalation \(event) to \(target(to)) records no reason.")
    }

    func unknownEscalationTarget(_ event: String, to: String, levels: [String]) -> String {
        pick("El escalamiento \(event) va a \(quoted(to)), que no es un nivel de la política (\(levels.joined(separator: ", "))) ni un proveedor (vendor:NOMBRE).",
             "Escalation \(event) goes to \(quoted(to)), which is neither a policy level (\(levels.joined(separator: ", "))) nor a vendor (vendor:NAME).")
    }

    func vendorWaitWithoutEscalation(_ event: String) -> String {
        pick("La espera de proveedor que empieza en el evento \(event) no tiene un escalamiento previo a un proveedor.",
             "The vendor wait starting at event \(event) has no earlier escalation to a vendor.")
    }

    var noTimeline: String {
        pick("El ticket no tiene eventos: la línea de tiempo y la mayoría de las métricas no se pueden reconstruir.",
             "The ticket has no events: the timeline and most metrics cannot be rebuilt.")
    }

    func policyFallback(_ detail: String) -> String {
        pick("Política: \(detail).", "Policy: \(detail).")
    }

    func forcedReview(status: TicketStatus?, severity: Int?) -> String {
        var reasons: [String] = []
        if let status { reasons.append(pick("el ticket está \(self.status(status))", "the ticket is \(self.status(status))")) }
        if let severity { reasons.append(pick("tiene severidad \(severity)", "it has severity \(severity)")) }
        return pick("Revisión forzada (--force): \(list(reasons)); las revisiones son para incidentes cerrados de severidad 1–2.",
                    "Forced review (--force): \(list(reasons)); reviews are for closed severity 1–2 incidents.")
    }

    // MARK: - Sections

    func summary(ticket: Ticket, created: ReviewTime, impact: ReviewImpact, mitigated: ReviewTime?,
                 resolved: ReviewTime?, closed: ReviewTime?) -> String {
        var sentences: [String] = []
        let who = ticket.customer ?? pick("El cliente", "The customer")
        let via = ticket.channel.map { pick(" por \($0.rawValue)", " through \($0.rawValue)") } ?? ""
        sentences.append(pick("\(who) reportó \(quoted(ticket.title))\(via) el \(time(created)).",
                              "\(who) reported \(quoted(ticket.title))\(via) on \(time(created))."))
        if let duration = impact.durationSeconds {
            let service = ticket.service.map { pick(" al servicio \($0)", " the \($0) service") } ?? pick("", " the service")
            sentences.append(pick("El incidente de severidad \(severity(ticket.severity)) afectó\(service) durante \(self.duration(duration)).",
                                  "The severity \(severity(ticket.severity)) incident affected\(service) for \(self.duration(duration))."))
        } else {
            sentences.append(pick("Incidente de severidad \(severity(ticket.severity)).", "Severity \(severity(ticket.severity)) incident."))
        }
        var milestones: [String] = []
        if let mitigated { milestones.append(pick("se mitigó el \(time(mitigated))", "it was mitigated on \(time(mitigated))")) }
        if let resolved { milestones.append(pick("se resolvió el \(time(resolved))", "resolved on \(time(resolved))")) }
        if let closed { milestones.append(pick("se cerró el \(time(closed))", "closed on \(time(closed))")) }
        if !milestones.isEmpty {
            let text = list(milestones)
            sentences.append(text.prefix(1).uppercased() + text.dropFirst() + ".")
        }
        return sentences.joined(separator: " ")
    }

    func detectionSummary(source: ReviewDetection.Source, viaMonitoringChannel: Bool, detected: ReviewTime?,
                          reported: ReviewTime, channel: Channel?, service: String?, monitorable: Bool) -> String {
        var text: String
        let via = channel.map { pick(" por \($0.rawValue)", " through \($0.rawValue)") } ?? ""
        switch (source, detected) {
        case (.monitoring, let detected?) where detected.at.seconds < reported.at.seconds:
            text = pick("Detectado por monitoreo el \(time(detected)), \(duration(reported.at.seconds - detected.at.seconds)) antes de abrir el ticket.",
                        "Detected by monitoring on \(time(detected)), \(duration(reported.at.seconds - detected.at.seconds)) before the ticket was opened.")
        case (.monitoring, _) where viaMonitoringChannel:
            text = pick("El ticket ingresó por el canal de monitoreo el \(time(reported)).",
                        "The ticket came in through the monitoring channel on \(time(reported)).")
        case (.monitoring, _):
            text = pick("Detectado por monitoreo al abrir el ticket (\(time(reported))).",
                        "Detected by monitoring when the ticket was opened (\(time(reported))).")
        case (.customer, let detected?):
            text = pick("Reportado por el cliente\(via) el \(time(reported)); el monitoreo lo detectó \(duration(detected.at.seconds - reported.at.seconds)) después.",
                        "Reported by the customer\(via) on \(time(reported)); monitoring detected it \(duration(detected.at.seconds - reported.at.seconds)) later.")
        case (.customer, nil):
            text = pick("Reportado por el cliente\(via) el \(time(reported)); el monitoreo no registró la falla.",
                        "Reported by the customer\(via) on \(time(reported)); monitoring recorded nothing.")
        }
        if source == .customer, monitorable, let service {
            text += pick(" El servicio \(service) es crítico y debería estar monitoreado: hay una brecha de detección.",
                         " The \(service) service is critical and should be monitored: this is a detection gap.")
        }
        return text
    }

    /// Detection as told to the customer: who noticed and when, without internal monitoring details.
    func customerDetectionSummary(source: ReviewDetection.Source, reported: ReviewTime, channel: Channel?) -> String {
        let via = channel.map { pick(" por \($0.rawValue)", " through \($0.rawValue)") } ?? ""
        switch source {
        case .monitoring:
            return pick("Nuestro monitoreo detectó la falla; el ticket se abrió el \(time(reported)).",
                        "Our monitoring detected the failure; the ticket was opened on \(time(reported)).")
        case .customer:
            return pick("Reportado por el cliente\(via) el \(time(reported)).", "Reported by the customer\(via) on \(time(reported)).")
        }
    }

    func criticalServiceReason(service: String, severity: Int, level: String) -> String {
        pick("El servicio crítico \(service) fue afectado con severidad \(severity): el manual pide escalar a \(level) de inmediato.",
             "Critical service \(service) was affected at severity \(severity): the manual asks to escalate to \(level) at once.")
    }

    func vendorReason(vendor: String, match: String?) -> String {
        let mention = match.map { pick(": el ticket menciona \(quoted($0))", ": the ticket mentions \(quoted($0))") } ?? ""
        return pick("Se requiere la intervención del proveedor \(vendor)\(mention).",
                    "Vendor \(vendor) was needed\(mention).")
    }

    func slaExceededReason(metric: String, target: Int64, due: ReviewTime?) -> String {
        let dueText = due.map { pick(" (vencía el \(time($0)))", " (due \(time($0)))") } ?? ""
        return pick("\(metric) superó su meta de \(businessDuration(target))\(dueText).",
                    "\(metric) exceeded its \(businessDuration(target)) target\(dueText).")
    }

    func ruleFollowed(target: String, at: ReviewTime, delay: Int64, afterDue: Bool) -> String {
        afterDue
            ? pick("Se escaló a \(self.target(target)) el \(time(at)), \(duration(delay)) después del vencimiento.",
                   "Escalated to \(self.target(target)) on \(time(at)), \(duration(delay)) after the target fell due.")
            : pick("Se escaló a \(self.target(target)) el \(time(at)), \(duration(delay)) después de la creación.",
                   "Escalated to \(self.target(target)) on \(time(at)), \(duration(delay)) after creation.")
    }

    func ruleFollowedWithoutTime(level: String) -> String {
        pick("El ticket se atendió en \(level) (sin evento de escalamiento que diga desde cuándo).",
             "The ticket was handled at \(level) (no escalation event says since when).")
    }

    func ruleNotFollowed(target: String?) -> String {
        guard let target else {
            return pick("Ya estaba en el último nivel: corresponde avisar al líder.", "Already at the last level: the lead should be told.")
        }
        return pick("No se registró escalamiento a \(self.target(target)).", "No escalation to \(self.target(target)) was recorded.")
    }

    func resolutionSummary(kind: ReviewResolution.Kind, signals: [String], mitigated: ReviewTime?,
                           resolved: ReviewTime?) -> String {
        let words = list(signals.map(quoted))
        switch kind {
        case .fix:
            return pick("Solución definitiva: no hay indicios de una solución provisoria.",
                        "Definitive fix: nothing suggests a workaround.")
        case .workaround:
            return pick("Se cerró con una solución provisoria (la resolución menciona \(words)); falta la solución definitiva.",
                        "Closed on a workaround (the resolution mentions \(words)); the definitive fix is still pending.")
        case .fixAfterWorkaround:
            let mitigatedText = mitigated.map(time) ?? "?"
            let resolvedText = resolved.map(time) ?? "?"
            return pick("Primero se mitigó con una solución provisoria (\(mitigatedText)) y luego se aplicó la solución definitiva (\(resolvedText)).",
                        "First mitigated with a workaround (\(mitigatedText)), then fixed for good (\(resolvedText)).")
        case .unknown:
            return pick("El ticket no registra la resolución: no se puede saber si fue definitiva o provisoria.",
                        "The ticket records no resolution: whether it was a fix or a workaround is unknown.")
        }
    }

    // MARK: - Actions and training

    func monitoringAction(service: String) -> (String, String) {
        (pick("Agregar monitoreo de \(service)", "Add monitoring for \(service)"),
         pick("El cliente detectó la falla antes que el monitoreo en un servicio crítico.",
              "The customer noticed the outage before monitoring did, on a critical service."))
    }

    func articleAction(ticketID: String) -> (String, String) {
        (pick("Escribir un artículo a partir de \(ticketID)", "Write an article from \(ticketID)"),
         pick("Ningún artículo está vinculado ni cubre este problema (kb article draft \(ticketID)).",
              "No article is linked or covers this problem (kb article draft \(ticketID))."))
    }

    func linkArticleAction(ticketID: String, article: ReviewArticleMatch) -> (String, String) {
        (pick("Vincular el artículo \(article.id) al ticket", "Link article \(article.id) to the ticket"),
         pick("El artículo \(quoted(article.title)) cubre este problema pero no está vinculado (kb article link \(ticketID) \(article.id)).",
              "Article \(quoted(article.title)) covers this problem but is not linked (kb article link \(ticketID) \(article.id))."))
    }

    func vendorFollowUpAction(vendor: String, wait: Int64, target: Int64) -> (String, String) {
        let percent = target > 0 ? Int((Double(wait) / Double(target) * 100).rounded()) : 0
        return (pick("Seguimiento con el \(self.target(vendor))", "Follow up with \(self.target(vendor))"),
                pick("La espera del proveedor sumó \(duration(wait)), el \(percent) % de la meta de resolución (\(duration(target))).",
                     "Waiting on the vendor took \(duration(wait)), \(percent)% of the resolution target (\(duration(target)))."))
    }

    func trainingAction(customer: String?, service: String?, signals: [String]) -> (String, String) {
        let who = customer ?? pick("al cliente", "the customer")
        let topic = service.map { pick(" en el uso de \($0)", " on \($0)") } ?? ""
        return (pick("Capacitar a \(who)\(topic)", "Train \(who)\(topic)"),
                pick("La causa raíz indica un uso o configuración incorrectos (\(list(signals.map(quoted)))).",
                     "The root cause points at incorrect use or configuration (\(list(signals.map(quoted))))."))
    }

    func permanentFixAction(signals: [String]) -> (String, String) {
        (pick("Implementar la solución definitiva", "Implement the definitive fix"),
         pick("El incidente se cerró con una solución provisoria (\(list(signals.map(quoted)))).",
              "The incident was closed on a workaround (\(list(signals.map(quoted))))."))
    }

    func slaReviewAction(metric: String, breachedBy: Int64, target: Int64) -> (String, String) {
        (pick("Analizar el incumplimiento: \(metric)", "Analyse the breach: \(metric)"),
         pick("Superó la meta de \(duration(target)) por \(duration(breachedBy)) (tiempo SLA).",
              "Exceeded the \(duration(target)) target by \(duration(breachedBy)) (SLA time)."))
    }

    func escalationRuleAction(rule: EscalationAdvice.Rule, outcome: String) -> (String, String) {
        (pick("Reforzar la regla de escalamiento: \(self.rule(rule).lowercased())",
              "Reinforce the escalation rule: \(self.rule(rule).lowercased())"), outcome)
    }

    func lateEscalation(outcome: String, tolerance: Int64) -> String {
        outcome + pick(" El manual pide escalar de inmediato: la demora superó la meta de primera respuesta (\(duration(tolerance))).",
                       " The manual asks to escalate at once: the delay exceeded the first-response target (\(duration(tolerance))).")
    }

    func recurringAction(count: Int, atLeast: Bool, days: Int, ids: [String]) -> (String, String) {
        let shown = ids.joined(separator: ", ") + (count > ids.count ? ", …" : "")
        return (pick("Abrir un análisis de problema (incidente recurrente)", "Open a problem investigation (recurring incident)"),
                pick("El mismo problema ocurrió \(times(count, atLeast: atLeast)) en los \(days) días previos: \(shown).",
                     "The same problem happened \(times(count, atLeast: atLeast)) in the previous \(days) days: \(shown)."))
    }

    func trainingSuggested(service: String?, signals: [String]) -> String {
        let topic = service.map { pick(" en el uso de \($0)", " on \($0)") } ?? ""
        return pick("Se sugiere capacitar al cliente\(topic): la causa raíz indica un uso o configuración incorrectos (\(list(signals.map(quoted)))).",
                    "Training the customer\(topic) is suggested: the root cause points at incorrect use or configuration (\(list(signals.map(quoted)))).")
    }

    var trainingNotSuggested: String {
        pick("No se sugiere capacitación: la causa raíz no indica un uso incorrecto por parte del cliente.",
             "No training suggested: the root cause does not point at the customer's own use.")
    }
}

/// What a proposal would automate or change.
///
/// Each kind saves a share of the manual minutes counted for it (``automationFactor``); the minutes
/// counted are described by ``countedMinutes``. The factors are deliberately conservative estimates,
/// printed with every report so a lead can weigh them:
///
/// | kind | minutes counted | factor | why |
/// |---|---|---|---|
/// | runbook | the runbook's actions | 0.8 | a script still needs someone to start it and check it |
/// | problem_record | all manual work | 0.5 | a permanent fix prevents recurrences, not every fix holds |
/// | monitoring_alert | all manual work | 0.2 | earlier detection shortens diagnosis; the work remains |
/// | escalation_rule | work before the escalation | 0.5 | a rule skips the triage that ended in the same escalation |
/// | intake_field | all manual work | 0.1 | one round trip to the customer less |
/// | staffing | breached incidents' work | 0.1 | cover reduces breaches more than work |
/// | self_service | the requests' work | 0.9 | the customer does it |
/// | knowledge_article | all manual work | 0.25 | diagnosis starts from the article |
public enum AutomationKind: String, Sendable, CaseIterable, Comparable {
    /// Script the manual action repeated across incidents, from the draft runbook.
    case runbook
    /// Open a problem record and fix the recurring cause for good.
    case problemRecord = "problem_record"
    /// Watch the service so monitoring, not the customer, reports the next incident.
    case monitoringAlert = "monitoring_alert"
    /// Escalate to the level or vendor the incidents always end up with, at once.
    case escalationRule = "escalation_rule"
    /// Ask at intake for the evidence support keeps requesting.
    case intakeField = "intake_field"
    /// Strengthen cover in the time slot where SLA breaches cluster.
    case staffing
    /// Let customers do the frequent request themselves, or answer it in a FAQ.
    case selfService = "self_service"
    /// Write the article a recurring problem lacks.
    case knowledgeArticle = "knowledge_article"

    /// Share of the counted manual minutes the change is expected to save.
    public var automationFactor: Double {
        switch self {
        case .runbook: return 0.8
        case .problemRecord: return 0.5
        case .monitoringAlert: return 0.2
        case .escalationRule: return 0.5
        case .intakeField: return 0.1
        case .staffing: return 0.1
        case .selfService: return 0.9
        case .knowledgeArticle: return 0.25
        }
    }

    /// Which manual minutes of the evidence tickets a proposal of this kind counts.
    public func countedMinutes(language: Language) -> String {
        switch self {
        case .runbook, .escalationRule, .staffing, .selfService: language.catalogue["automations.counted." + rawValue]
        case .problemRecord, .monitoringAlert, .intakeField, .knowledgeArticle: language.catalogue["automations.counted.all"]
        }
    }

    /// The kind's name for readers.
    public func name(language: Language) -> String {
        language.catalogue["automations.kind." + rawValue]
    }

    /// Orders kinds by their JSON name, the tie-break of sorted proposals.
    public static func < (lhs: AutomationKind, rhs: AutomationKind) -> Bool { lhs.rawValue < rhs.rawValue }
}

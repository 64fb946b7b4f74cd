import Foundation

extension AutomationReport {
    /// The data the `automations.md` and `automations.html` templates render.
    ///
    /// Top level: `language`, `stylesheet` (for HTML), `since`, `until`, `span_start`, `span_end` (days, UTC), `months`, `months_label` (with its
    /// unit, "1 mes", "2.5 months"), `incidents`,
    /// `requests`, `min_occurrences`, `has_proposals`, `proposals`, `rules` (`minutes`, `savings`,
    /// `confidence`) and `factors` (`kind`, `name`, `factor`, `counted_minutes` per kind).
    /// Each proposal: `number`, `kind`, `kind_name`, `title`,
    /// `rationale`, `evidence` (ids joined by ", "), `evidence_list`, `evidence_dated` (each id with its creation day,
    /// "T-0000221 (2026-10-03)", joined by ", "), `evidence_dated_list` (`id`, `date`), `calculation` (how the hours saved were computed), `occurrences`, `manual_minutes`,
    /// `minutes_per_occurrence`, `hours_saved`, `confidence` (two decimals), `factor`, `counted_minutes`,
    /// `services`, `has_steps`, `steps` (`number`, `text`), `is_runbook`.
    public var templateValue: TemplateValue {
        let items: [TemplateValue] = proposals.enumerated().map { offset, proposal in
            [
                "number": .number(Double(offset + 1)),
                "kind": .string(proposal.kind.rawValue),
                "kind_name": .string(proposal.kind.name(language: language)),
                "title": .string(proposal.title),
                "rationale": .string(proposal.rationale),
                "evidence": .string(proposal.evidence.joined(separator: ", ")),
                "evidence_list": .array(proposal.evidence.map { .string($0) }),
                "evidence_dated": .string(zip(proposal.evidence, proposal.evidenceDays.isEmpty ? proposal.evidence.map { _ in "" }
                                                                                               : proposal.evidenceDays)
                    .map { $1.isEmpty ? $0 : "\($0) (\($1))" }.joined(separator: ", ")),
                "evidence_dated_list": .array(proposal.evidence.enumerated().map { index, id in
                    let day = index < proposal.evidenceDays.count ? proposal.evidenceDays[index] : ""
                    return ["id": .string(id), "date": day.isEmpty ? .null : .string(day)]
                }),
                "calculation": .string(proposal.calculation),
                "occurrences": .number(Double(proposal.occurrences)),
                "manual_minutes": .number(Double(proposal.manualMinutes)),
                "minutes_per_occurrence": .number(Double(proposal.minutesPerOccurrence)),
                "hours_saved": .string(JSONWriter.format(proposal.hoursSavedPerMonth, decimals: 2)),
                "confidence": .string(JSONWriter.format(proposal.confidence, decimals: 2)),
                "factor": .string(JSONWriter.format(proposal.kind.automationFactor, decimals: 2)),
                "counted_minutes": .string(proposal.kind.countedMinutes(language: language)),
                "services": .string(proposal.services.filter { !$0.isEmpty }.joined(separator: ", ")),
                "has_steps": .bool(!proposal.steps.isEmpty),
                "steps": .array(proposal.steps.enumerated().map { ["number": .number(Double($0.offset + 1)), "text": .string($0.element)] }),
                "is_runbook": .bool(proposal.kind == .runbook),
            ]
        }
        return [
            "language": .string(language.rawValue),
            "stylesheet": .string(HTMLStylesheet.standard),
            "since": since.map { .string($0.day()) } ?? .null,
            "until": until.map { .string($0.day()) } ?? .null,
            "span_start": .string(spanStart.day()),
            "span_end": .string(spanEnd.day()),
            "months": .string(JSONWriter.format(months, decimals: 2)),
            "months_label": .string(language.catalogue(months == 1 ? "automations.months_one" : "automations.months_other",
                                                       ["months": JSONWriter.format(months, decimals: 2)])),
            "incidents": .number(Double(incidentsExamined)),
            "requests": .number(Double(requestsExamined)),
            "min_occurrences": .number(Double(minimumOccurrences)),
            "has_proposals": .bool(!proposals.isEmpty),
            "proposals": .array(items),
            "rules": ["minutes": .string(minutesRule), "savings": .string(savingsRule), "confidence": .string(confidenceRule)],
            "factors": .array(AutomationKind.allCases.map { kind in
                [
                    "kind": .string(kind.rawValue), "name": .string(kind.name(language: language)),
                    "factor": .string(JSONWriter.format(kind.automationFactor, decimals: 2)),
                    "counted_minutes": .string(kind.countedMinutes(language: language)),
                ]
            }),
        ]
    }
}

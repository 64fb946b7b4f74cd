import Foundation

extension Suggestion {
    /// The suggestion as templates see it: the members of `kb suggest --json` with their texts in `language`
    /// (`severity.reasons[].text`, `escalation.rules[].text`, `routing.reason.text`), plus what a reader needs
    /// written out: `severity.name`, the due times as text in the customer's clock (`sla.first_response_due_text`),
    /// the targets as durations in `language`, each solution's `rank` and a short `summary` of its resolution.
    public func templateValue(language: Language) -> TemplateValue {
        var writer = JSONWriter()
        write(to: &writer, language: language)
        guard case .object(var root) = (try? TemplateValue(jsonData: Data(writer.bytes), name: "suggestion")) ?? .null else {
            return .null
        }
        let clock = sla.localClock
        if case .object(var advice)? = root["severity"] {
            advice["name"] = .string(Severity.name(severity.suggested, language: language))
            root["severity"] = .object(advice)
        }
        if case .object(var due)? = root["sla"] {
            due["first_response_due_text"] = .string(clock.text(sla.firstResponseDue))
            due["resolution_due_text"] = .string(clock.text(sla.resolutionDue))
            due["first_response_target_text"] = .string(BusinessDuration.documentText(sla.firstResponseTarget, businessDay: sla.businessDaySeconds, language: language))
            due["resolution_target_text"] = .string(BusinessDuration.documentText(sla.resolutionTarget, businessDay: sla.businessDaySeconds, language: language))
            root["sla"] = .object(due)
        }
        if case .array(let items)? = root["solutions"] {
            root["solutions"] = .array(items.enumerated().map { rank, item in
                guard case .object(var solution) = item else { return item }
                solution["rank"] = .number(Double(rank + 1))
                let resolution = solutions[rank].resolution.replacingNewlines()
                solution["summary"] = .string(resolution.count > 280 ? String(resolution.prefix(280)) + "…" : resolution)
                return .object(solution)
            })
        }
        root["customer_lang"] = .string(customerLanguage.rawValue)
        root["has_missing"] = .bool(!missing.isEmpty)
        root["has_duplicates"] = .bool(!duplicates.isEmpty)
        root["has_solutions"] = .bool(!solutions.isEmpty)
        root["has_escalation_targets"] = .bool(!escalation.targets.isEmpty)
        root["routing_text"] = .string(([routing.service, routing.team, routing.level].compactMap { $0 }).joined(separator: " / "))
        return .object(root)
    }
}

extension KnowledgeBase {
    /// The suggestion as a plain-text note in `language` (`suggestion-note.md`), ready to post on the helpdesk's
    /// ticket as an internal note.
    public func suggestionNote(_ suggestion: Suggestion, language: Language) throws -> String {
        try templates(language).render("suggestion-note.md", context: suggestion.templateValue(language: language))
    }
}

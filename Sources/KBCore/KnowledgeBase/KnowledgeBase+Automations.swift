extension KnowledgeBase {
    /// Automation proposals mined from the period's closed incidents, with the rules behind their figures.
    public func automations(_ request: AutomationsRequest) throws -> AutomationReport {
        let policy = try policy()
        let store = try store()
        let options = AutomationOptions(now: now, since: request.since, until: request.until,
                                        minimumOccurrences: request.minimumOccurrences,
                                        language: try language(request.language), analyzerLanguage: policy.language)
        showProgress("mining closed incidents…")
        // The synonyms search expands queries with also tell automation mining which wordings say the same thing.
        let synonyms = try workspace.loadSynonyms(language: policy.language)
        return try AutomationMiner(policy: policy, options: options, synonyms: synonyms).report(store: store)
    }

    /// The report as the Markdown document of `templates/automations.md.mustache` (or, with `html`, the
    /// self-contained HTML document of `automations.html.mustache`), in the report's language.
    public func automationsDocument(_ report: AutomationReport, html: Bool = false) throws -> String {
        try templates(report.language).render(html ? "automations.html" : "automations.md", context: report.templateValue)
    }
}

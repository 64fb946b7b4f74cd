extension AutomationReport {
    /// The report as one line of JSON: `{"proposals":[{"kind":…,"title":…,"rationale":…,"evidence":[…],
    /// "occurrences":N,"manual_minutes":N,"hours_saved_per_month":X,"confidence":X,…}],…}`.
    ///
    /// Besides the figures of each proposal it carries the rules that produced them (`rules`,
    /// `automation_factor`, `counted_minutes`), so the numbers can be checked by hand.
    public func jsonText(pretty: Bool = false) -> String {
        var writer = JSONWriter(pretty: pretty)
        writer.beginObject()
        writer.key("proposals")
        writer.beginArray()
        for proposal in proposals {
            writer.beginObject()
            writer.member("kind", proposal.kind.rawValue)
            writer.member("title", proposal.title)
            writer.member("rationale", proposal.rationale)
            writer.member("evidence", proposal.evidence)
            writer.member("occurrences", proposal.occurrences)
            writer.member("manual_minutes", proposal.manualMinutes)
            writer.member("hours_saved_per_month", proposal.hoursSavedPerMonth, decimals: 2)
            writer.member("confidence", proposal.confidence, decimals: 2)
            writer.member("consistency", proposal.consistency, decimals: 2)
            writer.member("minutes_per_occurrence", proposal.minutesPerOccurrence)
            writer.member("automation_factor", proposal.kind.automationFactor, decimals: 2)
            writer.member("counted_minutes", proposal.kind.countedMinutes(language: language))
            writer.member("services", proposal.services)
            writer.member("steps", proposal.steps)
            writer.endObject()
        }
        writer.endArray()
        writer.member("language", language.rawValue)
        writer.member("since", since?.utcString)
        writer.member("until", until?.utcString)
        writer.member("span_start", spanStart.utcString)
        writer.member("span_end", spanEnd.utcString)
        writer.member("months", months, decimals: 2)
        writer.member("incidents_examined", incidentsExamined)
        writer.member("requests_examined", requestsExamined)
        writer.member("min_occurrences", minimumOccurrences)
        writer.key("rules")
        writer.beginObject()
        writer.member("manual_minutes", minutesRule)
        writer.member("hours_saved", savingsRule)
        writer.member("confidence", confidenceRule)
        writer.member("first_action_minutes", AutomationProposal.firstActionMinutes)
        writer.member("gap_cap_minutes", AutomationProposal.gapCapMinutes)
        writer.endObject()
        writer.endObject()
        return writer.text
    }
}

extension AutomationReport: JSONEncodable {
    /// The report as one line of JSON: `{"proposals":[{"kind":…,"title":…,"rationale":…,"evidence":[…],
    /// "occurrences":N,"manual_minutes":N,"hours_saved_per_month":X,"confidence":X,…}],…}`.
    ///
    /// Besides the figures of each proposal it carries the rules that produced them (`rules`,
    /// `automation_factor`, `counted_minutes`), so the numbers can be checked by hand.
    public func write(to writer: inout JSONWriter) {
        let rules = JSONObject(("manual_minutes", minutesRule), ("hours_saved", savingsRule), ("confidence", confidenceRule),
                               ("first_action_minutes", AutomationProposal.firstActionMinutes),
                               ("gap_cap_minutes", AutomationProposal.gapCapMinutes))
        writer.object(("proposals", proposals.map { $0.json(language: language) }), ("language", language.rawValue),
                      ("since", since?.utcString), ("until", until?.utcString), ("span_start", spanStart.utcString),
                      ("span_end", spanEnd.utcString), ("months", JSONNumber(months, decimals: 2)),
                      ("incidents_examined", incidentsExamined), ("requests_examined", requestsExamined),
                      ("min_occurrences", minimumOccurrences), ("rules", rules))
    }
}

extension AutomationProposal {
    /// The proposal's object; `language` names the minutes counted for its kind.
    func json(language: Language) -> JSONObject {
        JSONObject(("kind", kind.rawValue), ("title", title), ("rationale", rationale), ("evidence", evidence),
                   ("evidence_dates", evidenceDays),
                   ("occurrences", occurrences), ("manual_minutes", manualMinutes),
                   ("hours_saved_per_month", JSONNumber(hoursSavedPerMonth, decimals: 2)),
                   ("confidence", JSONNumber(confidence, decimals: 2)), ("consistency", JSONNumber(consistency, decimals: 2)),
                   ("minutes_per_occurrence", minutesPerOccurrence),
                   ("automation_factor", JSONNumber(kind.automationFactor, decimals: 2)),
                   ("counted_minutes", kind.countedMinutes(language: language)), ("services", services), ("steps", steps),
                   ("calculation", calculation))
    }
}

/// Suggests a severity 1–5 from a ticket's free text using the policy's severity keywords.
///
/// Phrases match whole words ignoring case and accents. A `with_failure` phrase (`llamadas`, `webchat`)
/// counts only when the text also has a failure word (`fallan`, `no conecta`). Then:
/// 1. a request phrase (severity 5) with no failure evidence — no failure word and no severity 1–3
///    phrase — stays a request: severity 5, even if secondary features (severity 4) are named;
/// 2. otherwise the most severe level among 1–4 with evidence wins; a service word that names what a report,
///    statistic or dashboard is about ("el reporte de llamadas") is not evidence of that service failing;
/// 3. with no such evidence, failure words (even beside a request phrase) mean "servicio … con errores":
///    severity 3;
/// 4. with no phrase and no failure word there is no suggestion.
public struct SeverityClassifier: Sendable {
    private let language: Language
    private let phrases: [Int: [PolicyPhraseMatcher.Pattern]]
    private let withFailure: [Int: [PolicyPhraseMatcher.Pattern]]
    private let failureWords: [PolicyPhraseMatcher.Pattern]

    public init(policy: Policy) {
        language = policy.language
        phrases = policy.severityKeywords.mapValues { $0.phrases.compactMap(PolicyPhraseMatcher.Pattern.init) }
        withFailure = policy.severityKeywords.mapValues { $0.withFailure.compactMap(PolicyPhraseMatcher.Pattern.init) }
        failureWords = policy.failureWords.compactMap(PolicyPhraseMatcher.Pattern.init)
    }

    /// The suggestion for a ticket's title and description.
    public func suggest(title: String, description: String) -> SeveritySuggestion? {
        suggest(title + "\n" + description)
    }

    /// The suggestion for a text, or nil when nothing in it points to a severity.
    public func suggest(_ text: String) -> SeveritySuggestion? {
        let matcher = PolicyPhraseMatcher(text: text)
        let failures = failureWords.compactMap(matcher.firstMatch(of:)).sorted(by: PolicyPhraseMatcher.Match.textOrder)
        var evidence: [Int: [SeverityEvidence]] = [:]
        let features = (phrases[4] ?? []).flatMap(matcher.allMatches(of:))
        for severity in 1...5 {
            var found: [(match: PolicyPhraseMatcher.Match, failure: PolicyPhraseMatcher.Match?)] =
                (phrases[severity] ?? []).compactMap(matcher.firstMatch(of:)).map { ($0, nil) }
            if let failure = failures.first {
                // A service named as what a report counts ("reporte de llamadas") is not a service that fails.
                found += (withFailure[severity] ?? []).compactMap { pattern in
                    matcher.allMatches(of: pattern).first { !Self.isReportSubject($0, features: features, in: matcher) }
                }.map { ($0, failure) }
            }
            // One piece of evidence per place in the text: "mensajería" and "mensaje*" are the same finding.
            var places: Set<Int> = []
            let kept = found.sorted { PolicyPhraseMatcher.Match.textOrder($0.match, $1.match) }
                .filter { places.insert($0.match.wordIndex).inserted }
            if !kept.isEmpty {
                evidence[severity] = kept.map { self.evidence(severity, $0.match, failure: $0.failure) }
            }
        }

        let failureEvidence = !failures.isEmpty || (1...3).contains { evidence[$0] != nil }
        let chosen: (severity: Int, rule: SeveritySuggestion.Rule)
        if evidence[5] != nil, !failureEvidence {
            chosen = (5, .requestWithoutFailure)
        } else if let severe = (1...4).first(where: { evidence[$0] != nil }) {
            chosen = (severe, .mostSevere)
        } else if let failure = failures.first {
            evidence[3] = [self.evidence(3, failure, failure: nil)]
            chosen = (3, .failureWithoutTopic)
        } else {
            return nil
        }
        let others = (1...5).filter { $0 != chosen.severity }.flatMap { evidence[$0] ?? [] }
        return SeveritySuggestion(severity: chosen.severity, rule: chosen.rule,
                                  reasons: evidence[chosen.severity] ?? [], otherEvidence: others)
    }

    private func evidence(_ severity: Int, _ match: PolicyPhraseMatcher.Match, failure: PolicyPhraseMatcher.Match?)
        -> SeverityEvidence
    {
        SeverityEvidence(severity: severity, phrase: match.pattern.source, matchedText: match.text,
                         failureText: failure?.text, definition: SeverityClassifier.definition(of: severity, language: language))
    }
}

extension SeverityClassifier {
    /// Words that join a report, statistic or dashboard to what it is about: "reporte **de** llamadas",
    /// "estadísticas **del** webchat", "report **of the** calls".
    static let subjectConnectors: Set<[UInt8]> = Set(["de", "del", "la", "las", "los", "el", "en", "por", "sobre", "of",
                                                      "for", "the", "on", "about"].map { Array($0.utf8) })

    /// Whether a service word found at `service` names what one of the secondary features (`features`: reports,
    /// statistics, dashboards…) is about rather than a service that fails: right after the feature, joined by at
    /// most three connectors ("el reporte de las llamadas abandonadas"), or right before it ("call report",
    /// "webchat statistics"). The manual puts reports and statistics at severity 4 whatever they count.
    static func isReportSubject(_ service: PolicyPhraseMatcher.Match, features: [PolicyPhraseMatcher.Match],
                                in matcher: PolicyPhraseMatcher) -> Bool {
        features.contains { feature in
            let featureEnd = feature.wordIndex + feature.pattern.words.count
            if service.wordIndex + service.pattern.words.count == feature.wordIndex { return true }
            guard service.wordIndex >= featureEnd, service.wordIndex - featureEnd <= 3 else { return false }
            return matcher.words[featureEnd..<service.wordIndex].allSatisfy { subjectConnectors.contains($0.folded) }
        }
    }
}

extension PolicyPhraseMatcher {
    /// Every occurrence of a pattern, in text order.
    func allMatches(of pattern: Pattern) -> [Match] {
        let count = pattern.words.count
        guard words.count >= count else { return [] }
        return (0...(words.count - count)).filter { matches(pattern, at: $0) }.map { start in
            Match(pattern: pattern, wordIndex: start,
                  text: String(decoding: utf8[words[start].start..<words[start + count - 1].end], as: UTF8.self))
        }
    }
}

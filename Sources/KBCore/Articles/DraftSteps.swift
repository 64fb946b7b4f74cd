import Foundation

/// The "Pasos" of an article draft: what was done to solve the ticket, in the order it was done, as imperative steps.
///
/// Steps come from the actions logged (public and internal `action` events), escalations to a vendor, and the
/// sentences of public comments that say something done ("Pedimos al cliente borrar la caché"); never from courtesy
/// (greetings, thanks, apologies, "estamos revisando", "quedamos atentos") or questions to the customer. When the
/// timeline logs no action, the resolution's clauses are the steps ("Se renovó el certificado y se recargó nginx"
/// gives two). Each step is redacted, put in the imperative (`ImperativeMood`) and kept once: a step whose words are
/// all in an earlier one is left out.
struct DraftSteps {
    let language: Language
    let redactor: Redactor
    let analyzer: Analyzer

    init(language: Language, redactor: Redactor) {
        self.language = language
        self.redactor = redactor
        analyzer = Analyzer(language: language)
    }

    /// The steps of `ticket` (whose timeline is sorted).
    func steps(of ticket: Ticket) -> [String] {
        var steps: [(text: String, terms: Set<String>)] = []
        // A repeated step is kept once, where it was first done, in its fullest wording.
        func add(_ text: String) {
            let terms = Set(analyzer.terms(text))
            guard !terms.isEmpty, !steps.contains(where: { terms.isSubset(of: $0.terms) }) else { return }
            if let earlier = steps.firstIndex(where: { $0.terms.isSubset(of: terms) }) {
                steps[earlier] = (text, terms)
                steps.removeAll { $0.text != text && $0.terms.isSubset(of: terms) }
            } else {
                steps.append((text, terms))
            }
        }
        for event in ticket.events {
            let text = TextLines.singleLine(redactor.redact(event.text))
            guard !text.isEmpty else { continue }
            switch event.kind {
            case .action:
                for sentence in actionSentences(text, isLog: true) { add(sentence) }
            case .escalation where event.to?.hasPrefix("vendor:") == true:
                for sentence in actionSentences(text, isLog: true) { add(sentence) }
            case .comment where event.visibility == .public:
                for sentence in actionSentences(text, isLog: false) { add(sentence) }
            default:
                continue
            }
        }
        if steps.isEmpty, let resolution = ticket.resolution {
            for clause in DraftSteps.clauses(TextLines.singleLine(redactor.redact(resolution)), language: language) {
                if let step = ImperativeMood.step(clause, language: language) { add(step) }
            }
        }
        return steps.map(\.text)
    }

    /// The sentences of a logged action (each a step, in the imperative when it reads as an action) or of a comment
    /// (only those that read as an action); courtesy and questions never.
    private func actionSentences(_ text: String, isLog: Bool) -> [String] {
        // A logged action keeps its colon: "Se revisa el certificado: expiró ayer" is one step and what it found.
        CourtesyText.sentences(text, keepingColons: isLog).filter { !CourtesyText.isCourtesy($0) }.compactMap { sentence in
            ImperativeMood.step(sentence, language: language) ?? (isLog ? sentence : nil)
        }
    }

    /// A resolution's sentences cut at ", se", " y se", "; " (Spanish) or ", then", " and then" (English).
    static func clauses(_ text: String, language: Language) -> [String] {
        let cuts = language == .spanish ? [", se ", " y se ", " y luego se ", ", y se "] : [", then ", " and then ", ", and "]
        var clauses: [String] = []
        for sentence in CourtesyText.sentences(text) {
            var pieces = [sentence]
            for cut in cuts {
                pieces = pieces.flatMap { piece -> [String] in
                    let parts = piece.components(separatedBy: cut)
                    guard parts.count > 1 else { return [piece] }
                    let restart = language == .spanish ? "se " : ""
                    return [parts[0]] + parts.dropFirst().map { restart + $0 }
                }
            }
            clauses += pieces.map(TextLines.trimmed).filter { !$0.isEmpty }
        }
        return clauses
    }
}

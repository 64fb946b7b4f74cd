/// The KCS sections kb knows by name; headings are matched in Spanish or English.
public enum ArticleSectionKind: String, Sendable, CaseIterable, Codable {
    case problem, environment, solution, cause

    /// Recognises a `## ` heading's text: case, accents, a trailing colon and surrounding spaces
    /// are ignored, so `## Solucion:` and `## SOLUCIÓN` both count.
    public init?(heading: String) {
        switch ArticleSectionKind.normalized(heading) {
        case "problema", "problem", "sintoma", "sintomas", "symptom", "symptoms": self = .problem
        case "entorno", "environment", "ambiente": self = .environment
        case "solucion", "resolucion", "solution", "resolution": self = .solution
        case "causa", "causa raiz", "cause", "root cause": self = .cause
        default: return nil
        }
    }

    /// The language of a recognised KCS heading (`Causa` → es, `Cause` → en); nil for other headings.
    public static func language(ofHeading heading: String) -> Language? {
        switch normalized(heading) {
        case "problema", "sintoma", "sintomas", "entorno", "ambiente", "solucion", "resolucion", "causa", "causa raiz":
            .spanish
        case "problem", "symptom", "symptoms", "environment", "solution", "resolution", "cause", "root cause":
            .english
        default:
            nil
        }
    }

    private static func normalized(_ heading: String) -> String {
        var folded = AccentFolding.fold(heading)
        while let last = folded.last, last == ":" || last == " " { folded.removeLast() }
        while let first = folded.first, first == " " { folded.removeFirst() }
        return folded
    }

    /// The heading text the draft and training templates use, in `language`.
    public func heading(in language: Language) -> String {
        language.catalogue["article.section." + rawValue]
    }
}

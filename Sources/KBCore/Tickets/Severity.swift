/// The manual's severity scale.
public enum Severity {
    /// The manual's name of a severity (1 Crítica … 5 Solicitudes) in `language`; `?` outside 1–5.
    public static func name(_ severity: Int, language: Language = .spanish) -> String {
        guard (1...5).contains(severity) else { return "?" }
        return language.catalogue["severity.name.\(severity)"]
    }
}

extension SeverityClassifier {
    /// The support manual's definition of a severity (1 Crítica … 5 Solicitudes), in Spanish or English.
    public static func definition(of severity: Int, language: Language) -> String {
        language.catalogue["severity.definition.\(min(5, max(1, severity)))"]
    }
}

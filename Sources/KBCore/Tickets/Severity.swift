/// The manual's severity scale.
public enum Severity {
    /// Spanish name of a severity, as the manual writes it.
    public static func name(_ severity: Int, language: String = "es") -> String {
        let spanish = [1: "Crítica", 2: "Alto impacto", 3: "Impacto medio", 4: "Bajo impacto", 5: "Solicitud"]
        let english = [1: "Critical", 2: "High impact", 3: "Medium impact", 4: "Low impact", 5: "Request"]
        return (language == "en" ? english : spanish)[severity] ?? "?"
    }
}

extension SeverityClassifier {
    /// The support manual's definition of a severity (1 Crítica … 5 Solicitudes), in Spanish or English.
    public static func definition(of severity: Int, language: Language) -> String {
        let index = min(5, max(1, severity)) - 1
        switch language {
        case .spanish:
            return [
                "Crítica: sin servicio de la plataforma (no poder acceder al portal, no poder visualizar el login, plataforma sin funcionar)",
                "Alto impacto: servicio principal con errores de funcionamiento (llamadas, WebChat, mensajería)",
                "Impacto medio: servicio funcionando parcialmente o con errores",
                "Bajo impacto: problemas de funcionalidades secundarias, reportes, estadísticas",
                "Solicitudes: no hay afectación del servicio, solicitud de cambios de password, documentación",
            ][index]
        case .english:
            return [
                "Critical: platform without service (cannot access the portal, cannot see the login, platform not working)",
                "High impact: main service failing (calls, webchat, messaging)",
                "Medium impact: service partially working or with errors",
                "Low impact: problems in secondary features, reports, statistics",
                "Requests: service not affected; password changes, documentation",
            ][index]
        }
    }
}

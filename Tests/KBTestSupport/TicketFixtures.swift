import KBCore

/// Small valid ticket lines for tests.
public enum TicketFixtures {
    /// A valid native JSON line with the given id and overrides spliced in as raw JSON members.
    public static func line(id: String, title: String = "No carga el login del portal", severity: Int = 3,
                            status: String = "closed", extra: String = "") -> String {
        var members = [
            "\"id\":\"\(id)\"", "\"title\":\"\(title)\"", "\"description\":\"La pantalla queda en blanco\"",
            "\"customer\":\"Acme\"", "\"plan\":\"12x5\"", "\"timezone\":\"America/Santiago\"", "\"service\":\"portal\"",
            "\"severity\":\(severity)", "\"status\":\"\(status)\"", "\"channel\":\"ticketera\"",
            "\"created_at\":\"2026-03-02T09:14:00-03:00\"",
            "\"events\":[{\"at\":\"2026-03-02T09:20:00-03:00\",\"kind\":\"comment\",\"author\":\"ana\",\"text\":\"Revisando\"}]",
        ]
        if !extra.isEmpty { members.append(extra) }
        return "{" + members.joined(separator: ",") + "}"
    }
}

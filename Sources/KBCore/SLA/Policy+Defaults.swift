extension Policy {
    /// The shipped policy: what `kb init` writes and what any field missing from `kb/policy.json` falls back to.
    ///
    /// Targets, in business time of the plan's calendar (first response / update cadence / resolution):
    /// severity 1 `15m` / `30m` / `4h`; 2 `30m` / `1h` / `8h`; 3 `2h` / `4h` / `24h`; 4 `4h` / `8h` / `72h`;
    /// 5 `8h` / `24h` / `120h`. Resolution for severities 3–5 is 24, 72 and 120 business hours: two, six and
    /// ten working days under `12x5`, one, three and five days under `24x7`. Update cadence is twice the first
    /// response target for 1–4 and one day for requests. `12x5` takes the public holidays of each customer's
    /// country; a severity-1 ticket paused for more than one business hour is flagged by `kb sla`.
    public static let `default` = Policy(
        language: .spanish,
        defaultTimeZone: "America/Santiago",
        defaultPlan: "12x5",
        calendars: [
            "12x5": BusinessCalendar.twelveFive,
            "24x7": BusinessCalendar.twentyFourSeven,
        ],
        plans: ["12x5": "12x5", "24x7": "24x7"],
        customers: [:],
        targets: [
            1: SeverityTargets(firstResponseSeconds: 15 * 60, updateSeconds: 30 * 60, resolutionSeconds: 4 * 3_600),
            2: SeverityTargets(firstResponseSeconds: 30 * 60, updateSeconds: 3_600, resolutionSeconds: 8 * 3_600),
            3: SeverityTargets(firstResponseSeconds: 2 * 3_600, updateSeconds: 4 * 3_600, resolutionSeconds: 24 * 3_600),
            4: SeverityTargets(firstResponseSeconds: 4 * 3_600, updateSeconds: 8 * 3_600, resolutionSeconds: 72 * 3_600),
            5: SeverityTargets(firstResponseSeconds: 8 * 3_600, updateSeconds: 24 * 3_600, resolutionSeconds: 120 * 3_600),
        ],
        pausingStatuses: [.waitingCustomer],
        vendorStatuses: [.waitingVendor],
        escalation: EscalationRules(
            levels: ["N1", "N2", "N3"],
            warningPercent: 75,
            exceededPercent: 100,
            criticalServices: ["llamadas", "mensajeria", "portal", "webchat"],
            criticalSeverities: [1, 2],
            criticalLevel: "N2",
            vendors: [
                VendorRule(name: "certificadora", services: [],
                           keywords: ["certificado", "certificado tls", "certificado ssl", "certificate", "tls", "ssl"]),
                VendorRule(name: "cloudsms", services: ["mensajeria"],
                           keywords: ["gateway sms", "sms gateway", "proveedor sms", "proveedor de sms", "smpp", "cuota de sms"]),
                VendorRule(name: "correo-seguro", services: [],
                           keywords: ["smtp", "relay de correo", "proveedor de correo", "correo rebotado", "correos rebotados"]),
                VendorRule(name: "mensajeria-latam", services: ["mensajeria"],
                           keywords: ["whatsapp business", "waba", "meta business", "plantilla rechazada", "plantillas rechazadas"]),
                VendorRule(name: "nubehost", services: [],
                           keywords: ["aws", "azure", "gcp", "proveedor cloud", "proveedor de nube", "datacenter", "data center",
                                      "cloud provider"]),
                VendorRule(name: "telco-andina", services: ["llamadas"],
                           keywords: ["troncal", "troncal sip", "sip trunk", "operador", "carrier", "portabilidad", "numeración"]),
            ]
        ),
        severityKeywords: defaultSeverityKeywords,
        failureWords: [
            "falla*", "fallo*", "fallid*", "error*", "no funciona*", "no conecta*", "no envía*", "no llega*",
            "no carga*", "no responde*", "no entra*", "no sale*", "caído*", "caída*", "se cae*", "se corta*",
            "cortad*", "incorrect*", "rechazad*", "bloquead*", "fail*", "broken", "down", "not working",
            "doesn't work", "does not work", "not loading", "cannot", "can't", "unable", "timeout", "timed out",
        ],
        routing: [
            "contrasenas": ServiceRoute(team: "mesa-de-ayuda", level: "N1"),
            "documentacion": ServiceRoute(team: "mesa-de-ayuda", level: "N1"),
            "estadisticas": ServiceRoute(team: "datos", level: "N1"),
            "llamadas": ServiceRoute(team: "voz", level: "N1"),
            "mensajeria": ServiceRoute(team: "canales-digitales", level: "N1"),
            "portal": ServiceRoute(team: "plataforma", level: "N1"),
            "reportes": ServiceRoute(team: "datos", level: "N1"),
            "webchat": ServiceRoute(team: "canales-digitales", level: "N1"),
        ],
        zendesk: ZendeskMapping(
            priorities: ["urgent": 1, "high": 2, "normal": 3, "low": 4],
            statuses: [
                "new": .new, "open": .inProgress, "pending": .waitingCustomer, "hold": .waitingVendor,
                "solved": .resolved, "closed": .closed,
            ]
        ),
        holidayCalendars: [:],
        // A critical incident left waiting on the customer for more than a business hour needs a lead's eye.
        pauseLimits: [1: 3_600]
    )

    /// Phrases drawn from the manual's severity definitions, in Spanish and English.
    static let defaultSeverityKeywords: [Int: SeverityKeywords] = [
        1: SeverityKeywords(phrases: [
            "sin servicio", "no puedo acceder al portal", "no podemos acceder al portal",
            "no puedo acceder a la plataforma", "no podemos acceder a la plataforma", "no puedo ingresar al portal",
            "no puedo ingresar a la plataforma", "no carga el login", "no carga el portal", "no carga la plataforma",
            "login no carga", "portal no carga", "plataforma no carga", "no se visualiza el login", "no se ve el login",
            "pantalla en blanco", "en blanco", "plataforma caída", "plataforma sin funcionar", "plataforma no funciona",
            "portal caído", "servicio caído", "caída total", "platform down", "service down", "outage", "no service",
            "cannot access the portal", "can't access the portal", "cannot log in", "can't log in", "blank screen",
            "blank page",
        ]),
        2: SeverityKeywords(
            phrases: [
                "no entran llamadas", "no salen llamadas", "llamadas cortadas", "se cortan las llamadas",
                "dropped calls",
            ],
            withFailure: [
                "llamada*", "webchat", "web chat", "chat", "mensajería", "mensaje*", "whatsapp", "sms", "ivr",
                "telefonía", "call", "calls", "messaging", "messages",
            ]
        ),
        3: SeverityKeywords(phrases: [
            "parcialmente", "con errores", "intermitent*", "intermitencia", "lento", "lenta", "lentitud", "demora*",
            "tarda*", "degradad*", "partially", "intermittent*", "slow*", "degraded",
        ]),
        4: SeverityKeywords(phrases: [
            "reporte*", "informe*", "estadística*", "dashboard*", "exportación", "exportar", "gráfico*", "report",
            "reports", "reporting", "statistics", "export",
        ]),
        5: SeverityKeywords(phrases: [
            "solicito", "solicitamos", "solicitud", "necesito", "necesitamos", "cambio de contraseña",
            "cambio de password", "restablecer contraseña", "documentación", "consulta", "capacitación",
            "cómo puedo", "request", "password reset", "password change", "reset password", "documentation",
            "how do i", "how can i", "training",
        ]),
    ]
}

extension TicketGenerator {
    /// The team's and customers' everyday sentences, shared by every family.
    enum Phrases {
        private static func makeCreated(_ channel: Channel) -> [Template] {
            switch channel {
            case .ticketera: ["Ticket registrado por el cliente en la ticketera", "Caso ingresado desde la ticketera"]
            case .correo: ["Caso creado desde el correo de {contacto}", "Ticket generado a partir de un correo del cliente"]
            case .chat: ["Caso abierto desde el chat de soporte", "Ticket creado a partir de una conversación de chat con {contacto}"]
            case .telefono: ["Llamada de {contacto} ({telefono}); se registra el caso", "Caso registrado por llamada telefónica del cliente"]
            case .monitoreo: ["Ticket creado automáticamente por una alerta de monitoreo", "Alerta de monitoreo convertida en ticket"]
            }
        }

        // Templates are parsed once: building them in the hot loop would parse every literal again.
        private static let createdByChannel = Channel.allCases.map(makeCreated)
        private static let raisedSeverity = (0...5).map { makeSeverityChange(to: $0, raised: true) }
        private static let loweredSeverity = (0...5).map { makeSeverityChange(to: $0, raised: false) }
        private static let asksByKind = EvidenceAsk.allCases.map(makeAsks)
        private static let repliesByKind = EvidenceAsk.allCases.map(makeReplies)
        private static let attachmentsByKind = EvidenceAsk.allCases.map(makeReplyAttachments)

        static func created(_ channel: Channel) -> [Template] {
            createdByChannel[Channel.allCases.firstIndex(of: channel) ?? 0]
        }

        static func severityChange(to severity: Int, raised: Bool) -> [Template] {
            raised ? raisedSeverity[severity] : loweredSeverity[severity]
        }

        static func asks(_ ask: EvidenceAsk) -> [Template] { asksByKind[ask.rawValue] }
        static func replies(_ ask: EvidenceAsk) -> [Template] { repliesByKind[ask.rawValue] }
        static func replyAttachments(_ ask: EvidenceAsk) -> [[Attachment]] { attachmentsByKind[ask.rawValue] }

        static let detected: [Template] = [
            "Alerta recibida desde el sistema de monitoreo",
            "El monitoreo detecta la falla y dispara la alerta",
            "Alarma crítica en el monitoreo",
        ]
        static let assigned: [Template] = ["Asignado a {agente} ({nivel})", "Caso asignado a {agente}", "{agente} ({nivel}) toma el caso"]
        static let firstResponseCritical: [Template] = [
            "Hola {contacto}, tomamos el caso con prioridad crítica y ya lo estamos revisando. Le informaremos cada 30 minutos.",
            "Recibimos su reporte; el equipo ya está trabajando en el incidente con la máxima prioridad.",
            "Estimado/a {contacto}: estamos revisando el incidente de inmediato. Le mantendremos informado.",
        ]
        /// First message to the customer when monitoring found the problem before anyone called.
        static let proactiveNotice: [Template] = [
            "Hola {contacto}, nuestro monitoreo detectó una falla que afecta su servicio y ya estamos trabajando en ella. Le informaremos los avances.",
            "Estimado/a {contacto}: detectamos un incidente en la plataforma que puede afectarles; el equipo ya está revisando.",
        ]
        static let firstResponse: [Template] = [
            "Hola {contacto}, recibimos su caso y ya lo estamos revisando. Le mantendremos informado.",
            "Estimado/a {contacto}: estamos analizando el problema reportado; le informaremos los avances.",
            "Hola, gracias por reportar. Ya estamos revisando el caso.",
        ]
        static let firstResponseRequest: [Template] = [
            "Hola {contacto}, recibimos su solicitud y la estamos gestionando.",
            "Buenos días, tomamos su solicitud; le avisaremos cuando esté lista.",
            "Gracias por escribirnos, ya estamos trabajando en su solicitud.",
        ]
        static let internalNotes: [Template] = [
            "Nota interna: contacto alternativo del cliente {contacto}, {telefono}.",
            "El cliente ya había reportado algo parecido hace unas semanas; revisar historial.",
            "Nota interna: cliente molesto por incidentes anteriores, cuidar la comunicación.",
            "Acceso por VPN al servidor desde {ip} para revisar.",
            "Revisar si hay otros clientes afectados antes de responder.",
            "Credenciales temporales enviadas por canal seguro; no registrarlas aquí.",
            "Avisar a jefatura si el caso supera una hora sin solución.",
        ]
        static let waitingCustomer: [Template] = ["En espera de información del cliente", "Esperando respuesta del cliente"]
        static let resumed: [Template] = ["Se retoma con la información recibida", "Información recibida, se continúa con el análisis"]
        static let inProgress: [Template] = ["Se retoma el caso", "Caso en curso"]
        static let escalationN2: [Template] = [
            "Se escala a N2 para análisis de infraestructura",
            "Escalado a N2: afecta un servicio crítico",
            "Se escala a N2 por superar el tiempo de atención de N1",
        ]
        static let escalationN3: [Template] = [
            "Se escala a N3 (desarrollo): requiere corrección en la aplicación",
            "Escalado a N3 para revisión del código",
            "Se deriva a N3 desarrollo",
        ]
        static let escalationVendor: [Template] = [
            "Se abre el caso {caso} con {proveedor}",
            "Escalado al proveedor {proveedor}, caso {caso}",
            "Se escala a {proveedor} según procedimiento (caso {caso})",
        ]
        static let escalationNotice: [Template] = [
            "Hola {contacto}, escalamos el caso a nuestro proveedor y le informaremos apenas tengamos respuesta.",
            "Le informamos que el caso fue escalado al área especialista; seguimos atentos.",
        ]
        static let waitingVendor: [Template] = ["En espera de respuesta de {proveedor}", "Esperando al proveedor {proveedor}"]
        static let vendorReply: [Template] = ["{proveedor} responde en el caso {caso} y confirma la corrección."]
        static let customerFollowUp: [Template] = [
            "¿Tienen alguna novedad? Seguimos con el problema.",
            "Necesitamos una actualización urgente, por favor.",
            "Seguimos afectados, ¿cuánto falta para la solución?",
        ]
        static let progressUpdate: [Template] = [
            "Seguimos trabajando en el incidente; próxima actualización en 30 minutos.",
            "Actualización: el equipo continúa con el análisis junto al proveedor. Le mantendremos informado.",
        ]
        static let mitigatedNotice: [Template] = [
            "Hola {contacto}, el servicio ya está operativo. Seguimos monitoreando y le confirmaremos la solución definitiva.",
            "Servicio restablecido. Por favor confírmenos si lo ven normal.",
        ]
        static let agentEvidence: [Template] = [
            "Se adjuntan los logs revisados",
            "Evidencia: logs y captura del monitoreo",
            "Adjunto log del servidor",
        ]
        static let fixPlanned: [Template] = [
            "La corrección quedará disponible en la versión {version}; le avisaremos cuando se publique.",
            "Desarrollo confirmó el error; la solución saldrá en la versión {version}.",
        ]
        static let fixDeployed: [Template] = [
            "Despliegue de la versión {version} en producción",
            "Se publica la versión {version} con la corrección",
        ]
        static let customerConfirms: [Template] = [
            "Confirmamos que ya funciona. Gracias.",
            "Funciona correctamente, pueden cerrar.",
            "Todo OK por nuestra parte, gracias por la ayuda.",
            "Ok, ya quedó.",
        ]
        static let closedConfirmed: [Template] = ["Cierre con conformidad del cliente", "Caso cerrado: el cliente confirma la solución"]
        static let closedAutomatically: [Template] = [
            "Cierre automático: 72 horas sin respuesta del cliente",
            "Se cierra por falta de respuesta del cliente tras la solución",
        ]
        static let customerReopens: [Template] = [
            "Volvió a pasar lo mismo esta mañana.",
            "El problema se presentó de nuevo.",
            "Sigue fallando, favor reabrir.",
        ]
        static let reopened: [Template] = ["Se reabre el caso: el cliente informa que el problema persiste", "Caso reabierto por recurrencia"]
        static let signatures: [Template] = [
            "\n\nSaludos,\n{contacto}\n{telefono}",
            "\n\nAtte.\n{contacto} | {email}",
            "\n\n{contacto}\nSupervisión de operaciones, {cliente}\nTel. {telefono}",
        ]

        private static func makeSeverityChange(to severity: Int, raised: Bool) -> [Template] {
            switch (severity, raised) {
            case (1, _): ["Se eleva a severidad 1: sin servicio para toda la operación"]
            case (2, true): ["Se eleva a severidad 2: la degradación impide operar los canales principales"]
            case (2, false): ["Se reclasifica a severidad 2: el servicio principal tiene errores pero la plataforma está disponible",
                              "Severidad ajustada a 2 según el manual: servicio principal con errores"]
            case (3, _): ["Se reclasifica a severidad 3: el servicio funciona parcialmente"]
            case (4, _): ["Se reclasifica a severidad 4: funcionalidad secundaria"]
            default: ["Se reclasifica a severidad 5: afecta a un solo usuario y corresponde a una solicitud",
                      "Severidad ajustada a 5: no hay afectación del servicio"]
            }
        }

        private static func makeAsks(_ ask: EvidenceAsk) -> [Template] {
            switch ask {
            case .screenshotAndHAR: [
                "Para avanzar, ¿nos puede enviar una captura de pantalla del error y el archivo HAR del navegador?",
                "Por favor adjunte una captura de pantalla y el HAR del navegador (F12, pestaña Red, Exportar HAR).",
                "¿Nos envía una captura de pantalla y la hora exacta en que ocurrió?",
            ]
            case .callDetails: [
                "¿Nos indica número de origen, número de destino y hora exacta de una llamada afectada?",
                "Para revisar necesitamos la hora exacta y los números de dos llamadas de ejemplo.",
            ]
            case .chatDetails: [
                "¿Nos envía el ID de una conversación afectada y una captura de pantalla?",
                "Necesitamos el ID de la conversación y el navegador que usaba el cliente.",
            ]
            case .messageDetails: [
                "¿Nos indica un número de destino y la hora de un mensaje que no llegó?",
                "Envíenos por favor el ID de un mensaje afectado y la hora de envío.",
            ]
            case .reportDetails: [
                "¿Nos envía el reporte exportado y el rango de fechas que está revisando?",
                "Por favor adjunte el archivo del reporte y una captura del portal para comparar.",
            ]
            case .userDetails: [
                "Para validar la solicitud, ¿nos confirma el usuario afectado y que el requerimiento viene de un contacto autorizado?",
                "Necesitamos el nombre de usuario y el correo registrado.",
            ]
            }
        }

        private static func makeReplies(_ ask: EvidenceAsk) -> [Template] {
            switch ask {
            case .screenshotAndHAR: ["Adjunto captura y HAR.", "Les envío la captura de pantalla; el HAR no lo pude sacar.", "Adjunto lo solicitado."]
            case .callDetails: ["Llamada del {telefono} a las {hora}.", "Ejemplos: a las {hora} desde el {telefono}; otra 10 minutos después."]
            case .chatDetails: ["Conversación {n}, adjunto captura.", "ID {n}, navegador Chrome."]
            case .messageDetails: ["Destino {telefono}, enviado a las {hora}.", "Adjunto planilla con los mensajes no entregados."]
            case .reportDetails: ["Adjunto el reporte del {fecha}.", "Va el archivo y la captura."]
            case .userDetails: ["Usuario {usuario}, correo {email}. Soy contacto autorizado.", "Es el usuario {usuario}."]
            }
        }

        private static func makeReplyAttachments(_ ask: EvidenceAsk) -> [[Attachment]] {
            switch ask {
            case .screenshotAndHAR: [[Attachment(name: "captura-pantalla.png", kind: "screenshot")],
                                     [Attachment(name: "captura-error.png", kind: "screenshot"),
                                      Attachment(name: "portal.har", kind: "har")]]
            case .callDetails: [[], [Attachment(name: "llamadas-ejemplo.xlsx", kind: "document")]]
            case .chatDetails: [[Attachment(name: "captura-webchat.png", kind: "screenshot")]]
            case .messageDetails: [[], [Attachment(name: "mensajes-no-entregados.csv", kind: "csv")]]
            case .reportDetails: [[Attachment(name: "reporte.xlsx", kind: "document"),
                                   Attachment(name: "captura-portal.png", kind: "screenshot")]]
            case .userDetails: [[]]
            }
        }
    }
}

import Foundation
import Testing
import KBTestSupport
@testable import KBCore

/// Draft steps are the actions taken, in the imperative, once each, in order; never courtesy.
@Suite struct DraftStepsTests {
    static func at(_ minute: Int) -> Timestamp { Timestamp(seconds: WriterFixtures.time("2026-04-07T10:00:00Z").seconds + Int64(minute) * 60) }

    static func event(_ minute: Int, _ kind: EventKind, _ text: String, visibility: Visibility = .public,
                      to: String? = nil) -> TicketEvent {
        TicketEvent(at: at(minute), kind: kind, author: "ana", visibility: visibility, text: text, to: to)
    }

    static func ticket(events: [TicketEvent], resolution: String = "Se reinició el servicio de colas.",
                       language: String? = nil) -> Ticket {
        Ticket(id: "T-77", title: "Los mensajes de WhatsApp quedan en cola", description: "No salen los mensajes.",
               customer: "Tienda Sur", service: "mensajeria", severity: 2, status: .resolved, createdAt: at(0),
               resolvedAt: at(90), resolution: resolution, rootCause: "El servicio de colas se detuvo.", events: events,
               language: language)
    }

    static let spanishEvents: [TicketEvent] = [
        event(1, .comment, "Estimado/a Pedro Soto: estamos revisando su caso. Le mantendremos informado."),
        event(2, .comment, "¿Nos puede enviar el número de un mensaje que no salió?"),
        event(3, .action, "Se revisó el estado del servicio de colas: detenido desde las 9:40", visibility: .internal),
        event(4, .escalation, "Se escala a N2 para revisar la plataforma", visibility: .internal, to: "N2"),
        event(5, .status, "En espera del proveedor", visibility: .internal),
        event(6, .escalation, "Se abre el caso MQ-1234 con el proveedor de mensajería", visibility: .internal,
              to: "vendor:colas"),
        event(7, .comment, "Gracias por su paciencia. Seguimos trabajando en el incidente."),
        event(8, .action, "Reinicio del servicio de colas y purga de mensajes duplicados", visibility: .internal),
        event(9, .action, "Reiniciamos el servicio de colas", visibility: .internal),
        event(10, .comment, "Pedimos al cliente reenviar los mensajes fallidos. Quedamos atentos a sus comentarios."),
        event(11, .comment, "Hola Pedro, el servicio ya está operativo."),
    ]

    func steps(_ ticket: Ticket, _ language: Language = .spanish) -> [String] {
        DraftSteps(language: language, redactor: Redactor()).steps(of: ticket)
    }

    @Test func stepsAreTheActionsTakenNotCourtesy() {
        #expect(steps(Self.ticket(events: Self.spanishEvents)) == [
            "Revisar el estado del servicio de colas: detenido desde las 9:40",
            "Abrir el caso MQ-1234 con el proveedor de mensajería",
            "Reiniciar el servicio de colas y purgar mensajes duplicados",
            "Pedir al cliente reenviar los mensajes fallidos",
        ])
    }

    @Test func withoutLoggedActionsTheResolutionGivesTheSteps() {
        let ticket = Self.ticket(events: [Self.event(1, .comment, "Buenos días, tomamos su solicitud.")],
                                 resolution: "Se liberó espacio en disco, se reactivó la rotación de logs y se reinició el servidor. "
                                    + "El portal responde normal.")
        #expect(steps(ticket) == ["Liberar espacio en disco", "Reactivar la rotación de logs", "Reiniciar el servidor"])
    }

    @Test func englishTicketsGiveEnglishSteps() {
        let ticket = Self.ticket(events: [
            Self.event(1, .comment, "Dear customer, we are looking into it. Thanks for your patience."),
            Self.event(2, .action, "Checked the queue service: stopped since 9:40", visibility: .internal),
            Self.event(3, .action, "We restarted the queue service", visibility: .internal),
            Self.event(4, .action, "Purged the duplicated messages", visibility: .internal),
            Self.event(5, .comment, "Hi Pedro, the service is operational again. Let us know if anything else comes up."),
        ], resolution: "Restarted the queue service.", language: "en-US")
        #expect(steps(ticket, .english) == ["Check the queue service: stopped since 9:40", "Restart the queue service",
                                            "Purge the duplicated messages"])
    }

    @Test(arguments: [
        ("Se revisó el certificado del balanceador", "Revisar el certificado del balanceador"),
        ("Se reinició el nodo 2", "Reiniciar el nodo 2"),
        ("Se emitió un certificado nuevo", "Emitir un certificado nuevo"),
        ("Se restableció la contraseña", "Restablecer la contraseña"),
        ("Se limpiaron los logs antiguos", "Limpiar los logs antiguos"),
        ("Instalamos el parche de seguridad", "Instalar el parche de seguridad"),
        ("Corregimos la configuración del proxy", "Corregir la configuración del proxy"),
        ("Generación del CSR y solicitud de reemisión", "Generar el CSR y solicitar reemisión"),
        ("Limpieza de logs antiguos", "Limpiar logs antiguos"),
        ("Verificar la cadena de certificados", "Verificar la cadena de certificados"),
    ])
    func spanishActionsBecomeInfinitives(logged: String, step: String) {
        #expect(ImperativeMood.step(logged, language: .spanish) == step)
    }

    @Test(arguments: ["El servicio ya está operativo", "Caso cerrado", "Alerta de monitoreo resuelta"])
    func spanishOutcomesAreNoSteps(sentence: String) {
        #expect(ImperativeMood.step(sentence, language: .spanish) == nil)
    }

    @Test(arguments: [
        ("Updated the certificate", "Update the certificate"), ("Applied the patch", "Apply the patch"),
        ("Stopped the old node", "Stop the old node"), ("We purged the CDN cache", "Purge the CDN cache"),
        ("Rebuilt the search index", "Rebuild the search index"), ("Added the route", "Add the route"),
    ])
    func englishActionsBecomeImperatives(logged: String, step: String) {
        #expect(ImperativeMood.step(logged, language: .english) == step)
    }
}

import Testing
@testable import KBCore

@Suite struct FAQMinerTests {
    static let redactor = Redactor(language: .spanish, customerNames: ["Acme Andina", "Banco Austral"],
                                   agentNames: ["Rocío Fuentes"])

    static func miner(limit: Int = 10, minimum: Int = 2, services: [String] = [], tags: [String] = []) -> FAQMiner {
        FAQMiner(options: TrainingOptions(language: .spanish, services: services, tags: tags, generatedOn: "2026-11-01",
                                          faqLimit: limit, faqMinimumCount: minimum),
                 redactor: redactor, analyzerLanguage: .spanish)
    }

    static func request(_ id: String, _ title: String, _ resolution: String, tags: [String] = [],
                        service: String? = "correo", at time: Int64 = 0) -> FAQMiner.Request {
        FAQMiner.Request(id: id, title: title, resolution: resolution, tags: tags, service: service, finishedAt: time)
    }

    @Test func groupsByFirstTagAndRanksByFrequency() {
        var miner = Self.miner()
        miner.add(Self.request("T-1", "Cambio de contraseña", "Enlace enviado.", tags: ["password", "correo"], at: 1))
        miner.add(Self.request("T-2", "Cambio de contraseña", "Enlace enviado.", tags: ["Password"], at: 2))
        miner.add(Self.request("T-3", "Olvidé mi clave", "Enlace enviado al usuario.", tags: ["password"], at: 3))
        miner.add(Self.request("T-4", "Documentación API", "Manual compartido.", tags: ["docs"], at: 4))
        miner.add(Self.request("T-5", "Manual de la API", "Manual compartido.", tags: ["docs"], at: 5))
        miner.add(Self.request("T-6", "Alta de usuario", "Usuario creado.", tags: ["alta"], at: 6))
        let entries = miner.entries()
        #expect(entries.map(\.count) == [3, 2])
        #expect(entries[0].question == "Cambio de contraseña")
        #expect(entries[0].answer == "Enlace enviado.")
        // On a tie between titles, the most recent one speaks for the group.
        #expect(entries[1].question == "Manual de la API")
    }

    @Test func groupsUntaggedRequestsByTitleTermsAfterRedaction() {
        var miner = Self.miner()
        miner.add(Self.request("T-1", "Cambio de contraseña para Acme Andina", "Listo, Rocío Fuentes lo hizo."))
        miner.add(Self.request("T-2", "cambio contraseñas para Banco Austral", "Listo, Rocío Fuentes lo hizo."))
        miner.add(Self.request("T-3", "Alta de usuario", "Usuario creado."))
        let entries = miner.entries()
        #expect(entries.count == 1)
        #expect(entries[0].count == 2)
        #expect(entries[0].question.contains("[cliente]"))
        #expect(!entries[0].question.contains("Acme") && !entries[0].question.contains("Banco"))
        #expect(entries[0].answer == "Listo, [agente] lo hizo.")
    }

    @Test func respectsLimitMinimumFiltersAndEmptyResolutions() {
        var miner = Self.miner(limit: 1, minimum: 1, services: ["Correo"], tags: ["password"])
        miner.add(Self.request("T-1", "Cambio de contraseña", "Enlace.", tags: ["password"]))
        miner.add(Self.request("T-2", "Cambio de contraseña", "Enlace.", tags: ["password"], service: "portal"))
        miner.add(Self.request("T-3", "Cambio de contraseña", "Enlace.", tags: ["otra"]))
        miner.add(Self.request("T-4", "Reseteo", "   ", tags: ["password"]))
        miner.add(Self.request("T-5", "Reseteo", "Hecho.", tags: ["password"], service: nil))
        let entries = miner.entries()
        #expect(entries.map(\.count) == [1])
        #expect(Self.miner(limit: 0, minimum: 1).entries().isEmpty)
    }

    /// A ticket whose title or resolution held a secret feeds nothing, however the secret was written, while the
    /// same request without one still counts.
    @Test(arguments: [
        "Entrar con la clave temporal Temporal123! y cambiarla.",
        "Se asignó la contraseña provisoria Mnb77777.",
        "Use the password P4ssw0rd! once.",
        "PIN 4821 enviado por SMS.",
        "Token ghp_abcdefghijklmnopqrstuvwxyz0123456789 rotado.",
        "clave&#32;temporal&#58; Qw3rty!2026",
        "contrase\u{200B}ña: Zz123456",
    ])
    func ticketsThatHeldASecretFeedNothing(resolution: String) {
        var miner = Self.miner(minimum: 1)
        miner.add(Self.request("T-1", "Acceso al portal", resolution, tags: ["acceso"], at: 2))
        miner.add(Self.request("T-2", "Acceso al portal", "Enlace de restablecimiento enviado.", tags: ["acceso"], at: 1))
        let entries = miner.entries()
        #expect(entries.count == 1)
        #expect(entries.first?.count == 1)
        #expect(entries.first?.answer == "Enlace de restablecimiento enviado.")
        var secretOnly = Self.miner(minimum: 1)
        secretOnly.add(Self.request("T-3", "Clave \(resolution)", "Hecho.", tags: ["acceso"]))
        #expect(secretOnly.entries().isEmpty)
    }

    /// A secret in the description or in any event keeps the ticket out too, though neither is ever shown.
    @Test func aSecretElsewhereInTheTicketKeepsItOut() {
        var miner = Self.miner(minimum: 1)
        var held = FAQMiner.Request(id: "T-1", title: "Acceso al portal", resolution: "Se envió un enlace.", tags: ["acceso"],
                                    finishedAt: 2, otherText: "Descripción.\nNota interna: la clave temporal quedó Verano2026")
        miner.add(held)
        #expect(miner.entries().isEmpty)
        held.otherText = "Descripción.\nNota interna: se envió el enlace."
        miner.add(held)
        #expect(miner.entries().first?.answer == "Se envió un enlace.")
    }

    @Test func answersKeepNoPersonalDataOrHTML() {
        var miner = Self.miner(minimum: 1)
        miner.add(Self.request("T-1", "Acceso", """
            <!-- nota -->Se envió a rocio.fuentes@acme.cl, tel +56 9 8765 4321, desde 192.168.40.17 <b>ok</b>.
            """))
        let answer = miner.entries().first?.answer
        #expect(answer == "Se envió a [correo], tel [teléfono], desde [IP] ok.")
    }
}

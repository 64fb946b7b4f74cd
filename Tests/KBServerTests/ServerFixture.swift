import Foundation
import KBCommands
import KBCore
import KBServer
import KBTestSupport

/// The fixed instant both the CLI (`KB_NOW`) and the server's clock use in tests.
let fixedNow = "2026-11-01T12:00:00Z"

/// Runs kb in-process in `directory` with the fixed clock; returns exit code, stdout and stderr.
func runKB(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) -> (code: Int32, stdout: String, stderr: String) {
    let out = KBCommands.OutputStream()
    let err = KBCommands.OutputStream()
    var env = ["KB_NOW": fixedNow]
    env.merge(environment) { $1 }
    let code = KB.run(arguments: arguments, stdout: out, stderr: err, environment: env, currentDirectory: directory,
                      standardInput: { Data() })
    return (code, out.captured, err.captured)
}

/// Lines the server logged, collected from its worker threads.
final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    func append(_ line: String) {
        lock.lock()
        lines.append(line)
        lock.unlock()
    }

    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return lines
    }
}

/// A workspace with three tickets and one article, and a server on a free loopback port.
final class ServerFixture {
    let directory: TemporaryDirectory
    let server: WorkspaceServer
    let log = LogLines()
    var client: RawHTTPClient { RawHTTPClient(port: server.port) }
    private var stopped = false

    static let article = """
        ---
        id: KB-0007
        title: No carga la pantalla de login del portal
        state: validated
        audience: customer
        services: [portal]
        tags: [login, certificado]
        tickets: [T-1]
        updated: 2026-03-10
        language: es
        ---
        ## Problema
        La pantalla de login queda en blanco.

        ## Entorno
        Portal web.

        ## Solución
        Renovar el certificado del balanceador.

        ## Causa
        Certificado vencido.
        """

    init(configure: (inout ServerConfiguration) -> Void = { _ in }, routes: (inout Router) -> Void = { _ in }) throws {
        directory = try TemporaryDirectory(prefix: "kb-server")
        try directory.makeWorkspace()
        let tickets = [
            TicketFixtures.line(id: "T-1"),
            TicketFixtures.line(id: "T-2", title: "Correo rebota con error 550", severity: 2, status: "in_progress"),
            TicketFixtures.line(id: "T 3/ä", title: "Ticket con espacio y barra", severity: 4),
        ]
        try directory.write("tickets.jsonl", tickets.joined(separator: "\n") + "\n")
        try directory.write("kb/articles/portal/login.md", Self.article)
        let imported = runKB(["import", "tickets.jsonl"], in: directory.url)
        guard imported.code == 0 else { throw FixtureError.setup(imported.stderr) }
        let indexed = runKB(["index"], in: directory.url)
        guard indexed.code == 0 else { throw FixtureError.setup(indexed.stderr) }
        var configuration = ServerConfiguration()
        configuration.port = 0
        configuration.threads = 2
        configure(&configuration)
        var router = KBRoutes.router()
        routes(&router)
        let log = self.log
        let now = Timestamp(iso8601: fixedNow)!
        server = try WorkspaceServer(workspace: Workspace(root: directory.url), configuration: configuration, router: router,
                                     clock: { now }, log: { log.append($0) })
        try server.start()
    }

    enum FixtureError: Error {
        case setup(String)
    }

    func stop() throws {
        guard !stopped else { return }
        stopped = true
        try server.shutdown()
    }

    deinit {
        try? stop()
    }
}

import Foundation
import KBCore
import KBServer

/// `kb serve`: the knowledge base over HTTP until SIGINT or SIGTERM.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "serve",
        abstract: "Serve the knowledge base over HTTP: web pages, the JSON API, the Zendesk webhook, /healthz and /metrics.",
        discussion: """
            Web pages for agents at / (Spanish; English with ?lang=en or the browser's language): search, new
            ticket (nuevo ticket), tickets, articles, the SLA board, reviews and the training guide. The Zendesk
            webhook (POST /api/webhooks/zendesk) takes a write token or, with --zendesk-secret-file, Zendesk's
            signature. Listens on 127.0.0.1 unless --host says otherwise; any other address needs bearer tokens (--tokens
            FILE or the KB_TOKENS variable): one 'ROLE TOKEN [NAME]' per line, ROLE read (agents: search,
            tickets, articles, metrics) or write (imports, the helpdesk webhook; may also read), or a JSON array
            of {"role", "token", "name"}. Tokens are 16 characters or more. Requests are logged to standard
            error in the Combined Log Format. SIGINT or SIGTERM stops the server gracefully: no new
            connections, requests in flight finish, the database is closed. The API is described in
            docs/openapi.yaml.
            """,
        examples: ["kb serve --port 8080", "kb serve --host 0.0.0.0 --tokens /etc/kb/tokens"])

    @Option(valueName: "ADDRESS", help: "Listen on this IP address (any other than loopback needs tokens).")
    var host = ServerConfiguration().host
    @Option(help: "TCP port (0 picks a free one).", range: 0...65_535) var port = Int(ServerConfiguration().port)
    @Option(help: "Worker threads: requests handled at once, each with its own read connection (the others wait their turn, first come, first served); the default is the number of CPUs, at least 2.", range: 1...256)
    var threads = ServerConfiguration().threads
    @Option(name: "--queue-wait", valueName: "SECONDS", help: "A request that waited longer for a worker is answered 503 with Retry-After.", range: 1...3_600)
    var queueWait = Int(ServerConfiguration().queueWaitSeconds)
    @Option(name: "--mmap-mb", valueName: "MB", help: "Map up to this much of the database into each read connection (0: none).",
            range: 0...1_048_576)
    var mmapMB = ServerConfiguration().readerMemoryMapMiB
    @Option(valueName: "FILE", help: "Bearer tokens file (also KB_TOKENS); required on a non-loopback address.")
    var tokens: String?
    @Option(valueName: "FILE", help: "The Zendesk webhook's signing secret (also KB_ZENDESK_SECRET): signed webhooks need no token.")
    var zendeskSecretFile: String?
    @Option(valueName: "FILE", help: "Zendesk mapping (JSON, as kb import --mapping reads it) for webhook bodies.")
    var zendeskMapping: String?

    func run(_ context: CommandContext) throws -> Int32 {
        let stderr = context.stderr
        let lock = NSLock()
        let log: @Sendable (String) -> Void = { line in
            lock.lock()
            stderr.line(line)
            stderr.flush()
            lock.unlock()
        }
        let configuration = try configuration(context, log: log)
        let workspace = try context.workspace()
        let fixedNow = context.environment["KB_NOW"].flatMap { Timestamp(iso8601: $0) }
        let server = try WorkspaceServer(workspace: workspace, configuration: configuration,
                                         clock: { fixedNow ?? Timestamp(date: Date()) }, log: log)

        // Signals arrive on a dispatch queue, never in a C handler: safe for Swift code and its locks.
        let stop = DispatchSemaphore(value: 0)
        let queue = DispatchQueue(label: "kb.serve.signals")
        let sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { stop.signal() }
            source.resume()
            return source
        }
        defer {
            for source in sources { source.cancel() }
            signal(SIGINT, SIG_DFL)
            signal(SIGTERM, SIG_DFL)
        }
        try server.start()
        for note in server.environment.pageTemplates.startupNotes { log(note) }
        let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        let access = configuration.tokens.isEmpty ? "no tokens: loopback only" : "\(configuration.tokens.tokens.count) tokens"
        log("kb serve: listening on http://\(host):\(server.port)/ (\(configuration.threads) worker threads, \(access), workspace \(workspace.root.path)); Ctrl-C stops")
        stop.wait()
        log("kb serve: stopping; \(server.server.requestsInFlight) requests in flight")
        try server.shutdown()
        log("kb serve: stopped")
        return KB.success
    }
}

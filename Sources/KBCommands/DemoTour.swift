import Foundation
import KBCore

/// The steps `kb demo` shows on the demo workspace, measured at the demo data's own now: most run a kb command
/// in-process and print the first lines of its output.
struct DemoTour {
    let context: CommandContext
    let workspace: Workspace
    let now: Timestamp
    /// Where the tour's documents go (`.kb/demo/`).
    let documents: URL
    /// The workspace's knowledge base at `now`, for the steps that use KBCore directly.
    let knowledgeBase: KnowledgeBase

    init(context: CommandContext, workspace: Workspace, now: Timestamp) throws {
        self.context = context
        self.workspace = workspace
        self.now = now
        documents = workspace.stateDirectory.appendingPathComponent("demo", isDirectory: true)
        knowledgeBase = KnowledgeBase(workspace: workspace, clock: { now })
        try FileManager.default.createDirectory(at: documents, withIntermediateDirectories: true)
    }

    /// Runs `kb ARGUMENTS` in the workspace under a section `title` and prints its first `lines` lines after `skip`.
    func show(_ title: String, _ arguments: [String], lines: Int, skip: Int = 0) {
        section(title)
        let (out, err) = (OutputStream(), OutputStream())
        var environment = context.environment
        environment["KB_ROOT"] = nil
        environment["KB_NOW"] = now.utcString
        let code = KB.run(arguments: arguments, stdout: out, stderr: err, environment: environment,
                          currentDirectory: workspace.root, standardInput: { Data() })
        context.stdout.line("kb " + arguments.map { $0.contains(" ") ? "\"\($0)\"" : $0 }.joined(separator: " "))
        var text = out.captured.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(skip)
        if text.last?.isEmpty == true { text.removeLast() }
        for line in text.prefix(lines) { context.stdout.line("  " + line) }
        if text.count > lines { context.stdout.line("  …") }
        if code != KB.success { context.stdout.line("  (exit \(code)) " + err.captured.prefix(300)) }
    }

    /// The open tickets needing attention and the compliance by severity over the last 90 days.
    func showSLA() throws {
        section("SLA")
        let sla = try knowledgeBase.sla(SLARequest(now: now, since: Timestamp(seconds: now.seconds - 90 * 86_400)))
        let breached = sla.attention.filter(\.isBreached).count
        context.stdout.line("kb sla --now \(now.utcString) → \(breached) open tickets breached, \(sla.attention.count - breached) at risk")
        for item in sla.attention.prefix(3) {
            context.stdout.line("  \(item.ticket.id)  sev \(item.ticket.severity)  \(item.clock.kind.rawValue) "
                + "\(item.isBreached ? "breached" : "at risk")  \(item.ticket.title)")
        }
        for row in sla.bySeverity {
            context.stdout.line("  compliance severity \(row.group) (last 90 days): \(JSONWriter.format(row.rate * 100, decimals: 1))% of \(row.tickets)")
        }
    }

    /// Drafts an article from the latest closed severity-1 ticket into a scratch workspace (the real one keeps its
    /// articles) and lints it.
    func showDraftAndLint() throws {
        section("Article draft")
        let scratch = documents.appendingPathComponent("borrador", isDirectory: true)
        try? FileManager.default.removeItem(at: scratch)
        try FileManager.default.createDirectory(at: scratch.appendingPathComponent("kb/articles"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: workspace.policyFile, to: scratch.appendingPathComponent("kb/policy.json"))
        let store = try knowledgeBase.store()
        guard let ticketID = try store.latestTicketID(TicketFilter(statuses: [.closed], severities: [1])) else {
            context.stdout.line("no closed severity-1 ticket to draft from")
            return
        }
        let draft = try Workspace(root: scratch).draftArticle(ticketID: ticketID, store: store, now: now)
        context.stdout.line("kb article draft \(ticketID) → \(draft.path) (\(draft.id), state wip; in \(scratch.path))")
        let diagnostics = ArticleLinter().lint(file: ArticleFile(path: draft.path, text: draft.text)) { id in
            (try? store.hasTicket(id: id)) ?? false
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        context.stdout.line("kb article lint → \(errors) errors, \(diagnostics.count - errors) warnings (a wip draft keeps its "
            + "placeholders to fill)")
        for diagnostic in diagnostics.prefix(4) { context.stdout.line("  " + diagnostic.description) }
    }

    private func section(_ title: String) {
        context.stdout.line()
        context.stdout.line("== \(title)")
    }
}

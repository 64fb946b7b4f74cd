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

    /// `.kb/demo/NAME`, relative to the workspace root (where the tour runs its commands).
    func documentPath(_ name: String) -> String {
        ".kb/demo/" + name
    }

    /// Runs `kb ARGUMENTS` in the workspace at the tour's now.
    func run(_ arguments: [String]) -> (code: Int32, out: String, err: String) {
        let (out, err) = (OutputStream(), OutputStream())
        var environment = context.environment
        environment["KB_ROOT"] = nil
        environment["KB_NOW"] = now.utcString
        let code = KB.run(arguments: arguments, stdout: out, stderr: err, environment: environment,
                          currentDirectory: workspace.root, standardInput: { Data() })
        return (code, out.captured, err.captured)
    }

    /// Runs `kb ARGUMENTS` under a section `title` and prints its first `lines` lines after `skip`.
    func show(_ title: String, _ arguments: [String], lines: Int, skip: Int = 0) {
        section(title)
        let result = run(arguments)
        printCommand(arguments)
        printHead(result.out, lines: lines, skip: skip)
        if result.code != KB.success { context.stdout.line("  (exit \(result.code)) " + result.err.prefix(300)) }
    }

    /// What the workspace was given: the demo tickets, articles and policy, written only where missing.
    func showDemoData(_ report: DemoInstallReport) throws {
        section("Demo data (written only where the workspace lacks it)")
        let generate = "kb generate --tickets \(DemoData.ticketCount) --seed \(DemoData.seed)"
        context.stdout.line("  \(DemoData.ticketsPath)  " + (report.ticketsGenerated
            ? "generated: \(DemoData.ticketCount) tickets, the output of '\(generate)'"
            : "present (the shipped file is the output of '\(generate)')"))
        let written = report.articlesWritten.count
        context.stdout.line("  kb/articles/  " + (written == 0
            ? "the \(report.articleCount) demo articles are present"
            : "wrote \(written) of the \(report.articleCount) demo articles (copies compiled into kb)"))
        switch report.policy {
        case .written:
            context.stdout.line("  kb/policy.json  wrote the defaults plus the plans and time zones of the \(DemoData.customers.count) "
                + "demo customers")
        case .hasDemoCustomers:
            context.stdout.line("  kb/policy.json  present, with the demo customers' plans and time zones")
        case .lacksDemoCustomers(let names):
            let listed = names.prefix(3).joined(separator: ", ") + (names.count > 3 ? ", …" : "")
            context.stdout.line("  kb/policy.json  your own, left alone: it lacks the plans and time zones of \(names.count) demo "
                + "customers (\(listed)) or gives them others")
            context.stderr.line("warning: kb/policy.json lacks the demo customers' plans and time zones: the SLA figures differ "
                + "from a demo workspace's (run the demo in one of its own: kb init demo && cd demo && kb demo)")
        }
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

    /// The latest closed severity-1 ticket: the one the review, draft, link and render steps use.
    func latestIncident() throws -> String {
        guard let id = try knowledgeBase.store().latestTicketID(TicketFilter(statuses: [.closed], severities: [1])) else {
            throw ReviewError.ticketNotFound(id: "(a closed severity-1 ticket)")
        }
        return id
    }

    /// Writes the review of `ticket` to `.kb/demo/` and prints its head.
    func showReview(of ticket: String) throws {
        let path = documentPath("revision-\(ticket).md")
        show("Post-incident review", ["review", ticket, "--force", "--out", path], lines: 1)
        let document = try String(contentsOf: workspace.root.appendingPathComponent(path), encoding: .utf8)
        printHead(document, lines: 12)
    }

    /// Drafts an article from `ticket` into a scratch workspace (the real one keeps its articles) and lints it.
    func showDraftAndLint(_ ticket: String) throws {
        section("Article draft")
        let scratch = documents.appendingPathComponent("borrador", isDirectory: true)
        try? FileManager.default.removeItem(at: scratch)
        try FileManager.default.createDirectory(at: scratch.appendingPathComponent("kb/articles"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: workspace.policyFile, to: scratch.appendingPathComponent("kb/policy.json"))
        let store = try knowledgeBase.store()
        let draft = try Workspace(root: scratch).draftArticle(ticketID: ticket, store: store, now: now)
        context.stdout.line("kb article draft \(ticket) → \(draft.path) (\(draft.id), state wip; in \(documentPath("borrador")))")
        let diagnostics = ArticleLinter().lint(file: ArticleFile(path: draft.path, text: draft.text)) { id in
            (try? store.hasTicket(id: id)) ?? false
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        context.stdout.line("kb article lint → \(errors) errors, \(diagnostics.count - errors) warnings (a wip draft keeps its "
            + "placeholders to fill)")
        for diagnostic in diagnostics.prefix(4) { context.stdout.line("  " + diagnostic.description) }
    }

    /// Links `ticket` to the article its title finds first, then shows the knowledge gaps with the link counted.
    func showLinkAndGaps(_ ticket: String) throws {
        guard let title = try knowledgeBase.store().ticket(id: ticket)?.title else { return }
        var filters = SearchFilters()
        filters.type = .article
        filters.limit = 1
        guard let article = try knowledgeBase.search(SearchRequest(query: title, filters: filters)).results.first?.id else { return }
        show("Article link (reuse)", ["article", "link", ticket, article], lines: 1)
        show("Knowledge gaps", ["gaps", "--limit", "3"], lines: 9)
    }

    /// Prints the review's template data to `.kb/demo/`, renders the review template with it and says whether the
    /// result is the review itself (as `kb review` writes it now: the link step may have added an article).
    func showRender(of ticket: String) throws {
        section("Templates: render a review from its data")
        let dataPath = documentPath("revision-\(ticket).json")
        let data = run(["review", ticket, "--force", "--template-data"])
        try Data(data.out.utf8).write(to: workspace.root.appendingPathComponent(dataPath))
        printCommand(["review", ticket, "--force", "--template-data"], redirect: dataPath)
        let language = try knowledgeBase.policy().language
        var template = try knowledgeBase.templates(language).path(named: "review.md")
        if template == nil {
            // The built-in template: written out so it can be edited and previewed.
            let copy = documentPath("review.md.mustache")
            try Data((try knowledgeBase.templates(language).source(named: "review.md") ?? "").utf8)
                .write(to: workspace.root.appendingPathComponent(copy))
            template = copy
        }
        let shown = relative(template ?? "")
        let rendered = run(["render", shown, "--data", dataPath])
        let review = run(["review", ticket, "--force", "--out", "-"]).out
        printCommand(["render", shown, "--data", dataPath])
        context.stdout.line(rendered.code != KB.success ? "  (exit \(rendered.code)) " + rendered.err.prefix(300)
            : rendered.out == review ? "  the same \(review.utf8.count) bytes as 'kb review \(ticket)': edit the template and "
                + "render it again to preview it"
            : "  differs from 'kb review \(ticket)'")
    }

    /// The HTTP server is not started (it runs until stopped): how to.
    func showServer(_ ticket: String) {
        section("Server")
        context.stdout.line("kb serve --port 8080   (not started by the demo: it runs until Ctrl-C)")
        context.stdout.line("  then: curl http://127.0.0.1:8080/api/tickets/\(ticket)   (the JSON of kb show \(ticket) --json)")
    }

    private func section(_ title: String) {
        context.stdout.line()
        context.stdout.line("== \(title)")
    }

    private func printCommand(_ arguments: [String], redirect: String? = nil) {
        context.stdout.line("kb " + arguments.map { $0.contains(" ") ? "\"\($0)\"" : $0 }.joined(separator: " ")
            + (redirect.map { " > " + $0 } ?? ""))
    }

    private func printHead(_ output: String, lines: Int, skip: Int = 0) {
        var text = output.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(skip)
        if text.last?.isEmpty == true { text.removeLast() }
        for line in text.prefix(lines) { context.stdout.line("  " + line) }
        if text.count > lines { context.stdout.line("  …") }
    }

    /// `path` relative to the workspace root when inside it.
    private func relative(_ path: String) -> String {
        let root = workspace.root.path.hasSuffix("/") ? workspace.root.path : workspace.root.path + "/"
        return path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
    }
}

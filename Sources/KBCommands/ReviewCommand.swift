import Foundation
import KBCore

/// `kb review ID` and `kb review --since DATE`: post-incident reviews.
struct ReviewCommand: Subcommand {
    static let spec = CommandSpec(
        name: "review",
        abstract: "Write the post-incident review of a closed severity 1-2 ticket, or of every one in a period.",
        discussion: """
            A review holds the incident's timeline (UTC and the customer's local time), SLA metrics against the
            plan's targets (business time for 12x5 plans) with the events each came from, detection, escalation
            and the manual's escalation rules, root cause, workaround or fix, related past incidents and their
            recurrence, lessons to fill in, pre-filled actions and an evidence appendix. Timeline problems (events
            out of order, times in the future, missing milestones) are listed as warnings, never computed around.
            Documents are Spanish by default. With --since, every closed severity 1-2 ticket created in the
            period is reviewed into --out DIR with a period summary and an index.
            """,
        arguments: [ArgumentSpec("id", help: "The ticket to review (T-1042).", optional: true)],
        options: [
            .value("--format", valueName: "FORMAT", help: "Document format (default md).", choices: ReviewFormat.allCases.map(\.rawValue)),
            .flag("--json", help: "Print the review as JSON (same as --format json)."),
            .value("--lang", valueName: "LANG", help: "Document language (default: the policy's, es).", choices: Language.allCases.map(\.rawValue)),
            .value("--audience", valueName: "AUDIENCE",
                   help: "internal (default) or customer: public events only, no agent names or other customers, personal data redacted.",
                   choices: ReviewAudience.allCases.map(\.rawValue)),
            .value("--out", valueName: "PATH",
                   help: "Write the review to PATH ('-': standard output); with --since, the folder for the reviews, summary and index."),
            .value("--since", valueName: "DATE", help: "Review every closed severity 1-2 ticket created on or after DATE (YYYY-MM-DD, UTC)."),
            .value("--until", valueName: "DATE", help: "With --since: only tickets created before DATE (default: now)."),
            .flag("--force", help: "Review a ticket that is not closed or not severity 1-2; overwrite existing files."),
            .flag("--proposals", help: "Include automation proposals even on a store of 100,000 tickets or more (slower)."),
        ],
        examples: [
            "kb review T-1042", "kb review T-1042 --format html --out T-1042.html",
            "kb review T-1042 --audience customer --lang en", "kb review T-1042 --json",
            "kb review --since 2026-03-01 --until 2026-04-01 --out reviews/2026-03 --format html",
        ])

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        var format = arguments.value("--format").flatMap(ReviewFormat.init(rawValue:)) ?? .md
        if arguments.flag("--json") {
            if arguments.value("--format") != nil, format != .json { throw UsageError("--json conflicts with --format \(format.rawValue)") }
            format = .json
        }
        let audience = arguments.value("--audience").flatMap(ReviewAudience.init(rawValue:)) ?? .internal
        let force = arguments.flag("--force")
        let out = arguments.value("--out")
        if out == "" { throw UsageError("--out needs a path, not an empty string") }
        if arguments.value("--since") != nil {
            guard arguments.positionals.isEmpty else { throw UsageError("give either a ticket ID or --since DATE, not both") }
            guard format != .json else { throw UsageError("--since writes md or html files; --format json reviews one ticket") }
            guard audience == .internal else { throw UsageError("--audience customer reviews one ticket; a period's reviews are internal") }
            guard let out else { throw UsageError("--since needs --out DIR, the folder to write the reviews to") }
            guard out != "-" else { throw UsageError("--since writes several files; give --out a folder, not '-'") }
        } else {
            if arguments.value("--until") != nil { throw UsageError("--until needs --since") }
            guard arguments.positionals.count == 1 else { throw UsageError("missing expected argument '<id>' (or --since DATE)") }
        }
        // Refuse a bad destination before any work is done.
        if let out, out != "-" {
            try checkDestination(context.url(out), displayPath: out, isFolder: arguments.value("--since") != nil, force: force)
        }

        let workspace = try context.workspace(arguments)
        let policy = try workspace.loadPolicy()
        let language = arguments.value("--lang").flatMap(Language.init(rawValue:)) ?? policy.language
        let store = try workspace.openStore(create: false)
        defer { try? store.close() }
        let reviewer = try IncidentReviewer(store: store, policy: policy, builder: try workspace.queryBuilder(for: store))
        let renderer = ReviewRenderer(templates: try workspace.templates(language: language))

        if let sinceText = arguments.value("--since") {
            return try runBatch(since: sinceText, reviewer: reviewer, renderer: renderer, format: format,
                                language: language, force: force, arguments, context)
        }
        let id = arguments.positionals[0]
        // Automation proposals whose evidence holds this incident, mined over the 90 days before it closed.
        // Mining reads every closed incident of the window: on a large store it is left to --proposals.
        var proposals: [ReviewProposal] = []
        let mine = try arguments.flag("--proposals") || store.indexedTicketCount() < ReviewCommand.miningLimit
        if !mine {
            context.stderr.line("note: automation proposals skipped on a store of \(ReviewCommand.miningLimit) tickets or more; pass --proposals to include them (takes seconds) or run 'kb automations'")
        }
        if mine, let ticket = try store.ticket(id: id) {
            proposals = try ReviewProposal.mined(store: store, policy: policy, ticketID: ticket.id,
                                                 end: ticket.closedAt ?? ticket.resolvedAt ?? context.now,
                                                 window: 90 * 86_400, now: context.now, language: language)
        }
        var review = try reviewer.review(id: id, now: context.now, language: language, force: force, proposals: proposals)
        if audience == .customer {
            review = review.forCustomer(redactor: try reviewer.customerRedactor(for: review.ticket, language: language))
        }
        let text = try renderer.render(review, format: format)
        for warning in review.warnings where format != .json {
            context.stderr.line("warning: \(review.ticket.id): \(warning.message)")
        }
        guard let out, out != "-" else {
            context.stdout.write(text)
            return KB.success
        }
        try write(text, to: context.url(out), displayPath: out)
        context.stdout.line("wrote \(out)")
        return KB.success
    }

    /// Stores with at least this many tickets mine automation proposals for a single review only on request.
    static let miningLimit = 100_000

    private static func runBatch(since sinceText: String, reviewer: IncidentReviewer, renderer: ReviewRenderer,
                                 format: ReviewFormat, language: Language, force: Bool,
                                 _ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        let since = try SearchCommand.day(sinceText, option: "--since")
        let until = try arguments.value("--until").map { try SearchCommand.day($0, option: "--until") } ?? context.now
        guard until.seconds > since.seconds else {
            throw ReviewError.emptyPeriod(since: since.iso8601, until: until.iso8601)
        }
        let now = context.now
        let tickets = try reviewer.closedIncidents(since: since, until: until)
        // One mining pass over the period serves every review in it.
        let options = AutomationOptions(now: now, since: since, until: until, language: language,
                                        analyzerLanguage: reviewer.store.tokenizer.language)
        let mined = try AutomationMiner(policy: reviewer.policy, options: options).report(store: reviewer.store)
        var reviews: [Review] = []
        for (index, ticket) in tickets.enumerated() {
            context.progress("reviewing \(index + 1)/\(tickets.count) \(ticket.id)")
            let proposals = mined.proposals(involving: ticket.id).compactMap(ReviewProposal.init)
            reviews.append(try reviewer.review(of: ticket, now: now, language: language, proposals: proposals))
        }
        context.endProgress()
        let batch = ReviewBatch(reviews: reviews, since: since, until: until, language: language, generatedAt: now, format: format)
        let documents = try batch.documents(renderer: renderer)
        let out = arguments.value("--out")!
        let folder = context.url(out)
        // Every file name is known now: none may make a path too long once the folder is created.
        for document in documents {
            try checkLength(folder.appendingPathComponent(document.fileName),
                            displayPath: (out as NSString).appendingPathComponent(document.fileName))
        }
        let existing = documents.map { folder.appendingPathComponent($0.fileName) }
            .filter { FileManager.default.fileExists(atPath: $0.path) }
        if !force, !existing.isEmpty {
            throw ReviewError.wouldOverwrite(paths: existing.map { (out as NSString).appendingPathComponent($0.lastPathComponent) })
        }
        for document in documents {
            try write(document.text, to: folder.appendingPathComponent(document.fileName),
                      displayPath: (out as NSString).appendingPathComponent(document.fileName))
        }
        let warnings = reviews.reduce(0) { $0 + $1.warnings.count }
        context.stdout.line("wrote \(reviews.count) review\(reviews.count == 1 ? "" : "s"), \(batch.summaryFileName) and "
            + "\(batch.indexFileName) to \(out) (\(warnings) timeline warning\(warnings == 1 ? "" : "s"))")
        return KB.success
    }

    /// The longest file or folder name Linux and macOS file systems take, in bytes.
    static let maximumNameBytes = 255
    /// The longest path the kernel takes, in bytes (`PATH_MAX` less the terminating NUL).
    static let maximumPathBytes = 4095

    /// Throws unless `url` can receive the output: no name in it over the file system's limit (checked here, since
    /// the missing folders would be created before the write failed), no file where a folder is needed, and for a
    /// single review (`isFolder` false) no folder at the path and no file unless `force`.
    private static func checkDestination(_ url: URL, displayPath: String, isFolder: Bool, force: Bool) throws {
        if let long = url.pathComponents.first(where: { $0.utf8.count > maximumNameBytes }) {
            throw ReviewError.unwritable(path: displayPath, reason: "the name '\(long.prefix(40))…' is \(long.utf8.count) "
                + "bytes, over the file system's limit of \(maximumNameBytes)")
        }
        try checkLength(url, displayPath: displayPath)
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            switch (isFolder, isDirectory.boolValue) {
            case (false, true): throw ReviewError.outputIsFolder(path: displayPath)
            case (false, false) where !force: throw ReviewError.wouldOverwrite(paths: [displayPath])
            case (true, false): throw ReviewError.unwritable(path: displayPath, reason: "it is a file, not a folder")
            default: return
            }
        }
        if !isFolder, displayPath.hasSuffix("/") { throw ReviewError.outputIsFolder(path: displayPath) }
        // Missing folders are created when writing; the nearest one that exists must be a folder to hold them.
        var ancestor = url.deletingLastPathComponent()
        while !fileManager.fileExists(atPath: ancestor.path, isDirectory: &isDirectory) {
            let parent = ancestor.deletingLastPathComponent()
            if parent.path == ancestor.path { return }
            ancestor = parent
        }
        if !isDirectory.boolValue {
            throw ReviewError.unwritable(path: displayPath, reason: "\(ancestor.lastPathComponent) is a file, not a folder")
        }
    }

    /// Throws when the kernel would refuse `url` as too long.
    private static func checkLength(_ url: URL, displayPath: String) throws {
        if url.path.utf8.count > maximumPathBytes {
            throw ReviewError.unwritable(path: displayPath, reason: "the path is \(url.path.utf8.count) bytes, over the "
                + "limit of \(maximumPathBytes)")
        }
    }

    /// Writes `text` to `url` (creating missing folders) in one step: a reader sees the old file or the new one,
    /// and a symbolic link at `url` is replaced, never written through.
    private static func write(_ text: String, to url: URL, displayPath: String) throws {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw ReviewError.unwritable(path: displayPath, reason: describe(error))
        }
    }

    /// The system's reason for a failed write (`permission denied`), lower-case.
    private static func describe(_ error: Error) -> String {
        if let cocoa = error as? CocoaError, let underlying = cocoa.userInfo[NSUnderlyingErrorKey] as? NSError {
            return String(cString: strerror(Int32(underlying.code))).lowercased()
        }
        return error.localizedDescription.lowercased()
    }
}

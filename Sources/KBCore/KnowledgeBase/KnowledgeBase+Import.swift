extension KnowledgeBase {
    /// Opens every input and tells its format (unless `format` gives it), all before anything is read or written;
    /// every input that cannot be opened or told apart is reported at once (see `TicketImporter.open`).
    public func openImportInputs(_ inputs: [(name: String, open: () throws -> ByteInput)],
                                 format: ImportFormat?) throws -> [ImportFile] {
        try TicketImporter.open(inputs, format: format)
    }

    /// Imports the request's inputs in one transaction, or with `dryRun` reads and checks them and writes nothing.
    ///
    /// Before the import, the ticket index is made to list the synonyms' phrases of several words
    /// (`indexSynonymPhrases`, its own transaction): the imported tickets' postings then include theirs. A synonyms file
    /// that does not parse leaves the listed phrases as they are (searches and `kb index` report it): it is no reason
    /// to refuse tickets.
    ///
    /// Options that do not fit the inputs' formats throw `ImportOptionError`; each rejected record goes to
    /// `onReject` as it is found (the first `rejectionsReportedPerKind` of each kind) and into the report.
    public func importTickets(_ request: ImportRequest, onReject: ((ImportRejection) -> Void)? = nil) throws -> ImportReport {
        let settings = try request.options.settings(for: Set(request.files.map(\.format)), policy: policy)
        let importer: TicketImporter
        if request.dryRun {
            importer = TicketImporter(dryRunAgainst: try existingStore())
        } else {
            let store = try store(.create)
            if let phrases = try? workspace.synonymPhrases(language: store.tokenizer.language) { _ = try store.indexPhrases(phrases) }
            importer = TicketImporter(store: store)
        }
        importer.settings = settings
        importer.rejectionsReportedPerKind = request.rejectionsReportedPerKind
        importer.onReject = onReject
        importer.progress = { [weak self] count in self?.showProgress("read \(count) records…") }
        return try importer.importFiles(request.files, strict: request.strict)
    }
}

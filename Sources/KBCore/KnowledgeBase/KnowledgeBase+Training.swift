extension KnowledgeBase {
    /// Customer material from the validated customer articles in the request's language, with the
    /// report-an-incident chapter and an FAQ of frequent requests; personal data redacted.
    ///
    /// A service or tag that no article and no request has is an `UnknownFilterValueError`.
    public func training(_ request: TrainingRequest) throws -> TrainingResult {
        let workspaceLanguage = try policy().language
        let language = request.language ?? workspaceLanguage
        let options = TrainingOptions(language: language, workspaceLanguage: workspaceLanguage,
                                      services: request.services, tags: request.tags, generatedOn: now.day(),
                                      faqLimit: request.faqLimit)
        // Without a database, a redactor of patterns only and no FAQ.
        var redactor = Redactor(language: language)
        var faq: [TrainingPack.FAQEntry]?
        let store = try existingStore()
        if let store {
            redactor = try store.trainingRedactor(language: language)
            var miner = FAQMiner(options: options, redactor: redactor, analyzerLanguage: workspaceLanguage)
            if options.faqLimit > 0 { try store.forEachFAQRequest { miner.add($0) } }
            faq = miner.entries(limited: false)
        }
        let files = try ArticleScanner.scan(root: workspace.root)
        try checkTrainingFilters(request, files: files, store: store)
        let built = TrainingBuilder(options: options, redactor: redactor).build(files: files, faq: faq)
        let document = try built.pack.render(format: request.format, templates: try templates(language))
        return TrainingResult(document: document, pack: built.pack, warnings: built.warnings, faqLeftOut: built.faqLeftOut,
                              otherLanguageCount: built.otherLanguageCount,
                              missingDatabase: store == nil ? workspace.databasePath : nil)
    }

    /// Throws `UnknownFilterValueError` for a `--service` or `--tag` that no article (of any audience or state) and
    /// no severity-5 request has: a filter that names nothing would leave only the generic chapters, silently.
    private func checkTrainingFilters(_ request: TrainingRequest, files: [ArticleFile], store: Store?) throws {
        guard !request.services.isEmpty || !request.tags.isEmpty else { return }
        var services: [String] = []
        var tags: [String] = []
        for file in files {
            guard let article = try? Article.parse(file: file) else { continue }
            services += article.services
            tags += article.tags
        }
        try store?.forEachFAQRequest { faq in
            services += faq.service.map { [$0] } ?? []
            tags += faq.tags
        }
        _ = try FilterVocabulary(option: "--service", known: services).resolve(request.services)
        _ = try FilterVocabulary(option: "--tag", known: tags).resolve(request.tags)
    }
}

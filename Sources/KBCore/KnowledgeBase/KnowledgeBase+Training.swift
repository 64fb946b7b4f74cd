extension KnowledgeBase {
    /// Customer material from the validated customer articles in the request's language, with the
    /// report-an-incident chapter and an FAQ of frequent requests; personal data redacted.
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
            faq = miner.entries()
        }
        let files = try ArticleScanner.scan(root: workspace.root)
        let built = TrainingBuilder(options: options, redactor: redactor).build(files: files, faq: faq)
        let document = try built.pack.render(format: request.format, templates: try templates(language))
        return TrainingResult(document: document, pack: built.pack, warnings: built.warnings,
                              otherLanguageCount: built.otherLanguageCount,
                              missingDatabase: store == nil ? workspace.databasePath : nil)
    }
}

extension Store {
    /// Tickets `reindexAnalyzedText` reads at once.
    static let reindexBatch = 512

    /// Analyses every stored text again with today's analyzer and rebuilds all that holds its terms, inside the
    /// migration's transaction (migration 7, when a time of day became one term): the ticket index (its postings),
    /// each ticket's title key, and the article index.
    ///
    /// Tickets are read in rowid order a batch at a time, so memory stays within a batch and the postings writer's
    /// buffer whatever the store's size; each is analysed once, in the language it was indexed in, for its index
    /// columns, its postings and its title key. Articles are indexed again language by language from the rows they
    /// are mirrored in.
    func reindexAnalyzedText() throws {
        try connection.execute("""
            DELETE FROM ticket_postings;
            INSERT INTO articles_fts(articles_fts) VALUES ('delete-all');
            """)
        // The totals start again from nothing with the index (where migration 8 has made them kb's).
        try Self.setTicketIndexTotals((0, 0), connection)
        ticketPostingsWriter.spillToRuns(besides: path)
        let read = try connection.prepare("""
            SELECT rowid, language, packed, title_key FROM tickets WHERE rowid > ? ORDER BY rowid LIMIT \(Self.reindexBatch)
            """)
        let updateKey = try connection.prepare("UPDATE tickets SET title_key = ?2 WHERE rowid = ?1")
        var batch: [(rowid: Int64, language: Language, texts: [String], titleKey: Int64?)] = []
        var after = Int64.min
        repeat {
            // The whole batch is read before anything is written: no row is updated while a statement steps over it.
            batch.removeAll(keepingCapacity: true)
            try read.forEachRow([after]) { row in
                let language = row.optionalText(1).flatMap(Language.init(rawValue:)) ?? tokenizer.language
                let ticket = try row.withBlob(2) { try Store.decodeStored($0) }
                batch.append((row.int64(0), language, ticket.searchTexts, row.isNull(3) ? nil : row.int64(3)))
            }
            for ticket in batch {
                let terms = PreparedTerms(texts: ticket.texts, language: ticket.language, source: tokenizer.source(for: ticket.language))
                try index(at: ticket.rowid, terms: terms)
                let titleKey = TitleKey.of(terms)
                if titleKey != ticket.titleKey {
                    try documentColumn.writingRows {
                        try updateKey.execute([ticket.rowid, titleKey.map(SQLValue.integer) ?? SQLValue.null])
                    }
                }
            }
            after = batch.last?.rowid ?? after
        } while batch.count == Self.reindexBatch
        try ticketPostingsWriter.flush(connection)
        let languages = try connection.prepare("SELECT DISTINCT language FROM articles ORDER BY 1").map { $0.text(0) }
        let insertArticles = try connection.prepare("""
            INSERT INTO articles_fts(rowid, title, problem, solution, tags_text)
            SELECT rowid, title, problem, solution, tags_text FROM articles WHERE language = ? ORDER BY rowid
            """)
        for language in languages {
            // As `deleteArticle` reads it: an article of a language kb does not analyse was indexed in the workspace's.
            try tokenizer.with(language: Language(rawValue: language) ?? tokenizer.language) {
                try insertArticles.execute([language])
            }
        }
    }
}

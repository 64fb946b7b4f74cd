extension Store {
    /// The phrases the ticket index lists (`ticket_phrases`, schema 10); none on a store without the table.
    static func indexedPhrases(_ connection: Connection) throws -> IndexedPhrases {
        guard try connection.scalarInt("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'ticket_phrases'") > 0 else {
            return .none
        }
        let keys = try connection.cached("SELECT key FROM ticket_phrases ORDER BY key").map { $0.text(0) }
        return IndexedPhrases(phrases: keys.map(IndexedPhrases.terms(ofKey:)))
    }

    /// The key of the phrase of `terms` (analysed) in `ticket_postings` when the index lists it, else nil. Asked per
    /// query, inside its read, so a phrase dropped by another process meanwhile is never read as an empty list.
    func indexedPhraseKey(_ terms: [[UInt8]]) throws -> String? {
        guard terms.count >= 2 else { return nil }
        let key = IndexedPhrases.key(of: terms)
        return try connection.cached("SELECT 1 FROM ticket_phrases WHERE key = ?").first([key]) { _ in key }
    }

    /// Makes the phrases the ticket index lists those of `phrases` that are made of several words (each its spelling and
    /// its analysed terms), in one write transaction: the lists of phrases no longer asked for are dropped, and those of
    /// new ones built from the stored tickets holding every one of their words, read in ascending rowid (their texts
    /// analysed in their languages, as importing them did).
    ///
    /// A search is exact whether a phrase is listed or not; a listed one costs a list read instead of reading the texts of
    /// the tickets holding its words. Memory holds the candidate rowids (eight bytes a ticket holding a new phrase's
    /// words) and the postings writer's buffer.
    func indexPhrases(analysed phrases: [(spelling: String, terms: [[UInt8]])]) throws -> PhraseIndexing {
        var spelling: [String: String] = [:]
        for phrase in phrases where spelling[IndexedPhrases.key(of: phrase.terms)] == nil {
            spelling[IndexedPhrases.key(of: phrase.terms)] = phrase.spelling
        }
        let wantedPhrases = IndexedPhrases(phrases: phrases.map(\.terms))
        return try connection.transaction {
            defer { ticketPostingsWriter.forgetIndexedPhrases() }
            var report = PhraseIndexing()
            let stored = Set(try Self.indexedPhrases(connection).keys)
            let wantedKeys = Set(wantedPhrases.keys)
            for key in stored.subtracting(wantedKeys).sorted(by: { $0.lexicographicallyPrecedes($1) }) {
                let text = String(decoding: key, as: UTF8.self)
                try connection.cached("DELETE FROM ticket_postings WHERE term = ?").execute([text])
                try connection.cached("DELETE FROM ticket_phrases WHERE key = ?").execute([text])
                report.removed.append(String(text.dropFirst()))
            }
            let new = IndexedPhrases(phrases: zip(wantedPhrases.phrases, wantedPhrases.keys).filter { !stored.contains($0.1) }.map(\.0))
            if !new.isEmpty {
                report.ticketsRead = try buildPhraseLists(new)
                for key in new.keys {
                    let text = String(decoding: key, as: UTF8.self)
                    try connection.cached("INSERT INTO ticket_phrases(key) VALUES (?)").execute([text])
                    report.added.append(spelling[text] ?? String(text.dropFirst()))
                }
            }
            report.indexed = stored.intersection(wantedKeys).count + new.keys.count
            return report
        }
    }

    /// Adds the postings of `phrases` for every stored ticket holding one; returns how many tickets were read.
    private func buildPhraseLists(_ phrases: IndexedPhrases) throws -> Int {
        // The tickets holding every word of some phrase, ascending: the only ones that can hold it.
        var candidates = Set<Int64>()
        for terms in phrases.phrases {
            var holding: [Int64]?
            for term in Set(terms.map { String(decoding: $0, as: UTF8.self) }).sorted() {
                let rowids = try ticketPostings(of: term).map(\.rowid)
                holding = holding.map { Self.intersection($0, rowids) } ?? rowids
                if holding?.isEmpty == true { break }
            }
            candidates.formUnion(holding ?? [])
        }
        let read = try connection.cached("SELECT language, packed FROM tickets WHERE rowid = ?")
        for rowid in candidates.sorted() {
            guard let (language, texts) = try read.first([rowid], { row in
                (row.optionalText(0).flatMap(Language.init(rawValue:)) ?? tokenizer.language,
                 try row.withBlob(1) { try Store.decodeStored($0) }.searchTexts)
            }) else { continue }
            let terms = PreparedTerms(texts: texts, language: language, source: tokenizer.source(for: language))
            try ticketPostingsWriter.addPhrases(phrases, rowid: rowid, terms: terms, connection: connection)
        }
        return candidates.count
    }

    /// The rowids in both ascending lists.
    private static func intersection(_ first: [Int64], _ second: [Int64]) -> [Int64] {
        var result: [Int64] = []
        var index = 0
        for rowid in first {
            while index < second.count && second[index] < rowid { index += 1 }
            if index == second.count { break }
            if second[index] == rowid { result.append(rowid) }
        }
        return result
    }
}

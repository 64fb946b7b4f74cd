import CSQLite

extension TicketIndex {
    /// Registers `kb_rebuild_ticket_index()`, which schema migrations call to index the tickets already stored.
    func registerFunctions() throws {
        let context = Unmanaged.passUnretained(self).toOpaque()
        let code = sqlite3_create_function_v2(connection.handle, "kb_rebuild_ticket_index", 0, SQLITE_UTF8, context, { call, _, _ in
            guard let call, let data = sqlite3_user_data(call) else { return }
            let index = Unmanaged<TicketIndex>.fromOpaque(data).takeUnretainedValue()
            do {
                sqlite3_result_int64(call, Int64(try index.rebuild()))
            } catch {
                sqlite3_result_error(call, "kb_rebuild_ticket_index: \(error)", -1)
            }
        }, nil, nil, nil)
        guard code == SQLITE_OK else { throw SQLiteError(connection: connection.handle, code: code) }
    }

    /// Empties the index and indexes every stored ticket again; returns how many. Call inside a transaction.
    @discardableResult
    func rebuild() throws -> Int {
        discardPending()
        try connection.execute("""
            DELETE FROM ticket_postings; DELETE FROM ticket_terms; DELETE FROM ticket_lengths; DELETE FROM ticket_index_stats;
            """)
        var count = 0
        try bulk {
            try connection.prepare("SELECT rowid, doc FROM tickets ORDER BY rowid").forEachRow { row in
                let ticket = try Store.decodeStored(row.text(1))
                try add(rowid: row.int64(0), texts: ticket.searchTexts)
                count += 1
            }
        }
        return count
    }

    /// Checks the index against itself and the tickets table; with `deep`, against every ticket analysed again.
    ///
    /// Returns the problems found, at most `limit` (none when the index is sound).
    func problems(deep: Bool, limit: Int = 20) throws -> [String] {
        var problems: [String] = []
        func report(_ problem: String) { if problems.count < limit { problems.append(problem) } }
        var terms: [Int64: (term: String, documents: Int)] = [:]
        try connection.prepare("SELECT term, id, documents FROM ticket_terms").forEachRow { row in
            if terms[row.int64(1)] != nil { report("term id \(row.int64(1)) is used twice") }
            terms[row.int64(1)] = (row.text(0), row.int(2))
        }
        var counted: [Int64: Int] = [:]
        var actual: [String: [Int64: [UInt8]]] = [:]
        var previousTerm: Int64 = -1
        var previousLast: Int64 = 0
        try connection.prepare("SELECT key, count, data FROM ticket_postings ORDER BY key").forEachRow { row in
            let key = row.int64(0)
            let id = key >> TicketIndexLayout.rowidBits
            guard let term = terms[id] else {
                report("chunk \(key) belongs to no term")
                return
            }
            if id != previousTerm { previousTerm = id; previousLast = 0 }
            let data = row.blob(2)
            var rowids: [Int64] = []
            let chunk = DecodedChunk()
            data.withUnsafeBufferPointer { buffer in
                guard let bytes = buffer.baseAddress, chunk.decode(bytes, byteCount: buffer.count, count: row.int(1)) else {
                    report("chunk \(key) of '\(term.term)' does not decode")
                    return
                }
                for posting in 0..<chunk.count {
                    rowids.append(chunk.rowids[posting])
                    if deep {
                        var bytes: [UInt8] = []
                        PostingCodec.appendFrequencies(title: Int(chunk.titles[posting]), other: Int(chunk.others[posting]), to: &bytes)
                        bytes += buffer[chunk.positionsOffset(posting)..<chunk.positionsEnd(posting)]
                        actual[term.term, default: [:]][chunk.rowids[posting]] = bytes
                    }
                }
                if chunk.positionsEnd(max(0, chunk.count - 1)) != buffer.count {
                    report("chunk \(key) of '\(term.term)' has bytes past its last posting")
                }
            }
            if rowids.count != row.int(1) { report("chunk \(key) of '\(term.term)' holds \(rowids.count) postings, not \(row.int(1))") }
            if rowids.last != key & TicketIndexLayout.largestRowid { report("chunk \(key) of '\(term.term)' does not end at its key") }
            if zip(rowids, rowids.dropFirst()).contains(where: { $0 >= $1 }) || (rowids.first ?? 0) <= previousLast {
                report("postings of '\(term.term)' are out of order in chunk \(key)")
            }
            previousLast = rowids.last ?? previousLast
            counted[id, default: 0] += rowids.count
        }
        for (id, term) in terms where counted[id, default: 0] != term.documents {
            report("'\(term.term)' counts \(term.documents) tickets but its chunks hold \(counted[id, default: 0])")
        }
        let statistics = try readStatistics()
        let tickets = try connection.scalarInt("SELECT count(*) FROM tickets")
        if statistics.documents != tickets { report("the index counts \(statistics.documents) tickets; the store holds \(tickets)") }
        var tokens = 0
        var lengths: [Int64: Int] = [:]
        try connection.prepare("SELECT block, lengths FROM ticket_lengths").forEachRow { row in
            for (slot, length) in Self.decodeLengths(row.blob(1)).enumerated() where length > 0 {
                tokens += Int(length)
                lengths[row.int64(0) << Int64(TicketIndexLayout.lengthBlockShift) | Int64(slot)] = Int(length)
            }
        }
        if tokens != statistics.tokens { report("ticket lengths add up to \(tokens) tokens; the index counts \(statistics.tokens)") }
        guard deep else { return problems }

        // Every ticket analysed again must give exactly the stored postings and length.
        var expected = PendingPostings()
        try connection.prepare("SELECT rowid, doc FROM tickets ORDER BY rowid").forEachRow { row in
            let ticket = try Store.decodeStored(row.text(1))
            let source = tokenizer.source(for: nil)
            expected.add(rowid: row.int64(0)) { emit in Self.analyse(ticket.searchTexts, prepared: nil, source: source, emit) }
            let length = expected.lengths.last?.length ?? 0
            if lengths[row.int64(0)] ?? 0 != length {
                report("ticket \(row.int64(0)) is indexed with \(lengths[row.int64(0)] ?? 0) tokens, not \(length)")
            }
        }
        var wanted: [String: [Int64: [UInt8]]] = [:]
        for entry in 0..<expected.entryCount {
            var bytes: [UInt8] = []
            PostingCodec.appendFrequencies(title: Int(expected.entryTitle[entry]), other: Int(expected.entryOther[entry]), to: &bytes)
            bytes += expected.positions[Int(expected.entryStart[entry])..<Int(expected.entryEnd[entry])]
            wanted[expected.terms.string(Int(expected.entryTerm[entry])), default: [:]][expected.entryRowid[entry]] = bytes
        }
        for (term, postings) in wanted.sorted(by: { $0.key < $1.key }) where actual[term] != postings {
            let stored = actual[term] ?? [:]
            let missing = postings.keys.filter { stored[$0] == nil }.count
            let extra = stored.keys.filter { postings[$0] == nil }.count
            report("postings of '\(term)' differ from the tickets' text (\(missing) missing, \(extra) extra, \(postings.count) expected)")
        }
        for term in actual.keys.sorted() where wanted[term] == nil { report("'\(term)' is indexed but no ticket holds it") }
        return problems
    }
}

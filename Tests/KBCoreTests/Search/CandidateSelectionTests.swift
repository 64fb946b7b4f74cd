import Foundation
import Testing
import KBTestSupport
@testable import KBCore

/// The candidate rows of pruned ranking (`CandidateSelector`), and pruned top-k against ranking every match on
/// stores built so scores crowd together: common words repeated, near-ties and exact ties, synonyms of several
/// words, filters.
@Suite struct CandidateSelectionTests {
    static let words = ["alfa", "bravo", "charlie", "delta", "eco", "foxtrot"]

    /// 64 tickets, one per subset of `words` (ticket `T-mask`); the last word is sometimes spelled as its two-word
    /// alternative "hotel india", so one term is a group of phrases.
    static func subsetStore(_ directory: TemporaryDirectory) throws -> Store {
        let store = try Store(path: directory.url.appendingPathComponent("kb.sqlite").path)
        try store.connection.transaction {
            for mask in 0..<64 {
                var text = ["relleno"]
                for (bit, word) in words.enumerated() where mask & (1 << bit) != 0 {
                    text.append(bit == 5 && mask % 2 == 0 ? "hotel india" : word)
                }
                let line = TicketFixtures.line(id: "T-\(mask)", title: "Caso").replacingOccurrences(
                    of: "La pantalla queda en blanco", with: text.joined(separator: " "))
                _ = try store.upsert(Ticket(json: JSONParser().parse(line)))
            }
        }
        return store
    }

    /// For every threshold, the selection matches exactly the tickets whose terms' bounds add up to it.
    @Test(arguments: [[5.0, 3, 3, 2, 1, 0.5], [1.0, 1, 1, 1, 1, 1], [0.3, 7, 2.5, 2.5, 0.3, 4]])
    func selectsExactlyTheRowsThatCanReachTheThreshold(bounds: [Double]) throws {
        let directory = try TemporaryDirectory()
        let store = try Self.subsetStore(directory)
        defer { try? store.close() }
        let terms = Self.words.indices.map { index in
            index == 5
                ? CandidateSelector.Term(expression: #"("foxtrot" OR "hotel india")"#, phraseCount: 2, bound: bounds[index])
                : CandidateSelector.Term(expression: "\"\(Self.words[index])\"", phraseCount: 1, bound: bounds[index])
        }
        let selector = CandidateSelector(terms: terms)
        let total = bounds.reduce(0, +)
        #expect(abs(selector.total - total) < 1e-9)
        var checked = 0
        for step in 0...40 {
            let threshold = total * Double(step) / 36 - 0.05
            let expected = Set((1..<64).filter { mask in
                bounds.indices.filter { mask & (1 << $0) != 0 }.reduce(0) { $0 + bounds[$1] } >= threshold
            })
            switch selector.select(reaching: threshold) {
            case .everyRow:
                #expect(threshold <= 0)
            case .noRow:
                #expect(expected.isEmpty, "threshold \(threshold)")
            case .rows(let selection):
                let found = try store.connection.prepare("""
                    SELECT t.id FROM tickets_fts JOIN tickets t ON t.rowid = tickets_fts.rowid WHERE tickets_fts MATCH ?
                    """).map([selection.expression]) { Int($0.text(0).dropFirst(2))! }
                #expect(Set(found) == expected, "threshold \(threshold): \(selection.expression)")
                let quoted = selection.expression.split(separator: "\"", omittingEmptySubsequences: false).count / 2
                #expect(selection.phraseCount == quoted, "\(selection.expression)")
                checked += 1
            }
        }
        #expect(checked >= 30)
    }

    /// A selection that would repeat terms beyond `maximumPhrases` is widened, part by part, to MaxScore's essential
    /// terms, and still holds every row that can reach the threshold: 20 terms of bound 1, 400 tickets each holding
    /// a random subset of them; the rows holding as many terms as the threshold must all be selected.
    @Test func largeSelectionsAreWidenedAndHoldEveryRowThatCanReach() throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.url.appendingPathComponent("kb.sqlite").path)
        defer { try? store.close() }
        var random = PrunedRankingPropertyTests.SeededGenerator(state: 5)
        var held: [Int: Int] = [:]
        try store.connection.transaction {
            for index in 0..<400 {
                let words = (0..<20).filter { _ in Int.random(in: 0..<10, using: &random) < 3 }
                held[index] = words.count
                let line = TicketFixtures.line(id: "T-\(index)", title: "Caso").replacingOccurrences(
                    of: "La pantalla queda en blanco", with: "relleno " + words.map { "w\($0)x" }.joined(separator: " "))
                _ = try store.upsert(Ticket(json: JSONParser().parse(line)))
            }
        }
        let terms = (0..<20).map { CandidateSelector.Term(expression: "\"w\($0)x\"", phraseCount: 1, bound: 1) }
        let selector = CandidateSelector(terms: terms)
        #expect(selector.select(reaching: 21) == .noRow)
        #expect(selector.select(reaching: 0) == .everyRow)
        for threshold in [6.0, 8, 10, 12, 15, 20] {
            let selection = try #require({ if case .rows(let selection) = selector.select(reaching: threshold) { selection } else { nil } }())
            #expect(selection.phraseCount <= CandidateSelector.maximumPhrases + 20)
            let found = Set(try store.connection.prepare("""
                SELECT t.id FROM tickets_fts JOIN tickets t ON t.rowid = tickets_fts.rowid WHERE tickets_fts MATCH ?
                """).map([selection.expression]) { Int($0.text(0).dropFirst(2))! })
            let expected = Set(held.filter { Double($0.value) >= threshold }.keys)
            #expect(expected.isSubset(of: found), "threshold \(threshold)")
            // Widened, yet narrower than every ticket holding a term.
            if threshold >= 10 { #expect(found.count < held.filter { $0.value > 0 }.count, "threshold \(threshold)") }
        }
        // The 9 weakest of 20 equal terms cannot reach 10 on their own: a widened part leaves some out.
        let wide = try #require({ if case .rows(let selection) = selector.select(reaching: 10) { selection } else { nil } }())
        #expect(wide.expression.contains(" OR "))
    }

    /// Where the exact selection outgrows the budget, the widened one still holds every row that can reach the
    /// threshold: checked against the 64-subset store with terms of many phrases each.
    @Test(arguments: [[5.0, 3, 3, 2, 1, 0.5], [1.0, 1, 1, 1, 1, 1]])
    func widenedSelectionsHoldEveryRowThatCanReach(bounds: [Double]) throws {
        let directory = try TemporaryDirectory()
        let store = try Self.subsetStore(directory)
        defer { try? store.close() }
        // Each term repeated as a group of 9 phrases (the word 9 times): 54 phrases, past the 48-phrase budget.
        let terms = Self.words.indices.map { index in
            let spellings = index == 5 ? ["\"foxtrot\"", "\"hotel india\""] : ["\"\(Self.words[index])\""]
            return CandidateSelector.Term(expression: "(" + (0..<9).map { spellings[$0 % spellings.count] }.joined(separator: " OR ") + ")",
                                          phraseCount: 9, bound: bounds[index])
        }
        let selector = CandidateSelector(terms: terms)
        var widened = 0
        for step in 1...36 {
            let threshold = selector.total * Double(step) / 36
            let expected = Set((1..<64).filter { mask in
                bounds.indices.filter { mask & (1 << $0) != 0 }.reduce(0) { $0 + bounds[$1] } >= threshold * (1 - 1e-9)
            })
            guard case .rows(let selection) = selector.select(reaching: threshold) else {
                #expect(expected.isEmpty || threshold <= 0)
                continue
            }
            let found = Set(try store.connection.prepare("""
                SELECT t.id FROM tickets_fts JOIN tickets t ON t.rowid = tickets_fts.rowid WHERE tickets_fts MATCH ?
                """).map([selection.expression]) { Int($0.text(0).dropFirst(2))! })
            #expect(expected.isSubset(of: found), "threshold \(threshold): \(selection.expression)")
            if found != expected { widened += 1 }
        }
        #expect(widened > 0, "the budget should have forced a wider selection")
    }

    /// Tickets whose scores crowd together: every ticket says some of a few common words, 1–6 times, in texts of
    /// varied length; some are exact copies of others (equal scores: ties broken by rowid); a few hold rare words or
    /// the two-word synonyms of "caída".
    static func crowdedStore(_ directory: TemporaryDirectory, seed: UInt64) throws -> (Store, SearchEngine) {
        let store = try Store(path: directory.url.appendingPathComponent("kb.sqlite").path)
        var random = PrunedRankingPropertyTests.SeededGenerator(state: seed)
        let common = ["servicio", "cliente", "llamada", "portal", "error"]
        let filler = ["revisamos", "equipo", "soporte", "mañana", "oficina", "usuario", "sistema", "central", "acceso",
                      "respuesta", "contacto", "registro", "proceso", "semana", "turno"]
        let rare = ["troncal", "certificado", "webhook", "firmware"]
        let synonymPhrases = ["sin servicio", "fuera de servicio", "caída"]
        var lines: [String] = []
        for index in 0..<1_200 {
            if index % 9 == 8, let copy = lines.randomElement(using: &random) {
                // The same ticket again under a new id: the same score, so only the rowid orders them.
                lines.append(copy.replacingOccurrences(of: #""id":"T-"#, with: #""id":"T-\#(index)-"#))
                continue
            }
            var words: [String] = []
            for word in common where Int.random(in: 0..<10, using: &random) < 7 {
                words += Array(repeating: word, count: Int.random(in: 1...6, using: &random))
            }
            words += (0..<Int.random(in: 0...40, using: &random)).map { _ in filler.randomElement(using: &random)! }
            if Int.random(in: 0..<25, using: &random) == 0 { words.append(rare.randomElement(using: &random)!) }
            if Int.random(in: 0..<12, using: &random) == 0 { words.append(synonymPhrases.randomElement(using: &random)!) }
            words.shuffle(using: &random)
            let titleLength = Int.random(in: 1...min(4, max(1, words.count)), using: &random)
            let title = words.prefix(titleLength).joined(separator: " ")
            let status = ["closed", "resolved", "in_progress"].randomElement(using: &random)!
            let line = TicketFixtures.line(id: "T-\(index)", title: title.isEmpty ? "Consulta" : title, status: status)
                .replacingOccurrences(of: "La pantalla queda en blanco", with: words.dropFirst(titleLength).joined(separator: " ") + " fin")
            lines.append(line)
        }
        try store.connection.transaction {
            for line in lines { _ = try store.upsert(Ticket(json: JSONParser().parse(line))) }
        }
        let builder = QueryBuilder(termSource: Store.defaultTermSources[.spanish]!, synonyms: { term in
            term == "caid" ? ["sin servicio", "fuera de servicio"] : []
        })
        return (store, try SearchEngine(store: store, builder: builder))
    }

    /// Pruned ranking equals ranking every match (ids, scores, order) when many tickets score close to the
    /// `limit`-th: queries of common words only, with a rare word, with a synonym group of several-word phrases,
    /// function words, `all` mode, a status filter, limits from 1 to 50.
    @Test(arguments: [UInt64(3), 4])
    func prunedEqualsEveryMatchOnCrowdedScores(seed: UInt64) throws {
        let directory = try TemporaryDirectory()
        let (store, engine) = try Self.crowdedStore(directory, seed: seed)
        defer { try? store.close() }
        let queries = [
            "servicio", "servicio cliente", "servicio cliente llamada", "cliente llamada portal error",
            "llamada de servicio para el cliente", "servicio cliente llamada portal error", "caída", "caída del portal",
            "caída llamada cliente", "troncal cliente servicio", "certificado portal", "error de llamada en la central",
            "firmware webhook troncal certificado", "oficina cliente",
            // Eleven terms: the exact selection outgrows the phrase budget and is widened in part.
            "caída del servicio del cliente: llamada, portal, error, oficina, troncal, certificado, webhook y firmware",
        ]
        var open = SearchFilters()
        open.statuses = ["in_progress"]
        // "caída" is one term of three phrases: the word and its two-word synonyms.
        #expect(try engine.ticketMatch(for: "caída")?.phrases.count == 3)
        var compared = 0
        var pruned = 0
        for query in queries {
            for mode in [QueryMode.any, .all] {
                guard let match = try engine.ticketMatch(for: query, mode: mode) else { continue }
                for var filters in [SearchFilters(), open] {
                    for limit in [1, 2, 10, 50] {
                        filters.limit = limit
                        let fast = try engine.searchTickets(match: match, filters: filters, snippets: false)
                        let every = try engine.searchTickets(match: match, filters: filters, snippets: false, exhaustive: true)
                        #expect(fast.map(\.id) == every.map(\.id), "'\(query)' \(mode) limit \(limit) \(filters.statuses)")
                        #expect(fast.map(\.score) == every.map(\.score), "'\(query)' \(mode) limit \(limit) \(filters.statuses)")
                        compared += 1
                        if mode == .any, match.phrases.map(\.term).max() ?? 0 > 0 { pruned += 1 }
                    }
                }
            }
        }
        #expect(compared >= 200)
        #expect(pruned >= 60)
    }
}

import CSQLite
import Foundation
import KBCore

/// Exact top-k at scale: kb's pruned ranking against ranking every match, and old tickets found by their own words.
extension ScaleBenchmark {
    /// Top-10 of `searchTickets` (MaxScore) against the same query with every match scored, over the first
    /// `exactnessQueries` benchmark queries; then recall@10 of old planted targets in kb and in raw FTS5 (without
    /// `rawPath`, in kb only).
    func exactnessBenchmarks(dataFile: URL, targets: [PlantedTarget], rawPath: String?, table: inout Table) throws {
        let workspace = Workspace(root: work)
        let store = try workspace.openStore(.read)
        defer { try? store.close() }
        let builder = try workspace.queryBuilder(for: store)
        var filters = SearchFilters()
        filters.type = .ticket
        filters.limit = 10
        var identical = 0
        var overlap = 0.0
        var compared = 0
        var prunedTimes: [Double] = []
        var exhaustiveTimes: [Double] = []
        let filterSets = try exactnessFilters(store)
        var filteredIdentical = 0
        var filteredCompared = 0
        for (index, query) in benchmarkQueries().dropFirst(exactnessSkip).prefix(exactnessQueries).enumerated() {
            let engine = try SearchEngine(store: store, builder: builder)
            guard let match = try engine.ticketMatch(for: query) else { continue }
            // Every fifth query also with a filter (service, statuses, severities, a period, a customer in turn): the
            // posting lists check filters per ticket, FTS5 joins `tickets`.
            if index % 5 == 0, !filterSets.isEmpty {
                var filtered = filterSets[(index / 5) % filterSets.count]
                filtered.type = .ticket
                filtered.limit = 10
                let pruned = try engine.searchTickets(match: match, filters: filtered, snippets: false)
                let every = try engine.searchTickets(match: match, filters: filtered, snippets: false, exhaustive: true)
                filteredCompared += 1
                if pruned.map(\.id) == every.map(\.id) && pruned.map(\.score) == every.map(\.score) { filteredIdentical += 1 }
            }
            var pruned: [SearchResult] = []
            var every: [SearchResult] = []
            prunedTimes.append(try measure { pruned = try engine.searchTickets(match: match, filters: filters, snippets: false) } * 1000)
            exhaustiveTimes.append(try measure {
                every = try engine.searchTickets(match: match, filters: filters, snippets: false, exhaustive: true)
            } * 1000)
            compared += 1
            if pruned.map(\.id) == every.map(\.id) && pruned.map(\.score) == every.map(\.score) { identical += 1 }
            let shared = Set(pruned.map(\.id)).intersection(every.map(\.id)).count
            overlap += every.isEmpty ? 1 : Double(shared) / Double(every.count)
        }
        guard compared > 0 else { throw BenchError(description: "no benchmark query matched") }
        table.add("top-10 identical to every match ranked (share of \(compared) queries)", kb: Double(identical) / Double(compared),
                  raw: 1, spread: nil, target: ">= 0.99")
        table.add("top-10 overlap with every match ranked", kb: overlap / Double(compared), raw: 1, spread: nil)
        if filteredCompared > 0 {
            table.add("filtered top-10 identical to every filtered match ranked (share of \(filteredCompared) queries)",
                      kb: Double(filteredIdentical) / Double(filteredCompared), raw: 1, spread: nil, target: ">= 0.99")
            print("exactness with filters: \(filteredIdentical) of \(filteredCompared) queries identical")
        }
        table.add("ticket ranking p50, pruned (ms)", kb: percentile(prunedTimes, 0.5), raw: nil, spread: nil)
        table.add("ticket ranking p99, pruned (ms)", kb: percentile(prunedTimes, 0.99), raw: nil, spread: nil)
        table.add("ticket ranking p50, every match (ms)", kb: percentile(exhaustiveTimes, 0.5), raw: nil, spread: nil)
        table.add("ticket ranking p99, every match (ms)", kb: percentile(exhaustiveTimes, 0.99), raw: nil, spread: nil)
        print("exactness: \(identical) of \(compared) queries identical to ranking every match")

        let raw = try rawPath.map { try Connection(path: $0, mode: .readOnly) }
        defer { try? raw?.close() }
        let rawQuery = try raw?.prepare("SELECT rowid FROM raw WHERE raw MATCH ? ORDER BY bm25(raw) LIMIT 10")
        var kbFound = 0
        var kbFoundPerQuery: [Bool] = []
        var rawFound = 0
        var queries = 0
        var rawQueries = 0
        // Raw FTS5 scores every match with bm25(): a title and sentence match most of a large store, seconds a
        // query, so above 100,000 tickets every sixth target is looked for in it (the latency sample does the same).
        let rawStep = tickets > 100_000 ? 6 : 1
        for (index, target) in targets.enumerated() {
            for query in target.queries {
                queries += 1
                let engine = try SearchEngine(store: store, builder: builder)
                let match = try engine.ticketMatch(for: query)
                let found = try match.map { try engine.searchTickets(match: $0, filters: filters, snippets: false) } ?? []
                kbFoundPerQuery.append(found.contains { $0.id == target.id })
                if kbFoundPerQuery.last! { kbFound += 1 }
                guard match != nil else { continue }
                guard let rawQuery, index % rawStep == 0 else { continue }
                rawQueries += 1
                if try rawQuery.map([rawExpression(query)], { $0.int64(0) }).contains(target.rawRowid) { rawFound += 1 }
            }
        }
        table.add("old planted targets in top 10 (recall, \(queries) queries; raw: \(rawQueries))",
                  kb: Double(kbFound) / Double(max(queries, 1)), raw: rawQuery == nil ? nil : Double(rawFound) / Double(max(rawQueries, 1)),
                  spread: nil)
        print("planted targets: kb \(kbFound) of \(queries), raw FTS5 \(rawFound) of \(rawQueries) queries")
        if tickets > Self.referenceSize {
            let referenceFound = try referenceRecall(dataFile: dataFile, targets: targets)
            table.add("old planted targets in top 10 on a 50k store holding them", kb: share(referenceFound), raw: nil, spread: nil,
                      target: "kb above >= this")
            // The two halves of the targets apart: rare titles single a ticket out whatever the store's size.
            for rareTitles in [true, false] {
                let queries = targets.indices.filter { targets[$0].hasRareTitle == rareTitles }.flatMap { [2 * $0, 2 * $0 + 1] }
                let counts = targets.filter { $0.hasRareTitle == rareTitles }.map(\.titleCount).sorted()
                let median = counts.isEmpty ? 0 : counts[counts.count / 2]
                let half = rareTitles ? "rare titles" : "evenly spread"
                let store = share(queries.map { kbFoundPerQuery[$0] }), reference = share(queries.map { referenceFound[$0] })
                table.add("old planted targets, \(half) (\(queries.count / 2); median title shared by \(median)), recall",
                          kb: store, raw: nil, spread: nil, target: "50k: \(fixed(reference, 2))")
                print("planted targets with \(half): kb \(fixed(store, 2)), on the 50k store \(fixed(reference, 2)) "
                      + "(\(queries.count) queries; the median title is carried by \(median) tickets of the file)")
            }
            let crowded = try crowdedTargetQueries(dataFile: dataFile, targets: targets)
            table.add("planted-target queries another ticket repeats word for word (whole store; 50k store)",
                      kb: share(crowded.store), raw: nil, spread: nil, target: "50k: \(fixed(share(crowded.reference), 2))")
            // Recall over the queries that single their target out in the whole store (so in the 50k store too), in both.
            let distinct = crowded.store.indices.filter { !crowded.store[$0] }
            let distinctFound = distinct.map { kbFoundPerQuery[$0] }
            let referenceDistinctFound = distinct.map { referenceFound[$0] }
            table.add("recall of the \(distinct.count) planted-target queries no other ticket repeats",
                      kb: share(distinctFound), raw: nil, spread: nil, target: "50k: \(fixed(share(referenceDistinctFound), 2))")
            // The queries twins crowd in both stores, and those twins crowd only in the whole one: the first compare the
            // two stores on equal terms; on the second the 50k store has no twin to rank, so it alone singles them out.
            let crowdedInBoth = crowded.store.indices.filter { crowded.store[$0] && crowded.reference[$0] }
            let crowdedOnlyInStore = crowded.store.indices.filter { crowded.store[$0] && !crowded.reference[$0] }
            for (label, group) in [("in both stores", crowdedInBoth), ("only in the whole store", crowdedOnlyInStore)] {
                table.add("recall of the \(group.count) planted-target queries twins repeat \(label)",
                          kb: share(group.map { kbFoundPerQuery[$0] }), raw: nil, spread: nil,
                          target: "50k: \(fixed(share(group.map { referenceFound[$0] }), 2))")
            }
            // The misses among them are kb's own: listed, so a ranking change can be checked on them.
            for index in distinct where !kbFoundPerQuery[index] {
                let target = targets[index / 2]
                print("  missed, no other ticket repeats it: \(target.id) (title carried by \(target.titleCount)): \(target.queries[index % 2])")
            }
            print("planted-target queries another ticket repeats word for word: \(crowded.store.filter { $0 }.count) "
                  + "of \(crowded.store.count) on the whole store, \(crowded.reference.filter { $0 }.count) on the 50k store; recall "
                  + "of the \(distinct.count) others: \(fixed(share(distinctFound), 2)), on the 50k store \(fixed(share(referenceDistinctFound), 2))")
        }
    }

    private func share(_ flags: [Bool]) -> Double {
        Double(flags.filter { $0 }.count) / Double(max(flags.count, 1))
    }

    /// For each planted-target query (`PlantedTarget.queries`, in order), whether another ticket has the same title (the
    /// title query) or the same title and first sentence (the other), in the whole file and in the 50k reference store's
    /// share of it.
    ///
    /// Such a target ties with those twins on every word of its query in those fields: only the rest of their text
    /// (their lengths, other occurrences) orders them, so no ranking of the query can be expected to put the target
    /// above them, and the more tickets a store holds, the more twins each target has (a generated corpus repeats its
    /// templates). It says how much of the gap between the whole store's recall and the reference's is the corpus's.
    func crowdedTargetQueries(dataFile: URL, targets: [PlantedTarget]) throws -> (store: [Bool], reference: [Bool]) {
        let titles = Set(targets.map(\.title))
        let step = max(1, tickets / Self.referenceSize)
        let wanted = Set(targets.map { Int($0.rawRowid - 1) })
        var titleCounts: [String: (store: Int, reference: Int)] = [:]
        var pairCounts: [String: (store: Int, reference: Int)] = [:]
        try forEachTicket(in: dataFile) { index, ticket in
            guard titles.contains(ticket.title) else { return true }
            let inReference = index % step == 0 || wanted.contains(index) ? 1 : 0
            let pair = ticket.title + "\n" + PlantedTarget.firstSentence(of: ticket)
            titleCounts[ticket.title, default: (0, 0)].store += 1
            titleCounts[ticket.title, default: (0, 0)].reference += inReference
            pairCounts[pair, default: (0, 0)].store += 1
            pairCounts[pair, default: (0, 0)].reference += inReference
            return true
        }
        var store: [Bool] = []
        var reference: [Bool] = []
        for target in targets {
            for counts in [titleCounts[target.title], pairCounts[target.title + "\n" + target.firstSentence]] {
                // The target itself is one of them.
                store.append((counts?.store ?? 0) > 1)
                reference.append((counts?.reference ?? 0) > 1)
            }
        }
        return (store, reference)
    }

    /// The filters exactness is also checked with: the store's most common service, resolved and closed tickets,
    /// severities 1–2, the last 365 days of the store, its least common customer.
    func exactnessFilters(_ store: Store) throws -> [SearchFilters] {
        func mostAndLeastCommon(_ column: String) throws -> (String, String)? {
            let values = try store.connection.prepare(
                "SELECT \(column) FROM tickets WHERE \(column) <> '' GROUP BY 1 ORDER BY count(*) DESC, 1").map { $0.text(0) }
            return values.first.map { ($0, values.last!) }
        }
        guard let services = try mostAndLeastCommon("service"), let customers = try mostAndLeastCommon("customer"),
              let newest = try store.connection.prepare("SELECT max(created_at) FROM tickets").first([], { $0.int64(0) }) else { return [] }
        var service = SearchFilters(), done = SearchFilters(), severe = SearchFilters(), lastYear = SearchFilters(), customer = SearchFilters()
        service.services = [services.0]
        done.statuses = [TicketStatus.resolved.rawValue, TicketStatus.closed.rawValue]
        severe.severities = [1, 2]
        lastYear.since = Timestamp(seconds: newest - 365 * 86_400)
        customer.customer = customers.1
        return [service, done, severe, lastYear, customer]
    }

    /// The size of the reference store the planted targets are also looked for in.
    static let referenceSize = 50_000

    /// Whether each planted-target query (in `PlantedTarget.queries` order) finds its target in the top 10 of a store of
    /// about 50,000 tickets of the same file holding them: every `tickets / 50,000`-th ticket plus the targets, imported
    /// with kb. Exact ranking at full size should find them as often as this smaller store does.
    func referenceRecall(dataFile: URL, targets: [PlantedTarget]) throws -> [Bool] {
        let folder = work.appendingPathComponent("reference-50k")
        let wanted = Set(targets.map { Int($0.rawRowid - 1) })
        let step = max(1, tickets / Self.referenceSize)
        let expected = (tickets + step - 1) / step + wanted.filter { $0 % step != 0 }.count
        let workspace = Workspace(root: folder)
        // With --reuse, the reference store an earlier run imported from the same tickets is measured again.
        let reusable = reuse && ((try? workspace.openStore(.read)).map { store in
            defer { try? store.close() }
            return (try? store.ticketCount()) == expected
        } ?? false)
        if !reusable {
            try? FileManager.default.removeItem(at: folder)
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("kb"), withIntermediateDirectories: true)
            let file = folder.appendingPathComponent("tickets.jsonl")
            let output = try LineFileWriter(file)
            var index = 0
            try LineReader(path: dataFile.path).forEachLine { _, line in
                defer { index += 1 }
                if case .text(let bytes) = line, wanted.contains(index) || index % step == 0 { output.write(line: bytes) }
                return true
            }
            try output.close()
            _ = try runKB(["import", file.path], in: folder)
        }
        let store = try workspace.openStore(.read)
        defer { try? store.close() }
        let engine = try SearchEngine(store: store, builder: try workspace.queryBuilder(for: store))
        var filters = SearchFilters()
        filters.type = .ticket
        filters.limit = 10
        var found: [Bool] = []
        for target in targets {
            for query in target.queries {
                let match = try engine.ticketMatch(for: query)
                found.append(try match.map {
                    try engine.searchTickets(match: $0, filters: filters, snippets: false).contains { $0.id == target.id }
                } ?? false)
            }
        }
        print("planted targets on the \(try store.ticketCount())-ticket reference store: \(found.filter { $0 }.count) of \(found.count) queries")
        return found
    }

    /// An old ticket looked for by its own words.
    struct PlantedTarget {
        let id: String
        let rawRowid: Int64
        let title: String
        let firstSentence: String
        /// Whether it was chosen for its rare title (the other half are spread evenly).
        let hasRareTitle: Bool
        /// How many tickets of the whole file carry its title (itself included).
        let titleCount: Int

        /// Its title, and its title with the first sentence of its description.
        var queries: [String] { [title, title + " " + firstSentence] }

        /// The first sentence of a ticket's description: up to its first full stop.
        static func firstSentence(of ticket: Ticket) -> String {
            ticket.description.split(separator: ".").first.map(String.init) ?? ""
        }
    }

    /// How many old tickets are looked for by their own words.
    static let plantedTargetCount = 300

    /// 300 tickets of the oldest 20% of the generated file (raw FTS5 rowids follow its lines), in file order: half
    /// with the rarest titles of the whole file, spread over the rarest ones, and half spread evenly over the others —
    /// the "old tickets, half of them with rare titles". A rare title is how a user looks up one incident of
    /// last year; a template's title is shared by thousands of tickets (see `crowdedTargetQueries`).
    func plantedTargets(dataFile: URL) throws -> [PlantedTarget] {
        let oldest = max(1, tickets / 5)
        // Pass 1: how many tickets of the whole file carry each title.
        var titleCounts: [String: Int32] = [:]
        var oldTitles: [String] = []
        oldTitles.reserveCapacity(oldest)
        try forEachTicket(in: dataFile) { index, ticket in
            titleCounts[ticket.title, default: 0] += 1
            if index < oldest { oldTitles.append(ticket.title) }
            return true
        }
        // The rarest titles among the old tickets: every old ticket whose title is as rare as the 150th rarest's,
        // sampled evenly in file order.
        let wanted = Self.plantedTargetCount / 2
        let byRarity = oldTitles.indices.sorted { (titleCounts[oldTitles[$0]]!, $0) < (titleCounts[oldTitles[$1]]!, $1) }
        var rare = Set<Int>()
        if let cut = byRarity.prefix(wanted).last.map({ titleCounts[oldTitles[$0]]! }) {
            let pool = byRarity.prefix { titleCounts[oldTitles[$0]]! <= cut }.sorted()
            let step = Double(pool.count) / Double(min(wanted, pool.count))
            for pick in 0..<min(wanted, pool.count) { rare.insert(pool[Int(Double(pick) * step)]) }
        }
        // The other half spread evenly over the remaining old tickets.
        let others = oldTitles.indices.filter { !rare.contains($0) }
        let otherCount = min(Self.plantedTargetCount - rare.count, others.count)
        let otherStep = Double(others.count) / Double(max(otherCount, 1))
        let chosen = rare.union((0..<otherCount).map { others[Int(Double($0) * otherStep)] })
        // Pass 2: the chosen tickets' words.
        var targets: [PlantedTarget] = []
        try forEachTicket(in: dataFile) { index, ticket in
            guard index < oldest else { return false }
            if chosen.contains(index) {
                targets.append(PlantedTarget(id: ticket.id, rawRowid: Int64(index + 1), title: ticket.title,
                                             firstSentence: PlantedTarget.firstSentence(of: ticket),
                                             hasRareTitle: rare.contains(index), titleCount: Int(titleCounts[ticket.title]!)))
            }
            return true
        }
        return targets
    }

    /// Calls `body` with each ticket of the generated file and its line's index (from 0), until it returns false.
    private func forEachTicket(in dataFile: URL, _ body: (Int, Ticket) throws -> Bool) throws {
        var index = 0
        try LineReader(path: dataFile.path).forEachLine { _, line in
            defer { index += 1 }
            guard case .text(let bytes) = line, let json = try? JSONParser().parse(bytes),
                  let ticket = try? Ticket(json: json, timeZoneCheck: { _ in true }) else { return true }
            return try body(index, ticket)
        }
    }
}

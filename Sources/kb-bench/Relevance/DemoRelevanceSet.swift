import Foundation
import KBCore

/// The demo set: agent queries against the demo store (`kb/demo/tickets.jsonl` and `kb/articles`), each labelled
/// with the problem families, articles and tickets that answer it (see `Sources/kb-bench/Relevance/README.md`).
///
/// `demo-queries.tsv` holds `qid, query, kind, labels`; a label is `family:ID` (every demo ticket of the generator's
/// family, gain 1, and the family's article, gain 2), `article:KB-ID` (gain 2) or `ticket:T-ID` (gain 2).
/// `demo-qrels.tsv` is their expansion (`qid, document, gain`), written by `--write-qrels` and checked on every run.
struct DemoRelevanceSet {
    static let folder = "Sources/kb-bench/Relevance"
    static let queriesPath = folder + "/demo-queries.tsv"
    static let qrelsPath = folder + "/demo-qrels.tsv"
    static let ticketsPath = "kb/demo/tickets.jsonl"
    /// `kb/demo/tickets.jsonl` is `kb generate --tickets 600 --seed 42`.
    static let generator = TicketGenerator(seed: 42)
    static let ticketCount = 600

    struct Query {
        let qid: String
        let text: String
        let kind: String
        let labels: [String]
    }

    let queries: [Query]

    init() throws {
        var queries: [Query] = []
        for (number, row) in try DemoRelevanceSet.tsv(DemoRelevanceSet.queriesPath).enumerated() {
            guard row.count == 4, !row[1].isEmpty, !row[3].isEmpty else {
                throw BenchError(description: "\(DemoRelevanceSet.queriesPath):\(number + 2): expected qid, query, kind, labels")
            }
            queries.append(Query(qid: row[0], text: row[1], kind: row[2], labels: row[3].split(separator: " ").map(String.init)))
        }
        self.queries = queries
    }

    /// Every labelled document of every query with its gain, from the labels.
    func expandedQrels() throws -> [(qid: String, document: String, gain: Int)] {
        var familyTickets: [String: [String]] = [:]
        for index in 0..<DemoRelevanceSet.ticketCount {
            if let family = DemoRelevanceSet.generator.family(ofTicketAt: index) {
                familyTickets[family, default: []].append(TicketGenerator.ticketID(at: index))
            }
        }
        let articles = Dictionary(TicketGenerator.families.map { ($0.id, $0.article) }, uniquingKeysWith: { first, _ in first })
        var rows: [(qid: String, document: String, gain: Int)] = []
        for query in queries {
            var gains: [String: Int] = [:]
            for label in query.labels {
                let parts = label.split(separator: ":", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { throw BenchError(description: "\(query.qid): label '\(label)' is not kind:value") }
                switch parts[0] {
                case "family":
                    guard let tickets = familyTickets[parts[1]] else {
                        throw BenchError(description: "\(query.qid): no demo ticket of family '\(parts[1])'")
                    }
                    for ticket in tickets { gains[ticket] = max(gains[ticket] ?? 0, 1) }
                    if let article = articles[parts[1]] ?? nil { gains[article] = 2 }
                case "article", "ticket":
                    gains[parts[1]] = 2
                default:
                    throw BenchError(description: "\(query.qid): unknown label kind '\(parts[0])'")
                }
            }
            rows += gains.sorted { $0.key < $1.key }.map { (query.qid, $0.key, $0.value) }
        }
        return rows
    }

    /// Writes `demo-qrels.tsv` from the labels.
    func writeQrels() throws {
        let text = "qid\tdocument\tgain\n" + (try expandedQrels()).map { "\($0.qid)\t\($0.document)\t\($0.gain)\n" }.joined()
        try Data(text.utf8).write(to: URL(fileURLWithPath: DemoRelevanceSet.qrelsPath))
    }

    /// The relevant documents of each query, read from `demo-qrels.tsv` after checking it matches the labels.
    func qrels() throws -> [String: [String: Double]] {
        let written = try DemoRelevanceSet.tsv(DemoRelevanceSet.qrelsPath)
        let expected = try expandedQrels()
        guard written.count == expected.count,
              zip(written, expected).allSatisfy({ $0 == [$1.qid, $1.document, String($1.gain)] }) else {
            throw BenchError(description: "\(DemoRelevanceSet.qrelsPath) does not match the labels of \(DemoRelevanceSet.queriesPath); run kb-bench relevance --write-qrels")
        }
        var relevant: [String: [String: Double]] = [:]
        for row in expected { relevant[row.qid, default: [:]][row.document] = Double(row.gain) }
        return relevant
    }

    /// Runs every query through `kb search` on the demo store and through plain FTS5 over the same documents.
    func run() throws -> [RelevanceRow] {
        let relevant = try qrels()
        let ticketLines = try String(contentsOfFile: DemoRelevanceSet.ticketsPath, encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let workspace = try BenchWorkspace(name: "demo", language: .spanish,
                                           copying: ["kb/articles", "kb/policy.json", "kb/synonyms.txt"], ticketLines: ticketLines)
        defer { workspace.close() }
        let baselines = try PlainFTS5Index.Tokenizer.allCases.map { try PlainFTS5Index(tokenizer: $0) }
        for line in ticketLines {
            let ticket = try Ticket(json: JSONParser().parse(line))
            let body = [ticket.description, ticket.resolution ?? "", ticket.rootCause ?? "", ticket.eventsText].joined(separator: "\n")
            for index in baselines { try index.add(id: ticket.id, title: ticket.title, body: body) }
        }
        for entry in try ArticleScanner.entries(root: workspace.root) {
            let article = try Article.parse(file: entry.read())
            for index in baselines { try index.add(id: article.id, title: article.title, body: article.body) }
        }
        for index in baselines { try index.finish() }

        var kb = RankingMetrics()
        var plain = baselines.map { _ in RankingMetrics() }
        var kbByKind: [String: RankingMetrics] = [:]
        var plainByKind: [String: RankingMetrics] = [:]
        var filters = SearchFilters()
        filters.limit = 10
        for query in queries {
            let judged = relevant[query.qid] ?? [:]
            let ranking = try workspace.engine.search(query.text, filters: filters).results.map(\.id)
            kb.add(ranking: ranking, relevant: judged)
            kbByKind[query.kind, default: RankingMetrics()].add(ranking: ranking, relevant: judged)
            for (index, baseline) in baselines.enumerated() {
                let plainRanking = try baseline.search(query.text)
                plain[index].add(ranking: plainRanking, relevant: judged)
                if index == 0 { plainByKind[query.kind, default: RankingMetrics()].add(ranking: plainRanking, relevant: judged) }
            }
        }
        var rows = [RelevanceRow(set: "demo", system: "kb", metrics: kb)]
        rows += zip(baselines, plain).map { RelevanceRow(set: "demo", system: $0.tokenizer.label, metrics: $1) }
        for kind in kbByKind.keys.sorted() {
            rows.append(RelevanceRow(set: "demo:" + kind, system: "kb", metrics: kbByKind[kind]!))
            rows.append(RelevanceRow(set: "demo:" + kind, system: PlainFTS5Index.Tokenizer.unicode61.label, metrics: plainByKind[kind]!))
        }
        return rows
    }

    /// Prints each problem family with its article and demo tickets, then the one-off tickets: the labelling aid.
    static func printFamilies() throws {
        var byFamily: [String: [String]] = [:]
        var oneOffs: [String] = []
        let lines = try String(contentsOfFile: ticketsPath, encoding: .utf8).split(separator: "\n")
        for (index, line) in lines.enumerated() {
            let ticket = try Ticket(json: JSONParser().parse(String(line)))
            if let family = generator.family(ofTicketAt: index) {
                byFamily[family, default: []].append(ticket.id)
            } else {
                oneOffs.append("\(ticket.id)  [\(ticket.service ?? "-")] \(ticket.title)")
            }
        }
        for family in TicketGenerator.families {
            let tickets = byFamily[family.id] ?? []
            print("\(family.id)  \(family.article ?? "-")  \(tickets.count) tickets: \(family.summary)")
            print("  " + tickets.joined(separator: " "))
        }
        print("one-off tickets:")
        for line in oneOffs { print("  " + line) }
    }

    /// Rows of a tab-separated file after its header line.
    static func tsv(_ path: String) throws -> [[String]] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: true).dropFirst().map {
            $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        }
    }
}

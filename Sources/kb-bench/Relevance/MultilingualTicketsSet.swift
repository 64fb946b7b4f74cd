import Foundation
import KBCore

/// Tobias Bueck's multilingual customer-support tickets (Kaggle / Hugging Face `Tobi-Bueck/customer-support-tickets`,
/// CC BY-NC 4.0): subject, body, answer, queue, language. Every row becomes a closed ticket (title = subject,
/// description = body, resolution = answer, service = queue), no language given: kb detects it. For each ticket of
/// a language, is its most similar other ticket (kb's intake path, `kb suggest` with the ticket's own text) in the
/// same queue? Plain FTS5 answers with an OR of the ticket's words over the same tickets.
struct MultilingualTicketsSet {
    let file: URL

    static let name = "multilingual"
    /// The file names the dataset is published under, most Spanish tickets first.
    static let fileNames = [
        "dataset-tickets-multi-lang3-4k.csv", "dataset-tickets-multi-lang-4-20k.csv",
        "aa_dataset-tickets-multi-lang-5-2-50-version.csv",
    ]

    struct Row {
        let id: String
        let subject: String
        let body: String
        let queue: String
        let language: String
    }

    func run(languages: [String] = ["es", "en"]) throws -> [RelevanceRow] {
        let table = try CSVTable(path: file.path)
        var rows: [Row] = []
        for (index, values) in table.rows.enumerated() {
            let body = table.value(values, "body")
            let subject = table.value(values, "subject")
            let queue = table.value(values, "queue")
            guard !queue.isEmpty, !(subject + body).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { continue }
            let id = "M-" + String(index + 1).leftPadded(5).replacingOccurrences(of: " ", with: "0")
            rows.append(Row(id: id, subject: subject, body: body, queue: queue, language: table.value(values, "language")))
        }
        let baselines = try PlainFTS5Index.Tokenizer.allCases.map { try PlainFTS5Index(tokenizer: $0) }
        var lines: [String] = []
        var queueOf: [String: String] = [:]
        for row in rows {
            queueOf[row.id] = row.queue
            let title = row.subject.isEmpty ? String(row.body.prefix(80)) : row.subject
            lines.append(BenchWorkspace.TicketLine(id: row.id, title: title, description: row.body, service: row.queue).json)
            for baseline in baselines { try baseline.add(id: row.id, title: row.subject, body: row.body) }
        }
        for baseline in baselines { try baseline.finish() }
        let workspace = try BenchWorkspace(name: MultilingualTicketsSet.name, language: .spanish, ticketLines: lines)
        defer { workspace.close() }
        var result: [RelevanceRow] = []
        for language in languages {
            let chosen = rows.filter { $0.language == language }
            guard !chosen.isEmpty else { continue }
            var kbAgree = 0
            var plainAgree = baselines.map { _ in 0 }
            for row in chosen {
                let request = IntakeRequest(title: row.subject, description: row.body, receivedAt: Timestamp(seconds: 1_767_225_600),
                                            ticketID: row.id)
                let similar = try workspace.suggester.suggest(request).solutions.first { $0.type == .ticket }
                if let similar, queueOf[similar.id] == row.queue { kbAgree += 1 }
                for (index, baseline) in baselines.enumerated() {
                    if let top = try baseline.search(row.subject + "\n" + row.body, limit: 1, excluding: row.id).first,
                       queueOf[top] == row.queue { plainAgree[index] += 1 }
                }
            }
            let label = "\(MultilingualTicketsSet.name) \(language) (queue)"
            let share = { (count: Int) in Double(count) / Double(chosen.count) }
            result.append(RelevanceRow(set: label, system: "kb", queries: chosen.count, agreement: share(kbAgree)))
            for (baseline, agree) in zip(baselines, plainAgree) {
                result.append(RelevanceRow(set: label, system: baseline.tokenizer.label, queries: chosen.count, agreement: share(agree)))
            }
        }
        return result
    }
}

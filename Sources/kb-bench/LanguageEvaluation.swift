import Foundation
import KBCore

/// `kb-bench language`: the accuracy of kb's language detector on labelled public text, by source and length; with
/// `--write-trigrams`, writes the detector's trigram table from the Snowball vocabularies.
struct LanguageEvaluation {
    let dataDirectory: URL
    let sharedDirectory: URL
    let writeTrigrams: Bool

    static let trigramFile = "Sources/KBCore/Text/LanguageDetector+TrigramData.swift"
    /// Most frequent trigrams kept per language.
    static let trigramsPerLanguage = 400

    init(arguments: [String]) throws {
        var rest = arguments
        writeTrigrams = rest.contains("--write-trigrams")
        rest.removeAll { $0 == "--write-trigrams" }
        let parsed = try BenchArguments(rest, allowed: ["--data", "--shared"])
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        dataDirectory = parsed.value("--data").map { URL(fileURLWithPath: $0) }
            ?? current.appendingPathComponent("../relevance-data").standardizedFileURL
        sharedDirectory = parsed.value("--shared").map { URL(fileURLWithPath: $0) }
            ?? current.appendingPathComponent("../shared/testdata").standardizedFileURL
    }

    func run() throws {
        if writeTrigrams { return try writeTrigramTable() }
        var samples: [(source: String, text: String, expected: Language?)] = []
        // Our own demo tickets: Spanish.
        for line in try String(contentsOfFile: "kb/demo/tickets.jsonl", encoding: .utf8).split(separator: "\n") {
            let ticket = try Ticket(json: JSONParser().parse(String(line)))
            samples.append(("demo ticket titles (es)", ticket.title, .spanish))
            samples.append(("demo ticket descriptions (es)", ticket.description, .spanish))
        }
        for (set, language) in [("xquad-es", Language.spanish), ("xquad-en", .english)] {
            let folder = sharedDirectory.appendingPathComponent("retrieval/" + set)
            guard FileManager.default.fileExists(atPath: folder.path) else { continue }
            for row in try DemoRelevanceSet.tsv(folder.appendingPathComponent("queries.tsv").path) where row.count >= 2 {
                samples.append(("\(set) questions", row[1], language))
            }
            for row in try DemoRelevanceSet.tsv(folder.appendingPathComponent("corpus.tsv").path) where row.count >= 3 {
                samples.append(("\(set) paragraphs", row[2], language))
            }
        }
        let banking = dataDirectory.appendingPathComponent("banking77/test.csv")
        if FileManager.default.fileExists(atPath: banking.path) {
            let table = try CSVTable(path: banking.path)
            for row in table.rows { samples.append(("banking77 messages (en)", table.value(row, "text"), .english)) }
        }
        let folder = dataDirectory.appendingPathComponent("multilingual-tickets")
        if let file = MultilingualTicketsSet.fileNames.map({ folder.appendingPathComponent($0) })
            .first(where: { FileManager.default.fileExists(atPath: $0.path) }) {
            let table = try CSVTable(path: file.path)
            for row in table.rows {
                let code = table.value(row, "language")
                guard !code.isEmpty else { continue }
                let expected = Language(rawValue: code)
                let label = expected == nil ? "other" : code
                samples.append(("multilingual bodies (\(label))", table.value(row, "body"), expected))
                let subject = table.value(row, "subject")
                if !subject.isEmpty { samples.append(("multilingual subjects (\(label))", subject, expected)) }
            }
        }
        let english = dataDirectory.appendingPathComponent("customer-support-tickets/customer_support_tickets.csv")
        if FileManager.default.fileExists(atPath: english.path) {
            let table = try CSVTable(path: english.path)
            for row in table.rows {
                samples.append(("kaggle ticket descriptions (en)", table.value(row, "Ticket Description"), .english))
            }
        }
        var bySource: [String: (right: Int, total: Int)] = [:]
        var byLength: [String: (right: Int, total: Int)] = [:]
        var right = 0
        let start = DispatchTime.now().uptimeNanoseconds
        var bytes = 0
        for sample in samples {
            let found = LanguageDetector.detect(sample.text)
            let correct = found == sample.expected
            bytes += sample.text.utf8.count
            if correct { right += 1 }
            let words = sample.text.split(whereSeparator: { $0 == " " || $0 == "\n" }).count
            let length = words <= 3 ? "1-3 words" : words <= 10 ? "4-10 words" : words <= 40 ? "11-40 words" : "over 40 words"
            bySource[sample.source, default: (0, 0)].total += 1
            byLength[length, default: (0, 0)].total += 1
            if correct {
                bySource[sample.source, default: (0, 0)].right += 1
                byLength[length, default: (0, 0)].right += 1
            }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        print("source                                   texts  accuracy")
        for (source, score) in bySource.sorted(by: { $0.key < $1.key }) { print(line(source, score)) }
        for (length, score) in byLength.sorted(by: { $0.key < $1.key }) { print(line("length " + length, score)) }
        print(line("all", (right, samples.count)))
        print(String(format: "%.1f MB/s", locale: Locale(identifier: "en_US_POSIX"), Double(bytes) / 1e6 / max(seconds, 1e-9)))
    }

    private func line(_ name: String, _ score: (right: Int, total: Int)) -> String {
        name.padding(toLength: 40, withPad: " ", startingAt: 0) + String(score.total).leftPadded(6)
            + String(format: "  %.4f", locale: Locale(identifier: "en_US_POSIX"), Double(score.right) / Double(max(score.total, 1)))
    }

    /// Counts the trigrams of every word of both vocabularies and writes the weights of the most frequent ones.
    private func writeTrigramTable() throws {
        func counts(_ name: String) throws -> [String: Int] {
            let path = sharedDirectory.appendingPathComponent("snowball/" + name).path
            var counts: [String: Int] = [:]
            for word in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") {
                let characters = Array("^" + word.lowercased() + "$")
                guard characters.count >= 3 else { continue }
                for index in 0...(characters.count - 3) { counts[String(characters[index..<index + 3]), default: 0] += 1 }
            }
            return counts
        }
        let spanish = try counts("spanish_voc.txt")
        let english = try counts("english_voc.txt")
        func top(_ counts: [String: Int]) -> [String] {
            counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(Self.trigramsPerLanguage).map(\.key)
        }
        let kept = Set(top(spanish) + top(english)).filter { $0.utf8.count <= 8 }.sorted()
        let spanishTotal = Double(spanish.values.reduce(0, +) + kept.count)
        let englishTotal = Double(english.values.reduce(0, +) + kept.count)
        let entries = kept.map { trigram -> String in
            let ratio = log(Double((spanish[trigram] ?? 0) + 1) / spanishTotal / (Double((english[trigram] ?? 0) + 1) / englishTotal))
            return trigram + " " + String(format: "%.2f", locale: Locale(identifier: "en_US_POSIX"), min(3, max(-3, ratio)))
        }
        var lines: [String] = []
        var index = 0
        while index < entries.count {
            lines.append("        " + entries[index..<min(index + 10, entries.count)].joined(separator: " "))
            index += 10
        }
        let text = """
            // Generated by `kb-bench language --write-trigrams` from ../shared/testdata/snowball/{spanish,english}_voc.txt
            // (Snowball's vocabularies, BSD-3-Clause): trigram, then ln(P(es) / P(en)) clamped to ±3. Do not edit.

            extension LanguageDetector.Trigrams {
                static let trigramData = \"\"\"
            \(lines.joined(separator: "\n"))
                    \"\"\"
            }

            """
        try Data(text.utf8).write(to: URL(fileURLWithPath: Self.trigramFile))
        print("wrote \(Self.trigramFile): \(kept.count) trigrams")
    }
}

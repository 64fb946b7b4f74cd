import Foundation
import KBCore

/// `kb-bench relevance`: kb against plain FTS5 on labelled sets — the demo set kept in this repository, public
/// helpdesk data under `--data` (each set skipped, saying so, when its files are absent) and the retrieval sets.
struct RelevanceBenchmark {
    let dataDirectory: URL
    let retrievalDirectory: URL
    let sets: [String]
    let action: Action

    enum Action {
        case measure, writeQrels, listFamilies
    }

    static let allSets = ["demo", "banking77", "multilingual", "english-tickets", "retrieval"]

    init(arguments: [String]) throws {
        var rest = arguments
        var action = Action.measure
        if let flag = rest.firstIndex(of: "--write-qrels") {
            action = .writeQrels
            rest.remove(at: flag)
        } else if let flag = rest.firstIndex(of: "--families") {
            action = .listFamilies
            rest.remove(at: flag)
        }
        self.action = action
        let parsed = try BenchArguments(rest, allowed: ["--data", "--set", "--retrieval-data"])
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        dataDirectory = parsed.value("--data").map { URL(fileURLWithPath: $0) }
            ?? current.appendingPathComponent("../relevance-data").standardizedFileURL
        retrievalDirectory = parsed.value("--retrieval-data").map { URL(fileURLWithPath: $0) }
            ?? current.appendingPathComponent("../shared/testdata/retrieval").standardizedFileURL
        sets = parsed.all("--set").isEmpty ? RelevanceBenchmark.allSets : parsed.all("--set")
        for set in sets where !RelevanceBenchmark.allSets.contains(set) {
            throw BenchError(description: "unknown set '\(set)'; sets: " + RelevanceBenchmark.allSets.joined(separator: ", "))
        }
    }

    func run() throws {
        switch action {
        case .writeQrels:
            try DemoRelevanceSet().writeQrels()
            print("wrote \(DemoRelevanceSet.qrelsPath)")
            return
        case .listFamilies:
            try DemoRelevanceSet.printFamilies()
            return
        case .measure:
            break
        }
        print(RelevanceRow.header)
        var notes: [String] = []
        for set in sets {
            switch set {
            case "demo":
                print(try DemoRelevanceSet().run().map(\.line).joined(separator: "\n"))
            case "banking77":
                let folder = dataDirectory.appendingPathComponent("banking77")
                guard exists(folder.appendingPathComponent("train.csv")), exists(folder.appendingPathComponent("test.csv")) else {
                    notes.append("banking77: skipped, no \(folder.path)/{train,test}.csv (see Sources/kb-bench/Relevance/README.md)")
                    continue
                }
                for language in [Language.english, .spanish] {
                    print(try Banking77Set(folder: folder).run(workspaceLanguage: language).map(\.line).joined(separator: "\n"))
                }
            case "multilingual":
                let folder = dataDirectory.appendingPathComponent("multilingual-tickets")
                guard let file = MultilingualTicketsSet.fileNames.map({ folder.appendingPathComponent($0) }).first(where: exists) else {
                    notes.append("multilingual: skipped, none of \(MultilingualTicketsSet.fileNames.joined(separator: ", ")) in \(folder.path)")
                    continue
                }
                print(try MultilingualTicketsSet(file: file).run().map(\.line).joined(separator: "\n"))
                notes.append("multilingual: \(file.lastPathComponent)")
            case "english-tickets":
                let file = dataDirectory.appendingPathComponent("customer-support-tickets/customer_support_tickets.csv")
                guard exists(file) else {
                    notes.append("english-tickets: skipped, no \(file.path)")
                    continue
                }
                notes += try EnglishTicketsCheck(file: file).run()
            default:
                guard exists(retrievalDirectory) else {
                    notes.append("retrieval: skipped, no \(retrievalDirectory.path)")
                    continue
                }
                let benchmark = RetrievalBenchmark(dataDirectory: retrievalDirectory, sets: RetrievalBenchmark.defaultSets)
                for name in benchmark.sets {
                    let score = try benchmark.evaluate(set: name)
                    print(RelevanceRow(set: "retrieval " + name, system: "kb", metrics: score.metrics).line)
                }
            }
        }
        for note in notes { print(note) }
    }

    private func exists(_ url: URL) -> Bool {
        FileManager.default.fileExists(atPath: url.path)
    }
}

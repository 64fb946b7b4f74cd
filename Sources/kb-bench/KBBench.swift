import Foundation

/// `kb-bench`: retrieval quality and speed measurements (run with `swift run -c release kb-bench …`).
@main
struct KBBench {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            switch arguments.first {
            case "retrieval":
                try RetrievalBenchmark(arguments: Array(arguments.dropFirst())).run()
            case "relevance":
                try RelevanceBenchmark(arguments: Array(arguments.dropFirst())).run()
            case "language":
                try LanguageEvaluation(arguments: Array(arguments.dropFirst())).run()
            case "suggest-eval":
                try SuggestEvaluation(arguments: Array(arguments.dropFirst())).run()
            case "search-profile":
                try SearchProfile(arguments: Array(arguments.dropFirst())).run()
            case "recent":
                try RecentBenchmark(arguments: Array(arguments.dropFirst())).run()
            case "-h", "--help", nil:
                print(usage)
            default:
                try ScaleBenchmark(arguments: arguments).run()
            }
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            exit(1)
        }
    }

    static let usage = """
        OVERVIEW: Measures kb's retrieval quality and speed.

        USAGE: kb-bench relevance [--data DIR] [--set NAME ...] [--retrieval-data DIR] [--write-qrels | --families]
               kb-bench retrieval [--data DIR] [--set NAME ...]
               kb-bench language [--data DIR] [--shared DIR] [--write-trigrams]
               kb-bench suggest-eval [--tickets N] [--hold-out-every K]
               kb-bench search-profile --work DIR [--loops N] [--worst N]
               kb-bench recent --work DIR [--runs N] [--limit N]
               kb-bench [--tickets N] [--runs N] [--work DIR] [--synonyms FILE] [--exactness-queries N] [--exactness-skip N]
                        [--reuse [--search-only [--exactness-only]] | --import-only]

        SUBCOMMANDS:
          relevance     MRR@10, nDCG@10, success@5 and top-1 of kb and plain FTS5 on the demo set, BANKING77, the
                        multilingual helpdesk tickets (queue agreement) and English tickets under --data DIR
                        (default ../relevance-data; absent sets are skipped), and the retrieval sets.
          language      Accuracy of the language detector on labelled public text, by source and length.
          retrieval     MRR@10 and nDCG@10 on ../shared/testdata/retrieval (xquad-es, xquad-en, cranfield).
          suggest-eval  Share of held-out family tickets whose top 3 suggestions hold the same family.
          search-profile  CPU time per query of each search phase, on the store a scale run left in --work DIR.
          recent        kb search --sort recent against plain FTS5's newest matches (median ms, matches), per
                        query, on the store and raw FTS5 file in --work DIR, read only.
          (default)     Import, search, suggest, review, automations and index timings against raw FTS5 and
                        tantivy (scripts/tantivy-bench.py, skipped without python3 and its tantivy module);
                        --reuse keeps the tickets and databases an earlier run left in --work (no import);
                        --search-only then measures search, exactness and recall only; --exactness-only
                        only kb's exactness (--exactness-queries of the 1,000 queries, 500 by default, after
                        the first --exactness-skip) and planted-target recall with the 50k reference, without
                        raw FTS5 or tantivy; --import-only measures the import alone, --runs times with kb and
                        raw FTS5 in turn (on the tickets already in --work when it holds N).
        """
}

/// A usage problem with the benchmark's own arguments.
struct BenchError: Error, CustomStringConvertible {
    let description: String
}

/// Reads `--name value` pairs.
struct BenchArguments {
    let values: [String: [String]]

    init(_ arguments: [String], allowed: Set<String>) throws {
        var values: [String: [String]] = [:]
        var index = 0
        while index < arguments.count {
            let name = arguments[index]
            guard allowed.contains(name), index + 1 < arguments.count else {
                throw BenchError(description: "unexpected argument '\(name)'; see kb-bench --help")
            }
            values[name, default: []].append(arguments[index + 1])
            index += 2
        }
        self.values = values
    }

    func value(_ name: String) -> String? { values[name]?.last }
    func all(_ name: String) -> [String] { values[name] ?? [] }
    func int(_ name: String, _ fallback: Int) throws -> Int {
        guard let text = value(name) else { return fallback }
        guard let number = Int(text.replacingOccurrences(of: "_", with: "")), number > 0 else {
            throw BenchError(description: "\(name) needs a positive whole number")
        }
        return number
    }
}

import Foundation

extension KnowledgeBase {
    /// Ranked tickets and articles for `request`.
    public func search(_ request: SearchRequest) throws -> SearchResponse {
        try searchEngine().search(request.query, mode: request.mode, filters: request.filters)
    }

    /// Runs every `qid<TAB>query` line of the file at `path` with `mode` and `filters`, in file order, handing each
    /// answer to `answer`; a first line `qid<TAB>…` is a header and skipped, empty lines are skipped.
    ///
    /// A line that is no query (too long, no tab) goes to `problem` with its number and reason, and the others still
    /// run. Returns how many lines were problems.
    @discardableResult
    public func searchBatch(path: String, mode: QueryMode, filters: SearchFilters,
                            answer: (BatchSearchAnswer) -> Void, problem: (_ line: Int, _ reason: String) -> Void) throws -> Int {
        let engine = try searchEngine()
        let reader = try LineReader(path: path)
        var problems = 0
        try reader.forEachLine { number, line in
            guard case .text(let bytes) = line else {
                problem(number, "line too long")
                problems += 1
                return true
            }
            let text = String(decoding: bytes, as: UTF8.self)
            guard !text.isEmpty else { return true }
            guard let tab = text.firstIndex(of: "\t") else {
                problem(number, "expected qid<TAB>query")
                problems += 1
                return true
            }
            let qid = String(text[..<tab])
            if number == 1 && qid == "qid" { return true }
            let response = try engine.search(String(text[text.index(after: tab)...]), mode: mode, filters: filters)
            answer(BatchSearchAnswer(qid: qid, ids: response.results.map(\.id)))
            return true
        }
        return problems
    }
}

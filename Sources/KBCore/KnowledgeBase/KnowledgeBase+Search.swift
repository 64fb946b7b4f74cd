import Foundation

extension KnowledgeBase {
    /// Ranked (or newest first, `request.order`) tickets and articles for `request`.
    ///
    /// Filter values are resolved against the store first (`resolved(_:)`): one that names nothing is an
    /// `UnknownFilterValueError`. A query with no word to look for is `SearchQueryError.nothingSearchable`.
    public func search(_ request: SearchRequest) throws -> SearchResponse {
        let filters = try resolved(request.filters)
        try checkSearchable(request.query)
        return try searchEngine().search(request.query, mode: request.mode, filters: filters, order: request.order)
    }

    /// Throws `SearchQueryError.nothingSearchable` unless `query` has a word that is not a function word of the
    /// store's language: searching for "a" or "!!" would rank documents by nothing.
    public func checkSearchable(_ query: String) throws {
        let engine = try searchEngine()
        guard engine.builder.words(in: query).contains(where: { !engine.isFunctionWord($0) }) else {
            throw SearchQueryError.nothingSearchable(query: query)
        }
    }

    /// Runs every `qid<TAB>query` line of `file` with `mode`, `filters` and `order`, in file order, handing each answer to
    /// `answer`; a first line `qid<TAB>…` is a header and skipped, empty lines are skipped.
    ///
    /// A line that is no query (too long, no tab, nothing searchable) goes to `problem` as a diagnostic placed at
    /// the file's line, and the others still run. Returns how many lines were problems. The filters are resolved once, before the
    /// first line: an unknown value throws.
    @discardableResult
    public func searchBatch(file: UserFile, mode: QueryMode, filters: SearchFilters, order: SearchOrder = .relevance,
                            answer: (BatchSearchAnswer) -> Void, problem: (Diagnostic) -> Void) throws -> Int {
        let engine = try searchEngine()
        let filters = try resolved(filters)
        let reader = try LineReader(handle: try file.open())
        var problems = 0
        func report(_ line: Int, _ reason: String) {
            problem(Diagnostic(.error, reason, at: Diagnostic.Location(path: file.displayPath, line: line)))
        }
        try reader.forEachLine { number, line in
            guard case .text(let bytes) = line else {
                report(number, "line too long")
                problems += 1
                return true
            }
            let text = String(decoding: bytes, as: UTF8.self)
            guard !text.isEmpty else { return true }
            guard let tab = text.firstIndex(of: "\t") else {
                report(number, "expected qid<TAB>query")
                problems += 1
                return true
            }
            let qid = String(text[..<tab])
            if number == 1 && qid == "qid" { return true }
            let query = String(text[text.index(after: tab)...])
            do {
                try checkSearchable(query)
            } catch {
                report(number, "\(error)")
                problems += 1
                return true
            }
            let response = try engine.search(query, mode: mode, filters: filters, order: order)
            answer(BatchSearchAnswer(qid: qid, ids: response.results.map(\.id)))
            return true
        }
        return problems
    }
}

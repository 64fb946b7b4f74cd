extension ArticleDraft: JSONEncodable {
    /// `{"id","path","ticket","title","language","written","covered_by":[{"id","title","state","path","reason"}]}`: where
    /// the draft went (its text is the file) and which existing articles already cover the problem.
    public func write(to writer: inout JSONWriter) {
        let covering = coveredBy.map {
            JSONObject(("id", $0.id), ("title", $0.title), ("state", $0.state), ("path", $0.path), ("reason", $0.reason.rawValue))
        }
        writer.object(("id", id), ("path", path), ("ticket", ticketID), ("title", title), ("language", language.rawValue),
                      ("written", written), ("covered_by", covering))
    }
}

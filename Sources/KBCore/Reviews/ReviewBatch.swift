/// The reviews of a period with their summary and index, as the files `kb review --since` writes.
public struct ReviewBatch: Sendable {
    public var reviews: [Review]
    public var summary: PeriodSummary
    /// Ticket id → review file name.
    public var fileNames: [String: String]
    public var format: ReviewFormat

    /// Names every review's file (`T-1042.md`; characters unsafe in file names become `_`) and summarises them.
    public init(reviews: [Review], since: Timestamp, until: Timestamp, language: Language, generatedAt: Timestamp,
                format: ReviewFormat) {
        var used: Set<String> = ["index", "summary"]
        var names: [String: String] = [:]
        for review in reviews.sorted(by: { $0.ticket.id < $1.ticket.id }) {
            let base = ReviewBatch.safeName(review.ticket.id)
            var name = base
            var suffix = 2
            while !used.insert(name.lowercased()).inserted {
                name = base + "-" + String(suffix)
                suffix += 1
            }
            names[review.ticket.id] = name + "." + format.fileExtension
        }
        self.reviews = reviews
        self.fileNames = names
        self.format = format
        summary = PeriodSummary(reviews: reviews, since: since, until: until, language: language, generatedAt: generatedAt,
                                fileNames: names)
    }

    /// The summary's file name.
    public var summaryFileName: String { "summary." + format.fileExtension }
    /// The index's file name.
    public var indexFileName: String { "index." + format.fileExtension }

    /// Every file: the reviews (by file name), then the summary and the index.
    public func documents(renderer: ReviewRenderer) throws -> [ReviewDocument] {
        var documents: [ReviewDocument] = []
        for review in reviews.sorted(by: { fileNames[$0.ticket.id]! < fileNames[$1.ticket.id]! }) {
            documents.append(ReviewDocument(fileName: fileNames[review.ticket.id]!,
                                            text: try renderer.render(review, format: format)))
        }
        documents.append(ReviewDocument(fileName: summaryFileName, text: try renderer.render(summary, format: format)))
        documents.append(ReviewDocument(fileName: indexFileName, text: try renderer.renderIndex(summary, format: format)))
        return documents
    }

    /// Letters, digits, `-`, `_` and `.` kept (a leading dot is not); anything else becomes `_`.
    static func safeName(_ id: String) -> String {
        var name = String(id.unicodeScalars.map { scalar -> Character in
            let value = scalar.value
            let safe = (48...57).contains(value) || (65...90).contains(value) || (97...122).contains(value)
                || value == 45 || value == 95 || value == 46
            return safe ? Character(scalar) : "_"
        })
        if name.hasPrefix(".") { name = "_" + name.dropFirst() }
        return name.isEmpty ? "_" : String(name.prefix(120))
    }
}

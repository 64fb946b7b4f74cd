import KBCore

extension PeriodReviewResult {
    /// `wrote 3 reviews, summary.md and index.md to DIR (2 timeline warnings)`.
    func writtenLine(folder: String) -> String {
        let count = batch.reviews.count
        return "wrote \(count) review\(count == 1 ? "" : "s"), \(batch.summaryFileName) and \(batch.indexFileName) to "
            + "\(folder) (\(warningCount) timeline warning\(warningCount == 1 ? "" : "s"))"
    }
}

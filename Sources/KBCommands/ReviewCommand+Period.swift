import Foundation
import KBCore

extension ReviewCommand {
    /// What `--since` allows: no ticket ID, md or html, the internal audience, and a folder to write to.
    func validatePeriod() throws {
        if id != nil { throw UsageError("give either a ticket ID or --since DATE, not both") }
        if format.resolved == .json { throw UsageError("--since writes md or html files; --format json reviews one ticket") }
        if audience != .internal { throw UsageError("--audience customer reviews one ticket; a period's reviews are internal") }
        if templateData.templateData { return }
        if output.out == nil { throw UsageError("--since needs --out DIR, the folder to write the reviews to") }
        if output.isStandardOutput { throw UsageError("--since writes several files; give --out a folder, not '-'") }
    }

    /// `kb review --since DATE`: every closed severity 1-2 ticket of the period reviewed into a folder with a period
    /// summary and an index, or with --template-data the summary's template data.
    func reviewPeriod(since: Timestamp, into destination: OutputDestination?, _ knowledgeBase: KnowledgeBase,
                      _ context: CommandContext) throws -> Int32 {
        let result = try knowledgeBase.reviewPeriod(PeriodReviewRequest(since: since, until: until, language: language.language,
                                                                        format: format.resolved))
        context.endProgress()
        if templateData.templateData {
            templateData.print(result.batch.summary.templateValue(format: format.resolved), to: context)
            return KB.success
        }
        guard let destination else { throw UsageError("--since needs --out DIR, the folder to write the reviews to") }
        try destination.write(documents: result.documents.map { ($0.fileName, $0.text) })
        context.stdout.line(result.writtenLine(folder: destination.displayPath))
        return KB.success
    }
}

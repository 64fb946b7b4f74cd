/// What the readers of one import share: its settings, the time zones already looked up, and how the store analyses
/// text (so the JSON Lines reader can analyse records ahead of the writer).
struct ImportContext {
    let settings: ImportSettings
    let timeZones: ImportRecordChecks
    /// The store's analyzer language (for records of no language of their own) and its term sources per language; nil when nothing will be written (a dry run).
    let analysis: (language: Language, termSources: [Language: TermSource])?
}

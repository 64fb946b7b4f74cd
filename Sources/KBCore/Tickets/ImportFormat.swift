/// The ticket file formats `kb import` reads.
public enum ImportFormat: String, Sendable, CaseIterable {
    /// kb's native JSON Lines: one ticket object per line.
    case jsonl
    /// A helpdesk's CSV export, read through a `CSVMapping`.
    case csv
    /// Zendesk's ticket export: `{"tickets": […]}` (incremental export pages too) or JSON Lines of ticket objects.
    case zendesk
}

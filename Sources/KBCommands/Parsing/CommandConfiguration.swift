/// A command's name and the texts of its help; its options come from its properties.
struct CommandConfiguration: Sendable {
    var name: String
    /// One sentence ending with a period.
    var abstract: String
    var discussion: String?
    /// Usage examples shown under EXAMPLES.
    var examples: [String]

    init(name: String, abstract: String, discussion: String? = nil, examples: [String] = []) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.examples = examples
    }
}

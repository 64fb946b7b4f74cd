extension Workspace {
    /// The templates with the words of `language`: the workspace's `templates/NAME.mustache` files over the
    /// built-in defaults, one template per document and format whatever the language. A template linked out of
    /// the workspace is refused.
    public func templates(language: Language) throws -> TemplateSet {
        try TemplateSet(directories: [templatesDirectory.path], builtIn: BuiltInTemplates.sources, words: language.catalogue,
                        confinement: confinement)
    }
}

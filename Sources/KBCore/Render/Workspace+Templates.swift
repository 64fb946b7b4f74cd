extension Workspace {
    /// The templates of a language: the workspace's `templates/LANG/` files over the built-in defaults.
    public func templates(language: String) throws -> TemplateSet {
        try TemplateSet(directories: [templatesDirectory.appendingPathComponent(language).path],
                        builtIn: BuiltInTemplates.sources(language: language), confinement: confinement)
    }
}

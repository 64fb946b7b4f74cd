import KBCore

/// `--lang es|en`: the language of a document; left out, the workspace's (its policy's).
struct LanguageOption: ParsableArguments {
    @Option(name: "--lang", valueName: "LANG", help: "Document language (default: the workspace's).")
    var language: Language?
}

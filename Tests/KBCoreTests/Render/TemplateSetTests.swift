import Foundation
import Testing
@testable import KBCore

@Suite struct TemplateSetTests {
    /// A fresh directory tree: `workspace/` overriding `builtin/`.
    private func makeDirectories() throws -> (root: URL, workspace: String, builtIn: String) {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("kb-template-set-\(UUID().uuidString)")
        let workspace = root.appendingPathComponent("workspace")
        let builtIn = root.appendingPathComponent("builtin")
        try FileManager.default.createDirectory(at: workspace.appendingPathComponent("partials"),
                                                withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: builtIn.appendingPathComponent("partials"),
                                                withIntermediateDirectories: true)
        func write(_ text: String, _ url: URL, _ path: String) throws {
            try Data(text.utf8).write(to: url.appendingPathComponent(path))
        }
        try write("# {{title}}\n{{> partials/footer}}\n", builtIn, "review.mustache")
        try write("builtin footer\n", builtIn, "partials/footer.mustache")
        try write("builtin summary", builtIn, "summary.mustache")
        try write("\u{FEFF}custom footer for {{title}}\n", workspace, "partials/footer.mustache")
        try write("{{#broken}}", workspace, "summary.mustache")
        try write("ignored", workspace, "notes.txt")
        try write("hidden", workspace, ".hidden.mustache")
        return (root, workspace.path, builtIn.path)
    }

    @Test func workspaceTemplatesOverrideBuiltInOnes() throws {
        let dirs = try makeDirectories()
        defer { try? FileManager.default.removeItem(at: dirs.root) }
        let set = try TemplateSet(directory: dirs.workspace, fallback: dirs.builtIn)
        #expect(set.names == ["partials/footer", "review", "summary"])
        #expect(try set.render("review", context: ["title": "Caída <portal>"])
            == "# Caída &lt;portal&gt;\ncustom footer for Caída &lt;portal&gt;\n")
        #expect(set.path(named: "review") == dirs.builtIn + "/review.mustache")
    }

    @Test func errorsNameTheTemplateFile() throws {
        let dirs = try makeDirectories()
        defer { try? FileManager.default.removeItem(at: dirs.root) }
        let set = try TemplateSet(directories: [dirs.workspace, dirs.builtIn])
        #expect(throws: TemplateError.unclosedSection(name: dirs.workspace + "/summary.mustache",
                                                      line: 1, column: 1, section: "broken")) {
            try set.render("summary", context: [:])
        }
        #expect(throws: TemplateError.templateNotFound(name: "missing", directories: [dirs.workspace, dirs.builtIn])) {
            try set.template(named: "missing")
        }
    }

    @Test func builtInSourcesFillMissingNamesAndMissingDirectoriesAreSkipped() throws {
        let set = try TemplateSet(directories: ["/nonexistent/kb-templates"],
                                  builtIn: ["hello": "Hola {{name}}{{> sign}}", "sign": "."])
        #expect(try set.render("hello", context: ["name": "Ana"]) == "Hola Ana.")
        #expect(set.path(named: "hello") == nil)
    }
}

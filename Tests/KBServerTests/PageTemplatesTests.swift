import Foundation
import KBCore
import KBServer
import KBTestSupport
import Testing

/// A workspace made by an older kb holds that kb's copies of the web templates (`kb init` writes them): unchanged
/// copies give way to this kb's pages, changed ones are kept and named at start-up.
@Suite("web templates of an older workspace")
struct PageTemplatesTests {
    static func workspace(head: String?) throws -> (TemporaryDirectory, KnowledgeBase.Shared) {
        let directory = try TemporaryDirectory(prefix: "kb-page-templates")
        try directory.makeWorkspace()
        if let head { try directory.write("templates/web/head.html.mustache", head) }
        let workspace = Workspace(root: directory.url)
        return (directory, KnowledgeBase.Shared(workspace: workspace, policy: try workspace.loadPolicy()))
    }

    static let olderHead = "<!doctype html>\n<html lang=\"{{lang}}\"><head><title>{{page_title}}</title></head><body>\n"

    @Test func currentCopiesAreNeitherOutdatedNorCustomised() throws {
        let (directory, shared) = try Self.workspace(head: BuiltInTemplates.sources["web/head.html"])
        defer { _ = directory }
        let pages = PageTemplates(shared: shared)
        #expect(pages.outdated.isEmpty && pages.customised.isEmpty && pages.startupNotes.isEmpty)
    }

    @Test func anUnchangedOlderCopyGivesWayToThisKbsPage() throws {
        let (directory, shared) = try Self.workspace(head: Self.olderHead)
        defer { _ = directory }
        let hash = SHA256.hex(of: Array(Self.olderHead.utf8))
        let pages = PageTemplates(shared: shared, earlierVersions: ["web/head.html": [hash]])
        #expect(pages.outdated == ["web/head.html"] && pages.customised.isEmpty)
        #expect(try pages.templates(.spanish).source(named: "web/head.html") == BuiltInTemplates.sources["web/head.html"])
        #expect(try pages.templates(.english).source(named: "web/search.html") == BuiltInTemplates.sources["web/search.html"])
        #expect(pages.startupNotes.count == 1 && pages.startupNotes[0].contains("templates/web/head.html.mustache"))
    }

    @Test func aChangedCopyIsKeptAndNamed() throws {
        let (directory, shared) = try Self.workspace(head: Self.olderHead)
        defer { _ = directory }
        let pages = PageTemplates(shared: shared)
        #expect(pages.customised == ["web/head.html"] && pages.outdated.isEmpty)
        #expect(try pages.templates(.spanish).source(named: "web/head.html") == Self.olderHead)
        let note = try #require(pages.startupNotes.first)
        #expect(note.contains("warning") && note.contains("templates/web/head.html.mustache") && note.contains("delete"))
    }

    @Test func noEarlierVersionIsTheCurrentOne() {
        for (name, hashes) in PageTemplates.earlierVersions {
            let current = try! #require(BuiltInTemplates.sources[name])
            #expect(!hashes.contains(SHA256.hex(of: Array(current.utf8))), "\(name)")
        }
    }
}

import Testing
@testable import KBCore

@Suite struct InternalBlocksTests {
    private func scan(_ text: String) -> InternalBlocks.Scan {
        InternalBlocks.scan(ArticleMarkdown.lines(of: text, firstLine: 1))
    }

    @Test func removesWellFormedBlocksWithLooseSpelling() {
        let text = "a\n<!--internal-->\nSECRETO\n<!--  /INTERNAL  -->\nb\n<!-- Internal -->\nSECRETO\n<!-- / internal -->\nc"
        let result = scan(text)
        #expect(result.keptLines.map(\.text) == ["a", "b", "c"])
        #expect(result.keptLines.map(\.number) == [1, 5, 9])
        #expect(result.blocks == [.init(openLine: 2, closeLine: 4), .init(openLine: 6, closeLine: 8)])
        #expect(result.issues.isEmpty)
        #expect(InternalBlocks.remove(from: text) == "a\nb\nc")
    }

    @Test func otherCommentsAreNotMarkers() {
        let text = "<!-- nota -->\n<!-- describa el síntoma -->\nvisible <\\!-- internal --> texto"
        #expect(scan(text).keptLines.count == 3)
        #expect(scan(text).issues.isEmpty)
    }

    /// The marker in any spacing, case or line layout, also written with references, full-width letters or zero-width
    /// characters: the text between is hidden and the article is well-formed.
    @Test(arguments: [
        "a <!--\ninternal\n-->SECRETO<!--\n/internal\n--> b",
        "a <!-- INTERNAL -->SECRETO<!-- /Internal --> b",
        "a <!--internal-->SECRETO<!--/internal--> b",
        "a <!--\n  in ter nal \n-->\nSECRETO\n<!--\t/\n internal\t--> b",
        "a &lt;!-- internal --&gt;SECRETO&lt;!-- /internal --&gt; b",
        "a <!-- ｉｎｔｅｒｎａｌ -->SECRETO<!-- ／ｉｎｔｅｒｎａｌ --> b",
        "a <!-- inter\u{200B}nal -->SECRETO<!-- /inte\u{00AD}rnal --> b",
    ])
    func recognisesMarkersHoweverWritten(text: String) {
        let result = scan(text)
        let kept = result.keptLines.map(\.text).joined(separator: "\n")
        #expect(!kept.contains("SECRETO"), "\(kept)")
        #expect(kept.hasPrefix("a ") && kept.hasSuffix(" b"), "\(kept)")
        #expect(result.issues.isEmpty)
        #expect(result.blocks.count == 1)
    }

    /// A comment that mentions internal but is not a marker is an issue (and hidden); so is one never closed.
    @Test(arguments: [
        "<!-- internal note -->\nSECRETO",
        "<!-- interno -->\nSECRETO\n<!-- /interno -->",
        "<!-- internals -->",
        "<!-- internal: no publicar -->",
        "<!-- internal\nSECRETO",
        "<!-- end internal -->",
    ])
    func commentsMentioningInternalAreIssues(text: String) {
        let result = scan(text)
        #expect(result.issues.contains { $0.kind == .unrecognized }, "\(result.issues)")
        #expect(result.issues.first?.message.contains("comment mentions internal") == true)
    }

    @Test func unclosedBlockHidesEverythingAfterIt() {
        let result = scan("## Problema\nvisible\n<!-- internal -->\nSECRETO\n## Causa\nSECRETO")
        #expect(result.keptLines.map(\.text) == ["## Problema", "visible"])
        #expect(result.issues == [.init(kind: .unclosed, line: 3)])
        #expect(result.blocks == [.init(openLine: 3, closeLine: nil)])
    }

    @Test func nestedBlockEndsOnlyWhenEveryOpenerIsClosed() {
        let text = "a\n<!-- internal -->\nS1\n<!-- internal -->\nS2\n<!-- /internal -->\nS3\n<!-- /internal -->\nb"
        let result = scan(text)
        #expect(result.keptLines.map(\.text) == ["a", "b"])
        #expect(result.issues == [.init(kind: .nested, line: 4, relatedLine: 2)])
        #expect(result.issues[0].message.contains("opened on line 2"))
    }

    @Test func strayCloseHidesItsSectionUpToTheMarker() {
        let text = "## Problema\nvisible\n## Causa\nSECRETO olvidé abrir\nSECRETO\n<!-- /internal -->\ndespués"
        let result = scan(text)
        #expect(result.keptLines.map(\.text) == ["## Problema", "visible", "## Causa", "después"])
        #expect(result.issues == [.init(kind: .strayClose, line: 6)])
    }

    @Test func inlineMarkersKeepTheVisiblePartOfTheLine() {
        let result = scan("uno <!-- internal -->SECRETO<!-- /internal --> dos\ntres <!-- internal -->SECRETO\nSECRETO\nx <!-- /internal --> cuatro")
        #expect(result.keptLines.map(\.text) == ["uno  dos", "tres ", " cuatro"])
        #expect(result.keptLines.map(\.number) == [1, 2, 4])
    }

    @Test func markersInsideCodeFencesStillHide() {
        let result = scan("```\n<!-- internal -->\nSECRETO\n<!-- /internal -->\n```")
        #expect(!result.keptLines.contains { $0.text.contains("SECRETO") })
    }

    @Test(arguments: [
        "SECRETO\n<!-- /internal -->\nvisible",
        "## A\nSECRETO\n<!-- /internal -->",
        "<!-- internal -->\nSECRETO",
        "<!-- internal --><!-- internal -->SECRETO<!-- /internal -->",
        "x<!-- internal -->SECRETO",
    ])
    func malformedMarkersNeverLeakThePlantedText(text: String) {
        let kept = scan(text).keptLines.map(\.text).joined(separator: "\n")
        #expect(!kept.contains("SECRETO"))
        #expect(!scan(text).issues.isEmpty)
    }
}

import Testing
@testable import KBCore

@Suite struct CustomerMarkdownTests {
    @Test func dropsCommentsAndTheLinesTheyFilled() {
        let input = """
        <!-- describa el síntoma -->
        Texto visible <!-- nota --> y más.
        <!-- comentario
        de varias líneas -->
        Fin.
        """
        #expect(CustomerMarkdown.prepare(input, minimumHeadingLevel: 1) == "Texto visible  y más.\nFin.")
    }

    @Test func dropsTagsButKeepsTheirTextAutolinksAndCode() {
        let input = """
        Pulse <kbd>Ctrl</kbd> y <b>F5</b>.<br/>
        <script>alert(1)</script>Seguir <a href="x">aquí</a>.
        Escriba a <https://portal.example.com> o use `<div>` en el editor.
        ```
        <div>código</div>
        ```
        """
        let expected = """
        Pulse Ctrl y F5.
        Seguir aquí.
        Escriba a <https://portal.example.com> o use `<div>` en el editor.
        ```
        <div>código</div>
        ```
        """
        #expect(CustomerMarkdown.prepare(input, minimumHeadingLevel: 1) == expected)
    }

    @Test func keepsCommentsAndTagsInsideCodeFences() {
        let input = "```html\n<!-- esto es código -->\n<p>hola</p>\n```"
        #expect(CustomerMarkdown.prepare(input, minimumHeadingLevel: 1) == input)
    }

    @Test func pushesHeadingsDownKeepingTheirOrder() {
        let input = "### Paso 1\ntexto\n#### Detalle\n```\n# no es título\n```\n## Otro"
        let expected = "##### Paso 1\ntexto\n###### Detalle\n```\n# no es título\n```\n#### Otro"
        #expect(CustomerMarkdown.prepare(input, minimumHeadingLevel: 4) == expected)
        #expect(CustomerMarkdown.prepare("##### Ya bajo", minimumHeadingLevel: 3) == "##### Ya bajo")
        #expect(CustomerMarkdown.prepare("# Uno\n###### Seis", minimumHeadingLevel: 5) == "##### Uno\n###### Seis")
    }

    @Test func collapsesBlankLinesAndTrims() {
        #expect(CustomerMarkdown.prepare("\n\nuno\n\n\n\ndos\n\n", minimumHeadingLevel: 1) == "uno\n\ndos")
    }
}

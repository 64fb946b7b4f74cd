/// The CSS of kb's HTML documents, which the templates inline in their `<style>` element (pages load nothing
/// from outside).
public enum HTMLStylesheet {
    /// Readable system fonts (no web fonts), tables and code blocks styled, and print rules (A4 margins, each
    /// `.chapter` on a new page, no page breaks inside tables, figures or code). It holds no `</`, which would
    /// end the style element early.
    public static let standard = """
        * { box-sizing: border-box; }
        html { font-size: 16px; -webkit-text-size-adjust: 100%; }
        body { margin: 0; background: #ffffff; color: #1f2328; line-height: 1.6;
          font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif; }
        main { max-width: 52rem; margin: 0 auto; padding: 2.5rem 1.5rem 4rem; }
        h1, h2, h3, h4, h5, h6 { color: #111827; font-weight: 600; line-height: 1.25; margin: 2rem 0 0.75rem; }
        h1 { font-size: 2rem; margin-top: 0; padding-bottom: 0.4rem; border-bottom: 2px solid #d0d7de; }
        h2 { font-size: 1.5rem; padding-bottom: 0.3rem; border-bottom: 1px solid #d8dee4; }
        h3 { font-size: 1.2rem; }
        h4, h5, h6 { font-size: 1rem; }
        p, ul, ol, dl, table, pre, blockquote, figure { margin: 0 0 1rem; }
        ul, ol { padding-left: 1.6rem; }
        li + li { margin-top: 0.25rem; }
        a { color: #0b5cad; text-decoration: underline; text-underline-offset: 2px; }
        strong { font-weight: 600; }
        code, pre { font-family: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.875em; }
        code { background: #f3f4f6; border-radius: 4px; padding: 0.1em 0.35em; }
        pre { background: #f6f8fa; border: 1px solid #e5e7eb; border-radius: 6px; line-height: 1.45; overflow-x: auto; padding: 0.85rem 1rem; }
        pre code { background: none; padding: 0; font-size: inherit; }
        blockquote { border-left: 4px solid #d0d7de; color: #4b5563; margin-left: 0; padding: 0 1rem; }
        hr { border: 0; border-top: 1px solid #d0d7de; margin: 2rem 0; }
        table { border-collapse: collapse; font-size: 0.925rem; width: 100%; }
        caption { caption-side: top; color: #57606a; font-size: 0.875rem; padding-bottom: 0.4rem; text-align: left; }
        th, td { border: 1px solid #d0d7de; padding: 0.45rem 0.7rem; text-align: left; vertical-align: top; }
        th { background: #f3f4f6; font-weight: 600; }
        tbody tr:nth-child(even) { background: #fafbfc; }
        figure { margin: 1.5rem 0; }
        figure svg { display: block; height: auto; max-width: 100%; }
        figcaption { color: #57606a; font-size: 0.875rem; margin-top: 0.5rem; text-align: center; }
        dl.details { display: grid; grid-template-columns: max-content 1fr; gap: 0.3rem 1.2rem; }
        dl.details dt { color: #57606a; font-weight: 600; }
        dl.details dd { margin: 0; }
        .meta { color: #57606a; font-size: 0.9rem; }
        .note { background: #f0f6ff; border-left: 4px solid #0b5cad; padding: 0.6rem 1rem; }
        .warning { background: #fff8e6; border-left: 4px solid #b45309; padding: 0.6rem 1rem; }
        nav.toc { background: #f6f8fa; border: 1px solid #e5e7eb; border-radius: 6px; margin: 0 0 2rem; padding: 0.8rem 1.2rem; }
        nav.toc .toc-title { font-weight: 600; margin-bottom: 0.4rem; }
        nav.toc ul { list-style: none; margin: 0; padding: 0; }
        nav.toc .toc-level-2 { padding-left: 1rem; }
        nav.toc .toc-level-3 { padding-left: 2rem; }
        nav.toc .toc-level-4, nav.toc .toc-level-5, nav.toc .toc-level-6 { padding-left: 3rem; }
        .chapter { margin-top: 3rem; }
        @media (max-width: 40rem) {
          dl.details { grid-template-columns: 1fr; gap: 0 0; }
          dl.details dd { margin-bottom: 0.5rem; overflow-wrap: anywhere; }
          table { display: block; max-width: 100%; overflow-x: auto; }
        }
        @page { size: A4; margin: 2cm 1.8cm; }
        @media print {
          html { font-size: 11pt; }
          body { background: #ffffff; color: #000000; }
          main { max-width: none; padding: 0; }
          a { color: inherit; }
          .chapter { break-before: page; page-break-before: always; margin-top: 0; }
          main > .chapter:first-child { break-before: auto; page-break-before: auto; }
          h1, h2, h3, h4, h5, h6 { break-after: avoid; page-break-after: avoid; }
          table, figure, pre, blockquote, tr, svg, dl.details, nav.toc { break-inside: avoid; page-break-inside: avoid; }
          thead { display: table-header-group; }
          p, li { orphans: 3; widows: 3; }
          tbody tr:nth-child(even) { background: none; }
        }
        """
}

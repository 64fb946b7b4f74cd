import Foundation
import Testing
import KBTestSupport
@testable import KBCore

/// The review HTML in a real browser: headless Chromium lays it out in a 1280 px window and reports the widest
/// element. Skipped, saying so, where `chromium` is not installed.
@Suite struct ReviewBrowserLayoutTests {
    typealias F = ReviewFixtures

    static let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/local/bin/chromium"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Appended to a copy of the page (its Content-Security-Policy removed): writes the viewport width, the
    /// document's scroll width and the right edge of the widest element into the DOM for `--dump-dom`.
    static let measure = """
        <script>
        window.addEventListener('load', function () {
          var worst = 0;
          document.querySelectorAll('body *').forEach(function (e) {
            worst = Math.max(worst, e.getBoundingClientRect().right);
          });
          var out = document.createElement('pre');
          out.id = 'kb-measure';
          out.textContent = 'viewport=' + document.documentElement.clientWidth + ';scroll='
            + document.documentElement.scrollWidth + ';widest=' + Math.ceil(worst)
            + ';height=' + document.documentElement.scrollHeight
            + ';glance=' + (document.querySelector('section.glance') ? Math.ceil(document.querySelector('section.glance').getBoundingClientRect().bottom + window.scrollY) : -1)
            + ';details=' + (document.querySelector('dl.details') ? Math.ceil(document.querySelector('dl.details').getBoundingClientRect().top + window.scrollY) : -1) + ';';
          document.body.appendChild(out);
        });
        </script>
        """

    /// The figures `measure` wrote, by name.
    static func layout(of html: String, width: Int) throws -> [String: Int] {
        let directory = try TemporaryDirectory()
        var page = html
        if let start = page.range(of: "<meta http-equiv=\"Content-Security-Policy\""),
           let end = page[start.upperBound...].range(of: ">") {
            page.removeSubrange(start.lowerBound..<end.upperBound)
        }
        page = page.replacingOccurrences(of: "</body>", with: measure + "</body>")
        let file = try directory.write("review.html", page)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(chromium))
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                             "--window-size=\(width),2000", "--virtual-time-budget=3000", "--dump-dom", file.absoluteString]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let dom = String(decoding: data, as: UTF8.self)
        let text = try #require(dom.range(of: "id=\"kb-measure\">").map { String(dom[$0.upperBound...].prefix { $0 != "<" }) },
                                "chromium wrote no measurement")
        var figures: [String: Int] = [:]
        for pair in text.split(separator: ";") {
            let parts = pair.split(separator: "=")
            if parts.count == 2, let value = Int(parts[1]) { figures[String(parts[0])] = value }
        }
        return figures
    }

    @Test(.enabled(if: chromium != nil, "chromium is not installed: the review layout is not measured"),
          arguments: [ReviewAudience.internal, .customer])
    func noElementIsWiderThanA1280PixelWindow(audience: ReviewAudience) throws {
        var review = ReviewRenderingTests.goldenReview
        if audience == .customer { review = review.forCustomer(redactor: Redactor()) }
        let html = try F.renderer().render(review, format: .html)
        let figures = try Self.layout(of: html, width: 1280)
        let viewport = try #require(figures["viewport"])
        #expect(try #require(figures["scroll"]) <= viewport, "\(figures)")
        #expect(try #require(figures["widest"]) <= viewport, "\(figures)")
    }

    /// On a phone the page does not scroll sideways: the facts stack, and a wide table scrolls inside itself.
    @Test(.enabled(if: chromium != nil, "chromium is not installed: the review layout is not measured"),
          arguments: [ReviewAudience.internal, .customer])
    func thePageFitsAPhoneWindow(audience: ReviewAudience) throws {
        var review = ReviewRenderingTests.goldenReview
        if audience == .customer { review = review.forCustomer(redactor: Redactor()) }
        let html = try F.renderer().render(review, format: .html)
        let figures = try Self.layout(of: html, width: 375)
        #expect(try #require(figures["scroll"]) <= (try #require(figures["viewport"])), "\(figures)")
    }

    /// The summary (what happened, impact, root cause, resolution, SLA, what we do next) is the first thing on
    /// the page and fits the first screen of a 1280×800 window, in both languages and for both audiences.
    @Test(.enabled(if: chromium != nil, "chromium is not installed: the review layout is not measured"),
          arguments: [ReviewAudience.internal, .customer], [Language.spanish, .english])
    func theSummaryFitsTheFirstScreen(audience: ReviewAudience, language: Language) throws {
        var review = ReviewRenderingTests.golden(language: language)
        if audience == .customer { review = review.forCustomer(redactor: Redactor()) }
        let html = try F.renderer(language).render(review, format: .html)
        let figures = try Self.layout(of: html, width: 1280)
        let glance = try #require(figures["glance"])
        #expect(glance <= 800, "\(figures)")
        #expect(glance <= (try #require(figures["details"])), "the summary comes before the ticket's details")
    }

    /// Printed to PDF (A4) by Chromium: the file exists, has a sane number of pages and, where pdftotext is
    /// installed, holds the title and the last column of every wide table (a cut-off column would lose it).
    @Test(.enabled(if: chromium != nil, "chromium is not installed: the review is not printed"),
          arguments: [ReviewAudience.internal, .customer])
    func theReviewPrintsToA4(audience: ReviewAudience) throws {
        var review = ReviewRenderingTests.goldenReview
        if audience == .customer { review = review.forCustomer(redactor: Redactor()) }
        let html = try F.renderer().render(review, format: .html)
        let directory = try TemporaryDirectory()
        let page = try directory.write("review.html", html)
        let pdf = directory.url.appendingPathComponent("review.pdf")
        try Self.run(try #require(Self.chromium), ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                                             "--print-to-pdf=" + pdf.path, page.absoluteString])
        let data = try Data(contentsOf: pdf)
        #expect(data.starts(with: Data("%PDF-".utf8)))
        let pages = Self.pageCount(data)
        #expect((2...12).contains(pages), "\(pages) pages")
        guard let pdftotext = Self.pdftotext else {
            print("note: pdftotext is not installed: the printed text is not checked")
            return
        }
        let textFile = directory.url.appendingPathComponent("review.txt")
        try Self.run(pdftotext, [pdf.path, textFile.path])
        // Reading order, with a header wrapped over two lines read as one.
        let text = try String(contentsOf: textFile, encoding: .utf8).split(whereSeparator: \.isWhitespace)
            .joined(separator: " ")
        let words = Language.spanish.catalogue
        #expect(text.contains(words["review.title"] + " T-2001"))
        var lastColumns = [words["review.attachments"], words["review.source"]]
        if !review.actions.isEmpty { lastColumns.append(words["word.owner"]) }
        if audience == .internal { lastColumns += [words["review.hours_saved"], words["review.vendor_wait_column"]] }
        for header in lastColumns {
            #expect(text.contains(header), "the printed review lost the column \(header)")
        }
        // Every timeline row's last description word is printed: no row is cut at the page's right edge.
        for entry in review.timeline {
            guard let last = entry.text.split(separator: " ").last.map(String.init), last.count > 3 else { continue }
            #expect(text.contains(last.trimmingCharacters(in: .punctuationCharacters)), "\(last) is not printed")
        }
    }

    /// Laid out as printed on A4 (the print rules applied, 174 mm of content between the margins, 658 CSS px):
    /// no table or figure is wider than the page, so no column is cut off at its right edge.
    @Test(.enabled(if: chromium != nil, "chromium is not installed: the review layout is not measured"),
          arguments: [ReviewAudience.internal, .customer], [Language.spanish, .english])
    func everyTableFitsAnA4Page(audience: ReviewAudience, language: Language) throws {
        var review = ReviewRenderingTests.golden(language: language)
        if audience == .customer { review = review.forCustomer(redactor: Redactor()) }
        let html = try F.renderer(language).render(review, format: .html)
        #expect(html.contains("@media print {"))
        let printed = html.replacingOccurrences(of: "@media print {", with: "@media all {")
        let figures = try Self.layout(of: printed, width: 658)
        #expect(try #require(figures["widest"]) <= (try #require(figures["viewport"])), "\(figures)")
    }

    /// A period's index and summary, whose tickets carry long unbroken tokens in their titles and causes, fit a
    /// 1280 px window and an A4 page (the demo's index was 1334 px wide for one `NET::ERR_CERT_DATE_INVALID`).
    @Test(.enabled(if: chromium != nil, "chromium is not installed: the period documents are not measured"),
          arguments: [1280, 658])
    func periodIndexAndSummaryFit(width: Int) throws {
        var reviews = PeriodSummaryTests.reviews
        for index in reviews.indices {
            reviews[index].ticket.title = "El navegador muestra NET::ERR_CERT_DATE_INVALID_\(index) en https://portal.example.com/login/sesion/expirada"
            reviews[index].resolution.rootCause = "Certificado vencido: ERR_SSL_VERSION_OR_CIPHER_MISMATCH_EN_EL_BALANCEADOR_PRINCIPAL"
        }
        let batch = ReviewBatch(reviews: reviews, since: F.at("2026-03-01T00:00:00Z"), until: F.at("2026-04-01T00:00:00Z"),
                                language: .spanish, generatedAt: F.now, format: .html)
        let documents = try batch.documents(renderer: try F.renderer())
        for document in documents.suffix(2) {
            let page = width < 1280 ? document.text.replacingOccurrences(of: "@media print {", with: "@media all {")
                : document.text
            let figures = try Self.layout(of: page, width: width)
            #expect(try #require(figures["widest"]) <= (try #require(figures["viewport"])), "\(document.fileName): \(figures)")
        }
    }

    static let pdftotext: String? = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static func run(_ executable: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(executable) \(arguments)")
    }

    /// Page objects in the PDF (`/Type /Page`, not `/Pages`).
    static func pageCount(_ data: Data) -> Int {
        let bytes = [UInt8](data)
        let pattern = Array("/Type /Page".utf8)
        var count = 0
        var index = 0
        while index + pattern.count < bytes.count {
            if bytes[index] == pattern[0], Array(bytes[index..<index + pattern.count]) == pattern,
               bytes[index + pattern.count] != UInt8(ascii: "s") {
                count += 1
            }
            index += 1
        }
        return count
    }

    /// The chart's escalation bar is the metrics table's time to escalation, and the chart lists no event the
    /// timeline table already lists.
    @Test func chartEscalationBarIsTheMetricAndEventsAreListedOnce() throws {
        let review = ReviewRenderingTests.goldenReview
        let chart = review.timelineChart()
        let metric = try #require(review.firstEscalation)
        let bar = try #require(chart.phases.first { $0.name == Language.spanish.catalogue["event.escalation"] })
        #expect(bar.end.seconds - bar.start.seconds == metric.seconds)
        #expect(!chart.listsEvents)
        let first = try #require(review.timeline.first)
        #expect(!chart.svg.contains(">" + first.kindLabel + ": " + first.text))
    }
}

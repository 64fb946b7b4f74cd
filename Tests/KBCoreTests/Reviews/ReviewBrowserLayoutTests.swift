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
            + ';height=' + document.documentElement.scrollHeight + ';';
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

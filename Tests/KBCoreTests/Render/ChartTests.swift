import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import KBCore

/// Fixed chart inputs shared by the golden-file and escaping tests.
enum ChartFixtures {
    static func at(_ text: String) -> Timestamp { Timestamp(iso8601: text)! }

    static func timeline(title: String = "T-1042 Caída del portal (severidad 1)",
                         label: String? = nil) -> TimelineChart {
        TimelineChart(
            title: title,
            start: at("2026-03-02T08:30:00-03:00"), end: at("2026-03-02T15:00:00-03:00"),
            events: [
                .init(at: at("2026-03-02T09:02:00-03:00"), label: label ?? "Alerta de monitoreo: login responde 502",
                      category: "detección"),
                .init(at: at("2026-03-02T09:14:00-03:00"), label: "Cliente reporta que no carga el login",
                      category: "cliente"),
                .init(at: at("2026-03-02T09:20:00-03:00"), label: "Primera respuesta al cliente", category: "respuesta"),
                .init(at: at("2026-03-02T09:45:00-03:00"), label: "Escalado a N2", category: "escalamiento"),
                .init(at: at("2026-03-02T10:30:00-03:00"), label: "Escalado a proveedor (certificados)",
                      category: "escalamiento"),
                .init(at: at("2026-03-02T12:10:00-03:00"), label: "Reinicio del balanceador: servicio restablecido",
                      category: "mitigación"),
                .init(at: at("2026-03-02T12:12:00-03:00"), label: "Cliente confirma acceso", category: "cliente"),
                .init(at: at("2026-03-02T14:05:00-03:00"), label: "Certificado renovado (solución definitiva)",
                      category: "resolución"),
            ],
            phases: [
                .init(name: "Detección", start: at("2026-03-02T09:02:00-03:00"), end: at("2026-03-02T09:14:00-03:00")),
                .init(name: "Respuesta", start: at("2026-03-02T09:14:00-03:00"), end: at("2026-03-02T09:20:00-03:00")),
                .init(name: "Escalamiento", start: at("2026-03-02T09:20:00-03:00"), end: at("2026-03-02T10:30:00-03:00")),
                .init(name: "Mitigación", start: at("2026-03-02T10:30:00-03:00"), end: at("2026-03-02T12:10:00-03:00")),
                .init(name: "Resolución", start: at("2026-03-02T12:10:00-03:00"), end: at("2026-03-02T14:05:00-03:00")),
            ],
            intervals: [
                .init(kind: .businessHours, start: at("2026-03-02T08:30:00-03:00"), end: at("2026-03-02T15:00:00-03:00"),
                      label: "Horario hábil (12x5)"),
                .init(kind: .impact, start: at("2026-03-02T09:02:00-03:00"), end: at("2026-03-02T12:10:00-03:00"),
                      label: "Impacto"),
                .init(kind: .waitingOnVendor, start: at("2026-03-02T10:30:00-03:00"), end: at("2026-03-02T11:40:00-03:00"),
                      label: "Esperando al proveedor"),
                .init(kind: .waitingOnCustomer, start: at("2026-03-02T12:10:00-03:00"), end: at("2026-03-02T12:12:00-03:00"),
                      label: "Esperando al cliente"),
            ],
            offsetSeconds: -10_800, eventsLabel: "Eventos")
    }

    static func bar(title: String = "Incidentes severidad 1–2 por mes", category: String? = nil) -> BarChart {
        BarChart(title: title, bars: [
            .init(category: category ?? "2025-10", value: 4), .init(category: "2025-11", value: 7),
            .init(category: "2025-12", value: 3), .init(category: "2026-01", value: 9),
            .init(category: "2026-02", value: 5), .init(category: "2026-03", value: 6),
        ], target: 5, targetLabel: "Meta")
    }

    static func line(series: String? = nil) -> LineChart {
        LineChart(title: "Cumplimiento SLA por severidad",
                  categories: ["S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8"],
                  series: [
                    .init(name: series ?? "Severidad 1", values: [100, 87.5, 92.3, nil, 75, 100, 95.24, 90]),
                    .init(name: "Severidad 2", values: [96, 94.1, 90, 88.9, 97.06, 93.75, 99.5, 98]),
                    .init(name: "Severidad 3", values: [80.5, 85, 83.33, 79.99, 86, 88, 91.2, 92.5]),
                  ],
                  target: 95, targetLabel: "Meta", valueUnit: "%")
    }
}

@Suite struct ChartTests {
    private static let hostile = "<script>alert(\"x\")</script> & {{x}} 'q'"

    /// Compares with the committed golden file; `KB_UPDATE_GOLDEN=1` rewrites it instead.
    private func checkGolden(_ svg: String, _ name: String) throws {
        let url = RenderTestPaths.goldenDirectory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["KB_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: RenderTestPaths.goldenDirectory, withIntermediateDirectories: true)
            try Data(svg.utf8).write(to: url)
            return
        }
        let golden = try #require(try? String(contentsOf: url, encoding: .utf8),
                                  "missing golden file \(name); run with KB_UPDATE_GOLDEN=1 to create it")
        if svg != golden {
            let produced = svg.components(separatedBy: "\n"), expected = golden.components(separatedBy: "\n")
            let line = (0..<min(produced.count, expected.count)).first { produced[$0] != expected[$0] }
                ?? min(produced.count, expected.count)
            Issue.record("""
                \(name) differs from the golden file at line \(line + 1) \
                (KB_UPDATE_GOLDEN=1 rewrites it after a deliberate change):
                  expected: \(line < expected.count ? expected[line] : "<end>")
                  produced: \(line < produced.count ? produced[line] : "<end>")
                """)
        }
    }

    private func parse(_ svg: String) throws -> XMLDocument {
        try XMLDocument(xmlString: svg, options: [])
    }

    @Test func timelineMatchesGolden() throws {
        try checkGolden(ChartFixtures.timeline().svg, "timeline.svg")
    }

    @Test func barChartMatchesGolden() throws {
        try checkGolden(ChartFixtures.bar().svg, "bar.svg")
    }

    @Test func lineChartMatchesGolden() throws {
        try checkGolden(ChartFixtures.line().svg, "line.svg")
    }

    @Test func chartsAreWellFormedAndDeterministic() throws {
        for svg in [ChartFixtures.timeline().svg, ChartFixtures.bar().svg, ChartFixtures.line().svg] {
            let document = try parse(svg)
            #expect(document.rootElement()?.name == "svg")
            #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        }
        #expect(ChartFixtures.timeline().svg == ChartFixtures.timeline().svg)
    }

    @Test func hostileLabelsAreEscaped() throws {
        let charts = [
            ChartFixtures.timeline(title: Self.hostile, label: Self.hostile).svg,
            ChartFixtures.bar(title: Self.hostile, category: Self.hostile).svg,
            ChartFixtures.line(series: Self.hostile).svg,
            TimelineChart(title: "t", start: ChartFixtures.at("2026-03-02T08:00:00Z"),
                          end: ChartFixtures.at("2026-03-02T09:00:00Z"),
                          events: [.init(at: ChartFixtures.at("2026-03-02T08:30:00Z"), label: "e", category: Self.hostile)],
                          phases: [.init(name: Self.hostile, start: ChartFixtures.at("2026-03-02T08:10:00Z"),
                                         end: ChartFixtures.at("2026-03-02T08:20:00Z"))],
                          intervals: [.init(kind: .impact, start: ChartFixtures.at("2026-03-02T08:00:00Z"),
                                            end: ChartFixtures.at("2026-03-02T08:40:00Z"), label: Self.hostile)],
                          eventsLabel: Self.hostile).svg,
        ]
        for svg in charts {
            #expect(!svg.contains("<script"))
            #expect(svg.contains("&lt;script&gt;"))
            let document = try parse(svg)
            #expect(try document.nodes(forXPath: "//*[local-name()='script']").isEmpty)
        }
    }

    @Test func timelineShowsTheOffsetAndLocalTicks() {
        let svg = ChartFixtures.timeline().svg
        #expect(svg.contains(">UTC-03:00</text>"))
        #expect(svg.contains(">09:00</text>"))
        #expect(svg.contains(">2026-03-02</text>"))
        #expect(svg.contains(">Horario hábil (12x5)</text>"))
        #expect(svg.contains(">1 h 40 min</text>"))
        let utc = TimelineChart(title: "t", start: ChartFixtures.at("2026-03-02T23:10:00Z"),
                                end: ChartFixtures.at("2026-03-03T02:00:00Z")).svg
        #expect(utc.contains(">UTC</text>"))
        #expect(utc.contains(">00:00</text>"))
        #expect(utc.contains(">2026-03-03</text>"))
    }

    static let numberCases: [(Double, String)] = [
        (0, "0"), (12, "12"), (12.5, "12.5"), (-0.05, "-0.05"), (0.001, "0"), (-0.004, "0"),
        (1234.567, "1234.57"), (3.1, "3.1"), (2.05, "2.05"),
    ]

    @Test(arguments: numberCases)
    func formatsNumbersWithoutLocale(value: Double, text: String) {
        #expect(SVGWriter.number(value) == text)
    }

    static let durationCases: [(Int64, String)] = [
        (0, "0 min"), (89, "1 min"), (2700, "45 min"), (7500, "2 h 05 min"), (10_800, "3 h"), (273_600, "3 d 4 h"),
        (172_800, "2 d"),
    ]

    @Test(arguments: durationCases)
    func formatsDurations(seconds: Int64, text: String) {
        #expect(TimelineChart.duration(seconds) == text)
    }

    @Test func valueAxisUsesNiceSteps() {
        let axis = ChartValueAxis(values: [4, 7, 9, 5], includeZero: true)
        #expect(axis.ticks == [0, 2, 4, 6, 8, 10])
        let flat = ChartValueAxis(values: [0, 0], includeZero: true)
        #expect(flat.minimum == 0 && flat.maximum > 0)
        let negative = ChartValueAxis(values: [-3, 12], includeZero: true)
        #expect(negative.minimum <= -3 && negative.maximum >= 12)
    }

    @Test func emptyChartsStillRender() throws {
        for svg in [BarChart(title: "vacío", bars: []).svg,
                    LineChart(title: "vacío", categories: [], series: []).svg,
                    TimelineChart(title: "vacío", start: ChartFixtures.at("2026-03-02T08:00:00Z"),
                                  end: ChartFixtures.at("2026-03-02T08:00:00Z")).svg] {
            _ = try parse(svg)
            #expect(!svg.contains("nan") && !svg.contains("inf"))
        }
    }
}

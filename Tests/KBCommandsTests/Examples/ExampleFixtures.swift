import Foundation
import KBCore

/// The input files documented examples name (`--queries queries.tsv`, `--data review.json`, `tickets.csv`…),
/// created in the example's workspace when it lacks them, so every example runs as written.
enum ExampleFixtures {
    /// Files given by content, by the name examples use.
    static let files: [String: String] = [
        "queries.tsv": "qid\tquery\nq1\tcontrasena caducada\nq2\tlogin del portal en blanco\n",
        "helpdesk.json": #"{"timezone": "America/Santiago", "fields": {"created_at": {"column": "Creado", "format": "dd/MM/yyyy HH:mm"}}}"#,
        "tickets.csv": "Ticket ID,Asunto,description,severity,status,Creado\n"
            + "1042,\"Login; sin acceso\",No carga la pantalla,2,closed,02/03/2026 09:14\n",
        "tickets.json": #"{"tickets": [{"id": 4711, "subject": "No carga el portal", "description": "Pantalla en blanco", "#
            + #""priority": "high", "status": "open", "requester_id": 5, "created_at": "2026-03-02T12:14:00Z", "#
            + #""updated_at": "2026-03-02T12:30:00Z"}]}"#,
        "comments/4711.json": #"{"comments": [{"id": 1, "author_id": 7, "public": false, "body": "Revisando el balanceador", "#
            + #""created_at": "2026-03-02T12:20:00Z"}]}"#,
    ]

    /// Template data files: the kb command that prints the data of the template an example renders, by template
    /// file name (`review.md.mustache`); the data comes from kb as the documentation says to get it.
    static let templateData: [String: String] = [
        "review.md": "kb review T-0000593 --template-data",
        "review.html": "kb review T-0000593 --format html --template-data",
        "review-summary.md": "kb review --since 2026-08-01 --until 2026-11-01 --template-data",
        "review-summary.html": "kb review --since 2026-08-01 --until 2026-11-01 --format html --template-data",
        "review-index.md": "kb review --since 2026-08-01 --until 2026-11-01 --template-data",
        "review-index.html": "kb review --since 2026-08-01 --until 2026-11-01 --format html --template-data",
        "article.md": "kb article draft T-0000593 --template-data",
        "training.md": "kb training --template-data",
        "training.html": "kb training --format html --template-data",
        "automations.md": "kb automations --template-data",
    ]

    /// Creates, in `directory`, every input file `arguments` name that is missing: the options that read a file,
    /// and the files `kb import` reads.
    static func prepare(_ arguments: [String], in directory: URL) throws {
        let fileManager = FileManager.default
        for (index, argument) in arguments.enumerated() {
            let previous = index > 0 ? arguments[index - 1] : ""
            guard !["--out", ">"].contains(previous), !argument.hasPrefix("-"), !argument.hasPrefix("<("),
                  !["&&", "|", ">"].contains(argument) else { continue }
            let url = URL(fileURLWithPath: argument, relativeTo: directory).standardizedFileURL
            guard !fileManager.fileExists(atPath: url.path) else { continue }
            if previous == "--data" {
                try renderData(for: arguments, into: url, in: directory)
            } else if argument == "export.jsonl" {
                let demo = try String(contentsOf: directory.appendingPathComponent(DemoData.ticketsPath), encoding: .utf8)
                try write(demo.split(separator: "\n").prefix(3).map { $0 + "\n" }.joined(), to: url)
            } else if argument.hasSuffix("/") {
                for (name, text) in files where name.hasPrefix(argument) {
                    try write(text, to: directory.appendingPathComponent(name))
                }
            } else if argument.hasSuffix(".ics") {
                try write(holidayCalendar(named: argument), to: url)
            } else if let text = files[argument] {
                try write(text, to: url)
            }
        }
    }

    /// An iCalendar file of two all-day holidays in the year its name carries (2027 when it names none), as the
    /// `kb policy holidays import` examples expect a government's published calendar to look.
    static func holidayCalendar(named name: String) -> String {
        let digits = name.split(whereSeparator: { !$0.isNumber }).first { $0.count == 4 }
        let year = digits.map { String($0) } ?? "2027"
        return ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//kb tests//ES",
                "BEGIN:VEVENT", "UID:\(year)-0502@example", "DTSTART;VALUE=DATE:\(year)0502", "SUMMARY:Fiesta de la Comunidad", "END:VEVENT",
                "BEGIN:VEVENT", "UID:\(year)-0515@example", "DTSTART;VALUE=DATE:\(year)0515", "SUMMARY:San Isidro", "END:VEVENT",
                "END:VCALENDAR", ""].joined(separator: "\r\n")
    }

    /// The data of the template `kb render TEMPLATE --data FILE` names, from the command that prints it.
    private static func renderData(for arguments: [String], into url: URL, in directory: URL) throws {
        guard let template = arguments.first(where: { $0.hasSuffix(".mustache") }) else { return }
        let name = String(URL(fileURLWithPath: template).lastPathComponent.dropLast(".mustache".count))
        guard let command = templateData[name] else {
            throw ExampleShell.Failure(description: "no data recipe for template \(name) in ExampleFixtures.templateData")
        }
        var shell = ExampleShell(directory: directory, environment: DemoWorkspace.environment)
        try shell.run(command)
        guard let run = shell.runs.last, run.code == 0 else {
            throw ExampleShell.Failure(description: "'\(command)' failed: \(shell.runs.last?.stderr ?? "")")
        }
        try write(run.stdout, to: url)
    }

    private static func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
}

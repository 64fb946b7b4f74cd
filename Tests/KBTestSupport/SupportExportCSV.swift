import Foundation

/// A synthetic CSV export shaped like the public customer-support data set issue #21 was tried with (8,469 rows):
/// the same 17 columns, English values, day-free ISO dates, empty first-response and resolution times on open
/// tickets, multi-line descriptions, and a seeded mix of priorities, statuses and channels.
public struct SupportExportCSV {
    public static let header = [
        "Ticket ID", "Customer Name", "Customer Email", "Customer Age", "Customer Gender", "Product Purchased",
        "Date of Purchase", "Ticket Type", "Ticket Subject", "Ticket Description", "Ticket Status", "Resolution",
        "Ticket Priority", "Ticket Channel", "First Response Time", "Time to Resolution", "Customer Satisfaction Rating",
    ]
    public static let priorities = ["Critical", "High", "Medium", "Low"]
    public static let statuses = ["Open", "Pending Customer Response", "Closed"]
    public static let channels = ["Email", "Phone", "Chat", "Social media"]

    /// The export's text.
    public let text: String
    /// How many rows hold each priority, status and channel.
    public let priorityCounts: [String: Int]
    public let statusCounts: [String: Int]

    /// A mapping file that reads every row (priorities, statuses and channels mapped, times in UTC).
    public static let mappingJSON = """
        {"timezone": "UTC",
         "fields": {
           "id": {"column": "Ticket ID", "prefix": "cs:"}, "title": "Ticket Subject", "description": "Ticket Description",
           "severity": {"column": "Ticket Priority", "values": {"Critical": 1, "High": 2, "Medium": 3, "Low": 4}},
           "status": {"column": "Ticket Status",
                      "values": {"Open": "in_progress", "Pending Customer Response": "waiting_customer", "Closed": "closed"}},
           "created_at": "Date of Purchase", "first_response_at": "First Response Time", "resolved_at": "Time to Resolution",
           "channel": {"column": "Ticket Channel", "values": {"Email": "correo", "Phone": "telefono", "Chat": "chat", "Social media": "chat"}}
         }}
        """

    public init(rows: Int, seed: UInt64 = 2117) {
        var generator = SeededGenerator(seed: seed)
        var lines = [Self.header.joined(separator: ",")]
        var priorities: [String: Int] = [:]
        var statuses: [String: Int] = [:]
        for row in 1...rows {
            let priority = generator.pick(Self.priorities)
            let status = generator.pick(Self.statuses)
            priorities[priority, default: 0] += 1
            statuses[status, default: 0] += 1
            let day = Int.random(in: 1...20, using: &generator)
            let purchase = String(format: "2023-05-%02d", day)
            let firstResponse = status == "Open" ? "" : String(format: "2023-06-%02d %02d:%02d:11", day, Int.random(in: 0...23, using: &generator), Int.random(in: 0...59, using: &generator))
            let resolution = status == "Closed" ? String(format: "2023-06-%02d 23:59:59", day + 5) : ""
            // Some subjects are empty: the title then comes from the description's first words.
            let subject = row % 7 == 0 ? "" : generator.pick(["Product setup", "Network problem", "Refund request", "Account access"])
            let fields = [
                "\(row)", "Name \(row)", "person\(row)@example.com", "\(Int.random(in: 18...70, using: &generator))",
                generator.pick(["Male", "Female", "Other"]), "GoPro Hero", purchase,
                generator.pick(["Technical issue", "Billing inquiry", "Refund request"]), subject,
                "\"I'm having an issue with the {product_purchased}. Please assist.\nIt stopped working, \"\"again\"\".\"",
                status, status == "Closed" ? "Case maybe solved" : "", priority, generator.pick(Self.channels),
                firstResponse, resolution, status == "Closed" ? "\(Int.random(in: 1...5, using: &generator))" : "",
            ]
            lines.append(fields.joined(separator: ","))
        }
        text = lines.joined(separator: "\n") + "\n"
        priorityCounts = priorities
        statusCounts = statuses
    }
}

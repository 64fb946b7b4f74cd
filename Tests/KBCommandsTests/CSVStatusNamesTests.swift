import Foundation
import Testing
import KBTestSupport

/// Helpdesk exports write kb's status and channel names capitalised and spaced ("Closed", "In Progress"): they are
/// kb's names, not unknown values that need a value map.
@Suite struct CSVStatusNamesTests {
    @Test func capitalisedAndSpacedNamesAreKbsNames() throws {
        let directory = try TemporaryDirectory()
        try directory.makeWorkspace()
        try directory.write("t.csv", """
            id,title,severity,status,created_at,channel
            T-1,Portal caído,1,Closed,2026-03-02T09:00:00-03:00,Chat
            T-2,Reporte lento,4,In Progress,2026-03-02T10:00:00-03:00,CORREO
            T-3,Consulta,5,waiting-customer,2026-03-02T11:00:00-03:00,chat
            T-4,Otra,5,Pending Customer Response,2026-03-02T12:00:00-03:00,chat

            """)
        let result = runKB(["import", "--json", "t.csv"], in: directory.url)
        #expect(result.stdout.contains("\"inserted\":3"), "\(result.stdout) \(result.stderr)")
        #expect(result.stderr.contains("unknown value 'Pending Customer Response'"), "\(result.stderr)")
        let shown = runKB(["show", "T-1", "T-2", "T-3", "--json"], in: directory.url).stdout
        for expected in ["\"status\" : \"closed\"", "\"status\" : \"in_progress\"", "\"status\" : \"waiting_customer\"",
                         "\"channel\" : \"correo\""] {
            #expect(shown.replacingOccurrences(of: "\": \"", with: "\" : \"").contains(expected), "\(expected)")
        }
    }
}

extension BlockCompressor {
    /// What every compressed block may copy from before its own bytes: the member names and fixed values of kb's ticket
    /// JSON (DESIGN.md's format, in the canonical order `Ticket.write(to:)` uses), so a ticket pays for its structure
    /// a few bytes at a time. Part of the `lz` format: never change it; a new dictionary needs a new format byte.
    static let dictionary: [UInt8] = Array((
        #"{"id":"T-","title":"","description":"","customer":"","plan":"","timezone":"America/Santiago","service":""#
        + #","severity":1,"severity":2,"severity":3,"severity":4,"severity":5"#
        + #","status":"new","status":"assigned","status":"in_progress","status":"waiting_customer""#
        + #","status":"waiting_vendor","status":"escalated","status":"resolved","status":"closed""#
        + #","channel":"ticketera","channel":"correo","channel":"chat","channel":"telefono","channel":"monitoreo""#
        + #","assignee":"","level":"N1","level":"N2","level":"N3""#
        + #","created_at":"20","resolved_at":"20","closed_at":"20","resolution":"","root_cause":"","language":"es""#
        + #","tags":[],"articles":["KB-"],"extra":{},"events":[{"at":"20"#
        + #"T00:00:00-03:00","kind":"created","kind":"assigned","kind":"comment","kind":"customer_update""#
        + #","kind":"evidence","kind":"escalation","kind":"severity_change","kind":"detected","kind":"mitigated""#
        + #","kind":"reopened","kind":"resolved","kind":"closed","kind":"status","kind":"action","author":""#
        + #"","visibility":"internal","text":"","to":"N2","to":"vendor:","severity":"#
        + #","attachments":[{"name":"","kind":"log"}]},{"at":"20"#
        + #"T00:00:00-04:00","kind":"comment","author":"","visibility":"public","text":""},{"at":"20"#
    ).utf8)
}

import Foundation

extension Review {
    /// Builds the internal review of `ticket` as of `now`, in `language`.
    ///
    /// `history` is what the store knows around the incident (`IncidentHistoryFinder`); `proposals` are the
    /// automation miner's proposals for this case. Nothing here reads the database or the clock.
    public init(ticket: Ticket, policy: Policy, history: IncidentHistory = .empty, proposals: [ReviewProposal] = [],
                now: Timestamp, language: Language = .spanish) {
        self = ReviewBuilder(ticket: ticket, policy: policy, history: history, proposals: proposals, now: now,
                             language: language).build()
    }
}

/// One SLA clock of a ticket (first response, update cadence or resolution) as of a moment.
///
/// All durations are business seconds of the ticket's plan calendar in the ticket's time zone.
/// `elapsedSeconds` excludes time in pausing statuses; `pausedSeconds` is that excluded time;
/// `vendorWaitSeconds` is time waiting on a vendor, which is included in `elapsedSeconds`.
/// JSON keys (`TicketSLA+JSON.swift`): `state`, `target_seconds`, `elapsed_seconds`, `paused_seconds`,
/// `vendor_wait_seconds`, `started_at`, `stopped_at`, `due_at`, `due_at_local`, `paused_since`, `paused_by`,
/// `remaining_seconds`, `consumed`, `breached`, `breached_by_seconds`.
public struct SLAClock: Sendable, Equatable {
    /// Which commitment the clock measures.
    public enum Kind: String, Sendable, CaseIterable {
        /// Creation to the first public comment by support.
        case firstResponse = "first_response"
        /// Last public comment to the next one, while the ticket is open.
        case update
        /// Creation to resolution.
        case resolution
    }

    /// Whether the clock still runs.
    public enum State: String, Sendable, CaseIterable {
        /// Counting business time now.
        case running
        /// Stopped for now: the ticket is in a pausing status (waiting on the customer).
        case paused
        /// Done: the response or resolution happened.
        case stopped
    }

    public var kind: Kind
    public var state: State
    public var targetSeconds: Int64
    public var elapsedSeconds: Int64
    public var pausedSeconds: Int64
    public var vendorWaitSeconds: Int64
    /// When the clock started (creation, or the last public comment for `update`).
    public var startedAt: Timestamp
    /// When it stopped, for `stopped` clocks.
    public var stoppedAt: Timestamp?
    /// When the target is (or was) reached, counting the pauses so far and none to come; in the ticket's zone offset.
    public var dueAt: Timestamp
    /// Business seconds left before the target; zero once reached.
    public var remainingSeconds: Int64
    /// True when more business time than the target has elapsed.
    public var breached: Bool
    /// Business seconds beyond the target; zero when not breached.
    public var breachedBySeconds: Int64
    /// Elapsed over target (1.0 = the whole target used).
    public var fractionConsumed: Double
    /// For a paused clock: when the current pause began.
    public var pausedSince: Timestamp?
    /// For a paused clock: the status that pauses it (`waiting_customer`).
    public var pausedBy: TicketStatus?

    public init(
        kind: Kind, state: State, targetSeconds: Int64, elapsedSeconds: Int64, pausedSeconds: Int64,
        vendorWaitSeconds: Int64, startedAt: Timestamp, stoppedAt: Timestamp?, dueAt: Timestamp,
        pausedSince: Timestamp? = nil, pausedBy: TicketStatus? = nil
    ) {
        self.kind = kind
        self.state = state
        self.targetSeconds = targetSeconds
        self.elapsedSeconds = elapsedSeconds
        self.pausedSeconds = pausedSeconds
        self.vendorWaitSeconds = vendorWaitSeconds
        self.startedAt = startedAt
        self.stoppedAt = stoppedAt
        self.dueAt = dueAt
        self.pausedSince = pausedSince
        self.pausedBy = pausedBy
        remainingSeconds = max(0, targetSeconds - elapsedSeconds)
        breached = elapsedSeconds > targetSeconds
        breachedBySeconds = max(0, elapsedSeconds - targetSeconds)
        fractionConsumed = targetSeconds > 0 ? Double(elapsedSeconds) / Double(targetSeconds) : 0
    }
}

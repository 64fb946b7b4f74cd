/// What the customer view of a review (`Review.forCustomer(redactor:)`) does with every stored property of `Review`
/// and of each type whose values it carries: the allow-list written out, so that a new property is a decision.
/// `CustomerReviewFieldsTests` walks a full review and fails on any property missing here (or listed but gone).
///
/// Types inside a dropped property (related incidents, proposals, escalation steps…) never reach the customer and
/// are not listed; types inside a kept, filtered or rebuilt one are, since their values travel with it.
public enum CustomerReviewFields {
    /// What happens to one property on its way into the customer view.
    public enum Treatment: String, Sendable {
        /// Carried as it is.
        case kept
        /// Carried through the redactor (personal data, other customers' and agents' names).
        case redacted
        /// Event indices mapped to the public events kept; indices of internal events are left out.
        case renumbered
        /// Only the customer's part is carried: public events, validated customer articles, customer-facing actions.
        case filtered
        /// Made anew for the customer (the customer's own name, a detection summary told from their side…).
        case rebuilt
        /// Left out: empty, nil or the type's default.
        case dropped
    }

    /// Treatment of `Type.property`, by type name and property name.
    public static let treatments: [String: [String: Treatment]] = [
        "Review": [
            "ticket": .filtered, "language": .kept, "audience": .rebuilt, "generatedAt": .kept, "terms": .kept,
            "usesBusinessHours": .kept, "created": .kept, "resolved": .kept, "closed": .kept,
            "severityChanges": .renumbered, "summary": .redacted, "timeline": .filtered, "metrics": .renumbered,
            "impact": .rebuilt, "warnings": .filtered, "detection": .rebuilt, "escalation": .dropped,
            "resolution": .redacted, "related": .dropped, "recurrence": .rebuilt, "searchTerms": .dropped,
            "articles": .filtered, "actions": .filtered, "proposals": .dropped, "training": .redacted,
            "evidence": .filtered,
        ],
        "Ticket": [
            "id": .kept, "title": .redacted, "description": .redacted, "customer": .kept, "plan": .kept,
            "timezone": .kept, "service": .kept, "severity": .kept, "status": .kept, "channel": .kept,
            "assignee": .dropped, "level": .dropped, "createdAt": .kept, "resolvedAt": .kept, "closedAt": .kept,
            "resolution": .redacted, "rootCause": .redacted, "tags": .dropped, "articles": .filtered,
            "events": .filtered, "extra": .dropped, "language": .dropped,
        ],
        "TicketEvent": [
            "at": .kept, "kind": .kept, "author": .dropped, "visibility": .kept, "text": .redacted, "status": .kept,
            "to": .rebuilt, "severity": .kept, "attachments": .redacted,
        ],
        "Attachment": ["name": .redacted, "kind": .kept],
        "ReviewTime": ["at": .kept, "utc": .kept, "local": .kept, "offsetName": .kept],
        "SLATerms": [
            "planName": .kept, "calendar": .kept, "timeZone": .kept, "warnings": .kept, "country": .kept, "holidayCalendar": .kept,
        ],
        "ReviewSeverityChange": ["from": .kept, "to": .kept, "time": .kept, "event": .renumbered],
        "ReviewTimelineEntry": [
            "index": .renumbered, "time": .kept, "kind": .kept, "kindLabel": .kept, "author": .dropped, "role": .kept,
            "detail": .filtered, "text": .redacted, "visibility": .kept, "attachments": .redacted, "warnings": .kept,
        ],
        "ReviewMetrics": [
            "firstResponse": .renumbered, "escalations": .dropped, "mitigation": .renumbered, "resolution": .renumbered,
            "customerWait": .renumbered, "customerWaitIntervals": .renumbered, "vendorWait": .renumbered,
            "vendorWaitIntervals": .renumbered, "impactWindow": .renumbered,
        ],
        "ReviewMetric": [
            "kind": .kept, "subject": .kept, "label": .kept, "definition": .kept, "start": .kept, "end": .kept,
            "seconds": .kept, "businessSeconds": .kept, "targetSeconds": .kept, "dueAt": .kept, "events": .renumbered,
            "fields": .kept, "missing": .kept, "flagged": .kept,
        ],
        "ReviewWaitInterval": [
            "start": .kept, "end": .kept, "seconds": .kept, "businessSeconds": .kept, "party": .filtered,
            "events": .renumbered,
        ],
        "ReviewImpact": [
            "start": .kept, "end": .kept, "durationSeconds": .kept, "customers": .rebuilt, "services": .kept,
            "channels": .kept, "concurrentReports": .dropped, "customerImpactMinutes": .rebuilt,
        ],
        "ReviewWarning": ["code": .filtered, "message": .kept, "events": .renumbered],
        "ReviewDetection": [
            "source": .kept, "detectedAt": .filtered, "reportedAt": .kept, "channel": .kept, "gapSeconds": .filtered,
            "serviceMonitorable": .kept, "summary": .rebuilt, "events": .renumbered,
        ],
        "ReviewResolution": [
            "kind": .kept, "text": .redacted, "rootCause": .redacted, "misuse": .kept,
            "misuseSignals": .kept, "summary": .redacted,
        ],
        "ReviewRecurrence": ["windowDays": .kept, "incidents": .dropped],
        "ReviewArticleMatch": [
            "id": .kept, "title": .kept, "state": .kept, "audience": .kept, "linked": .kept, "reason": .rebuilt,
        ],
        "ReviewAction": [
            "kind": .kept, "title": .redacted, "reason": .redacted, "events": .renumbered, "tickets": .dropped,
            "isCustomerFacing": .filtered, "owner": .dropped,
        ],
        "ReviewTraining": ["suggested": .kept, "topic": .kept, "reason": .redacted, "articles": .filtered],
        "ReviewEvidenceItem": [
            "name": .redacted, "kind": .kept, "event": .renumbered, "eventKind": .kept, "time": .kept, "visibility": .filtered,
        ],
    ]
}

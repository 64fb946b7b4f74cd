import Foundation

/// The reviews of a period taken together: counts by severity and service, time to resolution per severity,
/// SLA compliance per plan, recurring causes and weekly trend. Built from `Review` values only.
public struct PeriodSummary: Sendable, Equatable {
    /// A count of incidents under a key (a severity, a service).
    public struct Count: Sendable, Equatable {
        public var key: String
        public var count: Int
    }

    /// Time to resolution of one severity's incidents (nearest-rank percentiles; unmeasured ones left out).
    public struct ResolutionTimes: Sendable, Equatable {
        public var severity: Int
        public var incidents: Int
        /// Incidents whose resolution time could not be measured.
        public var unmeasured: Int
        public var medianSeconds: Int64?
        public var p90Seconds: Int64?
        public var medianBusinessSeconds: Int64?
        public var p90BusinessSeconds: Int64?
    }

    /// SLA compliance of one plan: incidents that met both the first-response and the resolution target.
    public struct PlanCompliance: Sendable, Equatable {
        public var plan: String
        public var incidents: Int
        public var firstResponseMet: Int
        public var resolutionMet: Int
        /// Incidents with both targets measured.
        public var measured: Int
        public var bothMet: Int

        /// Share of measured incidents that met both targets, 0–100; nil when none was measured.
        public var percent: Double? { measured > 0 ? Double(bothMet) / Double(measured) * 100 : nil }
    }

    /// Incidents whose root causes share most of their words.
    public struct Cause: Sendable, Equatable {
        /// The earliest incident's root cause, as written.
        public var text: String
        public var tickets: [String]
        public var services: [String]
    }

    /// One reviewed incident, for the index.
    public struct Entry: Sendable, Equatable {
        public var id: String
        public var title: String
        public var severity: Int
        public var service: String?
        public var customer: String?
        public var plan: String
        public var created: ReviewTime
        public var resolutionSeconds: Int64?
        /// Both SLA targets met; nil when one could not be measured.
        public var slaMet: Bool?
        public var warnings: Int
        public var recurrences: Int
        /// The review's file, relative to the index.
        public var fileName: String
    }

    /// Incidents created in one week (Monday to Sunday, UTC) or, for periods longer than 13 weeks, one month.
    public struct Bucket: Sendable, Equatable {
        /// The week's Monday (`YYYY-MM-DD`) or the month (`YYYY-MM`).
        public var label: String
        public var bySeverity: [Int: Int]
    }

    public var since: Timestamp
    public var until: Timestamp
    public var language: Language
    public var generatedAt: Timestamp
    public var entries: [Entry]
    public var bySeverity: [Count]
    public var byService: [Count]
    public var resolutionTimes: [ResolutionTimes]
    public var compliance: [PlanCompliance]
    /// Causes behind two or more incidents, most frequent first.
    public var recurringCauses: [Cause]
    /// The trend: weeks, or months for long periods.
    public var buckets: [Bucket]
    /// Whether `buckets` are months.
    public var monthly: Bool
    public var warningCount: Int

    /// Root causes whose analysed words overlap at least this much (Jaccard) are the same cause.
    static let causeSimilarity = 0.5
    /// Causes listed at most.
    static let maximumCauses = 5

    /// Summarises `reviews` (created in `since ..< until`); `fileNames` maps ticket ids to their review files.
    public init(reviews: [Review], since: Timestamp, until: Timestamp, language: Language, generatedAt: Timestamp,
                fileNames: [String: String]) {
        let ordered = reviews.sorted { ($0.created.at.seconds, $0.ticket.id) < ($1.created.at.seconds, $1.ticket.id) }
        self.since = since
        self.until = until
        self.language = language
        self.generatedAt = generatedAt
        entries = ordered.map { review in
            let metrics = review.metrics
            let met: Bool? = metrics.firstResponse.met.flatMap { first in metrics.resolution.met.map { first && $0 } }
            return Entry(id: review.ticket.id, title: review.ticket.title, severity: review.ticket.severity,
                         service: review.ticket.service, customer: review.ticket.customer, plan: review.terms.planName,
                         created: review.created, resolutionSeconds: metrics.resolution.seconds, slaMet: met,
                         warnings: review.warnings.count, recurrences: review.recurrence.count,
                         fileName: fileNames[review.ticket.id] ?? review.ticket.id)
        }
        bySeverity = Self.counts(ordered.map { String($0.ticket.severity) })
        byService = Self.counts(ordered.map { $0.ticket.service ?? "-" })
        resolutionTimes = Set(ordered.map(\.ticket.severity)).sorted().map { severity in
            let group = ordered.filter { $0.ticket.severity == severity }
            let wall = group.compactMap(\.metrics.resolution.seconds).sorted()
            let business = group.compactMap(\.metrics.resolution.businessSeconds).sorted()
            return ResolutionTimes(severity: severity, incidents: group.count, unmeasured: group.count - wall.count,
                                   medianSeconds: Self.percentile(wall, 0.5), p90Seconds: Self.percentile(wall, 0.9),
                                   medianBusinessSeconds: Self.percentile(business, 0.5),
                                   p90BusinessSeconds: Self.percentile(business, 0.9))
        }
        compliance = Set(ordered.map(\.terms.planName)).sorted().map { plan in
            let group = ordered.filter { $0.terms.planName == plan }
            let first = group.compactMap(\.metrics.firstResponse.met)
            let resolution = group.compactMap(\.metrics.resolution.met)
            let both = group.compactMap { review in
                review.metrics.firstResponse.met.flatMap { first in review.metrics.resolution.met.map { first && $0 } }
            }
            return PlanCompliance(plan: plan, incidents: group.count, firstResponseMet: first.filter { $0 }.count,
                                  resolutionMet: resolution.filter { $0 }.count, measured: both.count,
                                  bothMet: both.filter { $0 }.count)
        }
        recurringCauses = Self.causes(ordered, language: language)
        (buckets, monthly) = Self.buckets(ordered, since: since, until: until)
        warningCount = ordered.reduce(0) { $0 + $1.warnings.count }
    }

    static func counts(_ keys: [String]) -> [Count] {
        var counts: [String: Int] = [:]
        for key in keys { counts[key, default: 0] += 1 }
        return counts.map { Count(key: $0.key, count: $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.key < $1.key }
    }

    /// The nearest-rank percentile of sorted values.
    static func percentile(_ sorted: [Int64], _ fraction: Double) -> Int64? {
        guard !sorted.isEmpty else { return nil }
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }

    /// Greedy clustering of root causes by the overlap of their stemmed words (words of three letters or more; not times
    /// of day, which differ from one occurrence of a cause to the next).
    static func causes(_ reviews: [Review], language: Language) -> [Cause] {
        let analyzer = Analyzer(language: language)
        var clusters: [(terms: Set<String>, cause: Cause)] = []
        for review in reviews {
            guard let text = review.resolution.rootCause else { continue }
            let terms = Set(analyzer.terms(text).filter { $0.utf8.count >= 3 && !Analyzer.isClockTime($0) })
            guard !terms.isEmpty else { continue }
            let match = clusters.firstIndex { cluster in
                Double(cluster.terms.intersection(terms).count) / Double(cluster.terms.union(terms).count) >= causeSimilarity
            }
            if let match {
                clusters[match].cause.tickets.append(review.ticket.id)
                if let service = review.ticket.service, !clusters[match].cause.services.contains(service) {
                    clusters[match].cause.services.append(service)
                }
            } else {
                clusters.append((terms, Cause(text: text, tickets: [review.ticket.id],
                                              services: review.ticket.service.map { [$0] } ?? [])))
            }
        }
        return clusters.map(\.cause).enumerated()
            .filter { $0.element.tickets.count >= 2 }
            .sorted { $0.element.tickets.count != $1.element.tickets.count
                ? $0.element.tickets.count > $1.element.tickets.count : $0.offset < $1.offset }
            .prefix(maximumCauses)
            .map { cause in
                var sorted = cause.element
                sorted.services.sort()
                return sorted
            }
    }

    /// Weeks (Monday to Sunday, UTC) overlapping the period, or its months when there are more than 13 weeks.
    static func buckets(_ reviews: [Review], since: Timestamp, until: Timestamp) -> ([Bucket], Bool) {
        func monday(_ seconds: Int64) -> Int64 {
            let day = BusinessCalendar.floorDivide(seconds, 86_400)
            return day - Int64(BusinessCalendar.Weekday(dayNumber: day).rawValue)
        }
        let end = max(since.seconds, until.seconds - 1)
        let first = monday(since.seconds), last = monday(end)
        if (last - first) / 7 < 13 {
            var buckets: [Bucket] = []
            var day = first
            while day <= last {
                var counts: [Int: Int] = [:]
                for review in reviews where monday(review.created.at.seconds) == day { counts[review.ticket.severity, default: 0] += 1 }
                buckets.append(Bucket(label: Timestamp(seconds: day * 86_400).day(), bySeverity: counts))
                day += 7
            }
            return (buckets, false)
        }
        func month(_ seconds: Int64) -> String { String(Timestamp(seconds: seconds).day().prefix(7)) }
        func parts(_ label: String) -> (Int, Int) { (Int(label.prefix(4)) ?? 1970, Int(label.suffix(2)) ?? 1) }
        var (year, monthNumber) = parts(month(since.seconds))
        let (lastYear, lastMonth) = parts(month(end))
        var labels: [String] = []
        while (year, monthNumber) <= (lastYear, lastMonth), labels.count < 1_200 {
            labels.append(String(year) + "-" + (monthNumber < 10 ? "0" : "") + String(monthNumber))
            (year, monthNumber) = monthNumber == 12 ? (year + 1, 1) : (year, monthNumber + 1)
        }
        let buckets = labels.map { label in
            var counts: [Int: Int] = [:]
            for review in reviews where month(review.created.at.seconds) == label { counts[review.ticket.severity, default: 0] += 1 }
            return Bucket(label: label, bySeverity: counts)
        }
        return (buckets, true)
    }
}

extension TicketGenerator {
    /// Buffers reused from one ticket to the next in a run.
    struct Scratch {
        var events: [PlannedEvent] = []
        var writer = Writer()
    }

    enum Author {
        case agent(Int), contact, monitoring, system
    }

    /// One timeline entry before it is written; `statusAfter` and `assigneeAfter` let the line
    /// writer cut the timeline at `snapshot` and still know the ticket's state.
    struct PlannedEvent {
        var at: Int64
        var kind: EventKind
        var author: Author
        var visibility: Visibility
        var text: Template
        var agent: Int
        var status: TicketStatus?
        var target: String?
        var severity: Int
        var attachments: [Attachment]
        var statusAfter: TicketStatus
        var assigneeAfter: Int
        var deaccent: Bool
    }

    /// Everything a template slot can refer to, fixed per ticket except `agent`.
    struct Context {
        let customer: Customer
        let contact: Contact
        var agent: Int
        let vendor: Vendor
        let caseNumber: Int
        let number: Int
        let ip: UInt32
        let localHour: Int
        let localMinute: Int
        let localDay: Int
        let localMonth: Int
        let localYear: Int
        let version: (major: Int, minor: Int, patch: Int)
        let endUser: String
    }

    /// Builds a timeline forward in time; every event is at least a minute after the previous one.
    struct TimelineBuilder {
        var random: Random
        var events: [PlannedEvent]
        var time: Int64
        var status: TicketStatus = .new
        var assignee = -1
        let zone: Zone
        /// 12x5 customers are served Monday–Friday 08:00–20:00 only, so agents' work waits for those hours.
        let businessHoursOnly: Bool
        let customerDeaccents: Bool
        /// The ticket is still open at `snapshot`: at one of the natural waiting points the clock jumps past it.
        var holdsOpen = false
        /// Created in the last days before the snapshot: may still be waiting for triage.
        var isRecent = false

        /// At a waiting point, possibly stop the ticket here by moving past the snapshot (nothing after it is written).
        mutating func maybeHold(_ probability: Double) {
            guard holdsOpen, random.chance(probability) else { return }
            holdsOpen = false
            time = max(time, TicketGenerator.snapshot.seconds) + 86_400
        }

        /// Advances the clock for the team's next move.
        mutating func agentWait(_ minutes: ClosedRange<Int>) {
            time += Int64(random.int(minutes)) * 60 + Int64(random.below(60))
            if businessHoursOnly { moveToBusinessHours() }
        }

        /// Advances the clock by a minute or two for an automatic follow-up (a status change), whatever the hour.
        mutating func quickWait() {
            time += Int64(random.int(1...3)) * 60 + Int64(random.below(60))
        }

        /// Advances the clock for the customer's answer: people answer during their own working day.
        mutating func customerWait(_ minutes: ClosedRange<Int>) {
            time += Int64(random.skewed(minutes)) * 60 + Int64(random.below(60))
            moveToBusinessHours()
        }

        private mutating func moveToBusinessHours() {
            let next = TicketGenerator.nextBusinessTime(after: time, in: zone)
            if next != time { time = next + Int64(random.int(2...35)) * 60 + Int64(random.below(60)) }
        }

        mutating func add(
            _ kind: EventKind, by author: Author, _ visibility: Visibility, _ texts: [Template],
            status newStatus: TicketStatus? = nil, writesStatus: Bool = false, target: String? = nil,
            severity: Int = 0, attachments: [Attachment] = [], agent: Int? = nil
        ) {
            if let newStatus { status = newStatus }
            let isCustomer: Bool
            if case .contact = author { isCustomer = true } else { isCustomer = false }
            events.append(PlannedEvent(
                at: time, kind: kind, author: author, visibility: visibility, text: random.pick(texts),
                agent: agent ?? max(assignee, 0), status: writesStatus ? newStatus : nil, target: target,
                severity: severity, attachments: attachments, statusAfter: status, assigneeAfter: assignee,
                deaccent: isCustomer && customerDeaccents))
        }
    }

    func line(at index: Int, count: Int, scratch: inout Scratch) -> String {
        let origin = origin(of: index)
        let family = TicketGenerator.allFamilies[origin.family]
        let created = creationTime(of: index, origin: origin, count: count)
        // Draws 0–2 of the stream decided the family and the creation time.
        var random = Random(seed: seed, stream: UInt64(index))
        for _ in 0..<3 { _ = random.next() }

        let customer = TicketGenerator.customers[TicketGenerator.pickCustomer(at: created, random: &random)]
        let contact = customer.contacts[random.below(customer.contacts.count)]
        let monitored = origin.depth == 0 && !family.alarms.isEmpty && random.chance(family.detection)
        let channel = monitored ? Channel.monitoreo : TicketGenerator.pickChannel(severity: family.severity, random: &random)
        let reported: Int
        if !monitored, let alternative = family.reportedSeverity, random.chance(family.reportedProbability) {
            reported = alternative
        } else {
            reported = family.severity
        }
        let writesTimezone = random.chance(0.85)
        let customerDeaccents = !monitored && random.chance(0.18)
        let title = random.pick(family.titles)
        let description = monitored ? random.pick(family.alarms) : random.pick(family.descriptions)
        let signature: Template? = !monitored && random.chance(0.3) ? random.pick(Phrases.signatures) : nil
        let cause: Template? = family.causes.isEmpty ? nil : random.pick(family.causes)
        let resolution = random.pick(family.resolutions)
        var tags = Array(family.tags.prefix(2))
        for tag in family.tags.dropFirst(2) where random.chance(0.5) { tags.append(tag) }

        let createdOffset = customer.zone.offset(at: created)
        let localCreated = created + Int64(createdOffset)
        let localDays = TicketGenerator.floorDiv(localCreated, 86_400)
        let (year, month, day) = Timestamp.civilFromDays(localDays)
        let secondOfDay = Int(localCreated - localDays * 86_400)
        let monthsSinceStart = (year - 2025) * 12 + month - 1
        let vendorIndex = family.vendor.flatMap(TicketGenerator.vendorIndex) ?? 0
        let ipBase = TicketGenerator.publicNetworks[random.below(TicketGenerator.publicNetworks.count)]
        var context = Context(
            customer: customer, contact: contact, agent: 0, vendor: TicketGenerator.vendors[vendorIndex],
            caseNumber: random.int(10_000...99_999), number: random.int(2...60),
            ip: ipBase | UInt32(1 + random.below((1 << 24) - 2)),
            localHour: secondOfDay / 3600, localMinute: secondOfDay % 3600 / 60,
            localDay: day, localMonth: month, localYear: year,
            version: (4, 10 + monthsSinceStart, random.int(0...9)),
            endUser: random.pick(TicketGenerator.endUsers))

        scratch.events.removeAll(keepingCapacity: true)
        var builder = TimelineBuilder(
            random: random, events: scratch.events, time: created, zone: customer.zone,
            businessHoursOnly: customer.plan == "12x5", customerDeaccents: customerDeaccents)
        scratch.events = []
        builder.isRecent = TicketGenerator.snapshot.seconds - created < 3 * 86_400
        builder.holdsOpen = builder.random.chance(TicketGenerator.openProbability(
            age: TicketGenerator.snapshot.seconds - created, severity: family.severity))
        buildTimeline(family: family, monitored: monitored, channel: channel, reported: reported,
                      resolution: resolution, builder: &builder)
        let articleLinked = family.article != nil && builder.random.chance(0.55)
            && created >= family.articleSinceSeconds

        var writer = scratch.writer
        writer.bytes.removeAll(keepingCapacity: true)
        writeTicket(
            index: index, family: family, customer: customer, channel: channel, created: created,
            writesTimezone: writesTimezone, title: title, description: description, signature: signature,
            cause: cause, resolution: resolution, tags: tags, articleLinked: articleLinked,
            events: builder.events, context: &context, customerDeaccents: customerDeaccents, writer: &writer)
        let line = String(decoding: writer.bytes, as: UTF8.self)
        scratch.writer = writer
        scratch.events = builder.events
        return line
    }

    /// First octets of the public addresses customers write from (200.x, 190.x, 181.x: Latin American ranges).
    static let publicNetworks: [UInt32] = [0xC8_00_00_00, 0xBE_00_00_00, 0xB5_00_00_00]

    /// A customer, weighted by size and by whether it is working hours where the customer is.
    static func pickCustomer(at time: Int64, random: inout Random) -> Int {
        var working: UInt8 = 0
        for zone in Zone.allCases where isBusinessTime(time, in: zone) { working |= 1 << UInt8(zone.rawValue) }
        func weight(_ customer: Customer) -> Int {
            customer.weight * (working & (1 << UInt8(customer.zone.rawValue)) != 0 ? 4 : 1)
        }
        var total = 0
        for customer in customers { total += weight(customer) }
        var target = random.below(total)
        for (index, customer) in customers.enumerated() {
            target -= weight(customer)
            if target < 0 { return index }
        }
        return customers.count - 1
    }

    /// How likely a ticket of this age is still open at the snapshot: most recent tickets are, a few old ones linger.
    static func openProbability(age: Int64, severity: Int) -> Double {
        let days = Double(age) / 86_400
        if severity == 1 { return days < 1 ? 0.5 : 0 }
        if days < 3 { return 0.6 }
        if days < 14 { return 0.4 }
        if days < 60 { return 0.12 }
        if days < 180 { return 0.03 }
        return severity == 2 ? 0 : 0.006
    }

    static let urgentChannels: [Int] = cumulative([30, 20, 15, 35])
    static let usualChannels: [Int] = cumulative([45, 30, 15, 10])

    static func pickChannel(severity: Int, random: inout Random) -> Channel {
        let channels: [Channel] = [.ticketera, .correo, .chat, .telefono]
        return channels[random.weighted(severity <= 2 ? urgentChannels : usualChannels)]
    }

    func buildTimeline(
        family: Family, monitored: Bool, channel: Channel, reported: Int, resolution: Template,
        builder b: inout TimelineBuilder
    ) {
        let severity = family.severity
        let isRequest = severity == 5
        let levelOne = b.random.pick(TicketGenerator.levelOneAgents)

        if monitored {
            let detectedAt = b.time
            b.time -= Int64(b.random.int(1...8)) * 60 + Int64(b.random.below(60))
            b.add(.detected, by: .monitoring, .internal, Phrases.detected)
            b.time = detectedAt
            b.add(.created, by: .monitoring, .internal, Phrases.created(.monitoreo), status: .new)
        } else {
            b.add(.created, by: .contact, .public, Phrases.created(channel), status: .new)
        }

        if b.isRecent { b.maybeHold(0.15) }
        let assignMinutes: [ClosedRange<Int>] = [1...8, 2...15, 5...45, 10...120, 10...180]
        b.agentWait(assignMinutes[severity - 1])
        b.assignee = levelOne
        b.add(.assigned, by: .agent(levelOne), .internal, Phrases.assigned, status: .assigned)
        if b.isRecent { b.maybeHold(0.15) }

        if reported != severity {
            b.agentWait(1...10)
            b.add(.severityChange, by: .agent(levelOne), .public,
                  Phrases.severityChange(to: severity, raised: severity < reported), severity: severity)
        }

        let responseMinutes: [ClosedRange<Int>] = [1...10, 2...20, 5...60, 10...180, 10...240]
        b.agentWait(responseMinutes[severity - 1])
        if b.random.chance(0.1) { b.agentWait(20...240) }
        b.add(.comment, by: .agent(levelOne), .public,
              monitored ? Phrases.proactiveNotice : isRequest ? Phrases.firstResponseRequest
                  : severity <= 2 ? Phrases.firstResponseCritical : Phrases.firstResponse,
              status: .inProgress)

        if b.random.chance(0.25) {
            b.agentWait(1...15)
            b.add(.comment, by: .agent(b.assignee), .internal, Phrases.internalNotes)
        }

        if let ask = family.ask, b.random.chance(family.askProbability) {
            b.agentWait(2...20)
            b.add(.comment, by: .agent(b.assignee), .public, Phrases.asks(ask))
            b.quickWait()
            b.add(.status, by: .agent(b.assignee), .internal, Phrases.waitingCustomer, status: .waitingCustomer, writesStatus: true)
            b.maybeHold(0.7)
            b.customerWait(severity <= 2 ? 5...90 : 15...2880)
            b.add(.customerUpdate, by: .contact, .public, Phrases.replies(ask),
                  attachments: b.random.pick(Phrases.replyAttachments(ask)))
            b.agentWait(5...60)
            b.add(.status, by: .agent(b.assignee), .internal, Phrases.resumed, status: .inProgress, writesStatus: true)
        }

        if !family.agentEvidence.isEmpty, b.random.chance(0.7) {
            b.agentWait(2...20)
            b.add(.evidence, by: .agent(b.assignee), .internal, Phrases.agentEvidence,
                  attachments: b.random.pick(family.agentEvidence))
        }

        let escalations = family.escalations.filter { b.random.chance($0.probability) }
        var vendorReplyDue: Int64?
        var stepsBeforeReply = 0
        var mitigated = false

        func escalate(_ escalation: Escalation, builder b: inout TimelineBuilder) {
            b.agentWait(3...20)
            if escalation.isVendor {
                b.add(.escalation, by: .agent(b.assignee), .internal, Phrases.escalationVendor, target: escalation.target)
                b.quickWait()
                b.add(.status, by: .agent(b.assignee), .internal, Phrases.waitingVendor,
                      status: .waitingVendor, writesStatus: true)
                if b.random.chance(0.5) {
                    b.agentWait(1...5)
                    b.add(.comment, by: .agent(b.assignee), .public, Phrases.escalationNotice)
                }
                b.maybeHold(0.7)
                vendorReplyDue = b.time + Int64(b.random.skewed(family.vendorWait)) * 60
                stepsBeforeReply = escalation.stepsWhileWaiting
            } else {
                let level = escalation.target
                b.add(.escalation, by: .agent(b.assignee), .internal,
                      level == "N3" ? Phrases.escalationN3 : Phrases.escalationN2, status: .escalated, target: level)
                b.agentWait(2...15)
                let pool = level == "N3" ? TicketGenerator.levelThreeAgents : TicketGenerator.levelTwoAgents
                let agent = b.random.pick(pool)
                b.assignee = agent
                b.add(.assigned, by: .agent(agent), .internal, Phrases.assigned, agent: agent)
                b.maybeHold(0.6)
            }
        }

        func vendorReplies(builder b: inout TimelineBuilder) {
            guard let due = vendorReplyDue else { return }
            vendorReplyDue = nil
            if severity <= 2, due - b.time > 45 * 60 {
                if b.random.chance(0.5) {
                    b.time = max(b.time + 60, b.time + (due - b.time) / 2)
                    b.add(.customerUpdate, by: .contact, .public, Phrases.customerFollowUp)
                }
                b.agentWait(1...10)
                b.add(.comment, by: .agent(b.assignee), .public, Phrases.progressUpdate)
            }
            b.time = max(b.time + 60, due + Int64(b.random.below(60)))
            b.add(.comment, by: .agent(b.assignee), .internal,
                  family.vendorReplies.isEmpty ? Phrases.vendorReply : family.vendorReplies)
            b.agentWait(1...10)
            b.add(.status, by: .agent(b.assignee), .internal, Phrases.inProgress, status: .inProgress, writesStatus: true)
        }

        func mitigate(builder b: inout TimelineBuilder) {
            mitigated = true
            b.agentWait(1...10)
            b.add(.mitigated, by: .agent(b.assignee), .public, family.mitigations)
            if b.random.chance(0.7) {
                b.agentWait(1...10)
                b.add(.comment, by: .agent(b.assignee), .public, Phrases.mitigatedNotice)
            }
        }

        for stepIndex in family.steps.indices {
            for escalation in escalations where escalation.afterStep == stepIndex { escalate(escalation, builder: &b) }
            if vendorReplyDue != nil, stepsBeforeReply == 0 { vendorReplies(builder: &b) }
            if let fixDays = family.fixDays, stepIndex == family.steps.count - 1,
               escalations.contains(where: { $0.target == "N3" }) {
                b.agentWait(10...90)
                b.add(.comment, by: .agent(b.assignee), .public, Phrases.fixPlanned)
                b.time += Int64(b.random.int(fixDays)) * 86_400
                b.agentWait(30...300)
                b.add(.action, by: .agent(b.assignee), .internal, Phrases.fixDeployed)
            }
            b.agentWait(family.stepMinutes)
            b.add(.action, by: .agent(b.assignee), .internal, family.steps[stepIndex])
            if vendorReplyDue != nil { stepsBeforeReply -= 1 }
            b.maybeHold(0.3)
            if family.mitigationAfterStep == stepIndex + 1, !family.mitigations.isEmpty { mitigate(builder: &b) }
        }
        for escalation in escalations where escalation.afterStep >= family.steps.count { escalate(escalation, builder: &b) }
        vendorReplies(builder: &b)
        if !mitigated, !family.mitigations.isEmpty { mitigate(builder: &b) }

        b.maybeHold(1)
        b.agentWait(5...40)
        b.add(.resolved, by: .agent(b.assignee), .public, [resolution], status: .resolved)

        if !isRequest, family.recurring, b.random.chance(0.05) {
            b.customerWait(60...2880)
            b.add(.customerUpdate, by: .contact, .public, Phrases.customerReopens)
            b.agentWait(5...60)
            b.add(.reopened, by: .agent(b.assignee), .public, Phrases.reopened, status: .inProgress)
            b.agentWait(family.stepMinutes)
            b.add(.action, by: .agent(b.assignee), .internal, family.steps[family.steps.count - 1])
            b.agentWait(10...60)
            b.add(.resolved, by: .agent(b.assignee), .public, [resolution], status: .resolved)
        }

        let closing = b.random.unit()
        if closing < 0.72 {
            b.customerWait(5...1440)
            b.add(.customerUpdate, by: .contact, .public, Phrases.customerConfirms)
            b.agentWait(2...60)
            b.add(.closed, by: .agent(b.assignee), .public, Phrases.closedConfirmed, status: .closed)
        } else if closing < 0.95 {
            b.time += 72 * 3600 + Int64(b.random.int(0...120)) * 60
            b.add(.closed, by: .system, .public, Phrases.closedAutomatically, status: .closed)
        }
    }
}

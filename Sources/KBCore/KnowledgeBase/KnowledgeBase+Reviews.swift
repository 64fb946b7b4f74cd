extension KnowledgeBase {
    /// Stores with at least this many tickets mine automation proposals for a single review only on request:
    /// mining reads every closed incident of the window.
    public static let miningLimit = 100_000
    /// A single review's proposals come from the incidents closed in this many days up to its own closing.
    public static let miningWindowDays: Int64 = 90

    /// The post-incident review of one ticket, rendered in the request's format.
    ///
    /// Throws `ReviewError.notClosed` or `.severityOutOfScope` for a ticket reviews are not for, unless `force`.
    /// The customer audience gets the customer view: public events only, other customers and agents redacted.
    public func review(_ request: ReviewRequest) throws -> ReviewResult {
        let store = try store()
        let policy = try policy()
        let language = try language(request.language)
        let now = self.now
        let reviewer = try IncidentReviewer(store: store, policy: policy, builder: try queryBuilder())
        let mine = try request.alwaysMineProposals || store.indexedTicketCount() < Self.miningLimit
        var proposals: [ReviewProposal] = []
        if mine, let ticket = try store.ticket(id: request.ticketID) {
            proposals = try ReviewProposal.mined(store: store, policy: policy, ticketID: ticket.id,
                                                 end: ticket.closedAt ?? ticket.resolvedAt ?? now,
                                                 window: Self.miningWindowDays * 86_400, now: now, language: language)
        }
        var review = try reviewer.review(id: request.ticketID, now: now, language: language, force: request.force,
                                         proposals: proposals)
        if request.audience == .customer {
            review = review.forCustomer(redactor: try reviewer.customerRedactor(for: review.ticket, language: language))
        }
        let document = try ReviewRenderer(templates: try templates(language)).render(review, format: request.format)
        return ReviewResult(review: review, document: document, proposalsSkipped: !mine)
    }

    /// The reviews of every closed severity 1-2 ticket created in the period, its summary and its index.
    ///
    /// One mining pass over the period serves every review in it. Throws `ReviewError.emptyPeriod` when the period
    /// ends before it starts.
    public func reviewPeriod(_ request: PeriodReviewRequest) throws -> PeriodReviewResult {
        let now = self.now
        let since = request.since
        let until = request.until ?? now
        guard until.seconds > since.seconds else {
            throw ReviewError.emptyPeriod(since: since.iso8601, until: until.iso8601)
        }
        let store = try store()
        let policy = try policy()
        let language = try language(request.language)
        let reviewer = try IncidentReviewer(store: store, policy: policy, builder: try queryBuilder())
        let renderer = ReviewRenderer(templates: try templates(language))
        let tickets = try reviewer.closedIncidents(since: since, until: until)
        let options = AutomationOptions(now: now, since: since, until: until, language: language,
                                        analyzerLanguage: store.tokenizer.language)
        let mined = try AutomationMiner(policy: policy, options: options).report(store: store)
        var reviews: [Review] = []
        for (index, ticket) in tickets.enumerated() {
            showProgress("reviewing \(index + 1)/\(tickets.count) \(ticket.id)")
            let proposals = mined.proposals(involving: ticket.id).compactMap(ReviewProposal.init)
            reviews.append(try reviewer.review(of: ticket, now: now, language: language, proposals: proposals))
        }
        let batch = ReviewBatch(reviews: reviews, since: since, until: until, language: language, generatedAt: now,
                                format: request.format)
        return PeriodReviewResult(batch: batch, documents: try batch.documents(renderer: renderer))
    }
}

import Foundation

/// The requests waiting for a worker, run first come, first served by a fixed set of worker threads.
///
/// libmicrohttpd's thread only moves bytes: a request whose head and body are in is suspended there and queued here,
/// so a slow handler never holds up the connections that thread also serves, and every connection's request waits its
/// turn in arrival order, whichever connection it came on (with libmicrohttpd's thread pool each thread served its own
/// connections in turn: under load a thread's queue grew with the connections it happened to accept, and its idle
/// timeout closed connections whose request sat unread behind the others). A request still waiting after
/// `maximumWait` is not run: it is refused (answered 503: the client is told to retry rather than left to time out),
/// by a watchdog thread when every worker is busy, so the wait is bounded even behind a long request.
///
/// Crosses threads (`@unchecked Sendable`): the jobs, the counts and the stopping flag are guarded by `state`.
final class RequestQueue: @unchecked Sendable {
    /// Why a job was not run.
    enum Refusal: Sendable {
        /// It waited `seconds` for a worker, more than the queue allows.
        case waitedTooLong(seconds: Double)
        /// The server is stopping.
        case shuttingDown
    }

    /// One request: `run` on a worker, or `refuse` (on a worker or on the thread that stops the queue).
    struct Job: Sendable {
        let run: @Sendable () -> Void
        let refuse: @Sendable (Refusal) -> Void
        fileprivate var enqueuedAt: UInt64 = 0

        init(run: @escaping @Sendable () -> Void, refuse: @escaping @Sendable (Refusal) -> Void) {
            self.run = run
            self.refuse = refuse
        }
    }

    let workerCount: Int
    let maximumWait: Double
    private let state = NSCondition()
    /// A ring buffer: `jobs[head...]` wait, oldest first; the consumed front is dropped in bulk.
    private var jobs: [Job] = []
    private var head = 0
    private var running = 0
    private var workersAlive = 0
    private var stopping = false
    private var refusedCount = 0

    /// `workers` threads, started now; a job waiting more than `maximumWait` seconds is refused.
    init(workers: Int, maximumWait: Double) {
        self.workerCount = workers
        self.maximumWait = maximumWait
        state.lock()
        workersAlive = workers + 1
        state.unlock()
        let watchdog = Thread { [self] in refuseExpired() }
        watchdog.name = "kb-queue-watchdog"
        watchdog.start()
        for index in 0..<workers {
            let thread = Thread { [self] in work() }
            thread.name = "kb-worker-\(index + 1)"
            // Handlers analyse text and walk SQLite's b-trees; 8 MiB is what a main thread gets.
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// Queues `job`; refuses it at once when the queue is stopping.
    func submit(_ job: Job) {
        var job = job
        job.enqueuedAt = DispatchTime.now().uptimeNanoseconds
        state.lock()
        if stopping {
            state.unlock()
            job.refuse(.shuttingDown)
            return
        }
        jobs.append(job)
        // Every waiter: a worker must wake, and `signal` could wake only the watchdog.
        state.broadcast()
        state.unlock()
    }

    /// Jobs waiting for a worker.
    var waiting: Int {
        state.lock()
        defer { state.unlock() }
        return jobs.count - head
    }

    /// Jobs a worker is running now.
    var busy: Int {
        state.lock()
        defer { state.unlock() }
        return running
    }

    /// Jobs refused because they waited too long, since start.
    var refusedForWaiting: Int {
        state.lock()
        defer { state.unlock() }
        return refusedCount
    }

    /// Stops taking jobs: those still waiting are refused (`.shuttingDown`) on this thread, jobs running finish, and
    /// the call returns when every worker (and the watchdog) has ended.
    func stop() {
        state.lock()
        stopping = true
        let pending = Array(jobs[head...])
        jobs.removeAll()
        head = 0
        state.broadcast()
        state.unlock()
        for job in pending { job.refuse(.shuttingDown) }
        state.lock()
        while workersAlive > 0 { state.wait() }
        state.unlock()
    }

    private func work() {
        while let job = next() {
            let waited = Double(DispatchTime.now().uptimeNanoseconds - job.enqueuedAt) / 1e9
            if waited > maximumWait {
                state.lock()
                refusedCount += 1
                state.unlock()
                job.refuse(.waitedTooLong(seconds: waited))
            } else {
                job.run()
            }
            state.lock()
            running -= 1
            state.unlock()
        }
        ended()
    }

    /// The watchdog: refuses the oldest jobs once they waited `maximumWait`, whether or not a worker is free.
    private func refuseExpired() {
        let limit = UInt64(maximumWait * 1e9)
        state.lock()
        while !stopping {
            guard head < jobs.count else {
                // A job queued now expires `maximumWait` from now at the earliest.
                _ = state.wait(until: Date(timeIntervalSinceNow: maximumWait))
                continue
            }
            let now = DispatchTime.now().uptimeNanoseconds
            let oldest = jobs[head]
            guard now >= oldest.enqueuedAt + limit else {
                _ = state.wait(until: Date(timeIntervalSinceNow: Double(oldest.enqueuedAt + limit - now) / 1e9))
                continue
            }
            dropFirst()
            refusedCount += 1
            state.unlock()
            oldest.refuse(.waitedTooLong(seconds: Double(now - oldest.enqueuedAt) / 1e9))
            state.lock()
        }
        state.unlock()
        ended()
    }

    private func ended() {
        state.lock()
        workersAlive -= 1
        state.broadcast()
        state.unlock()
    }

    /// The oldest waiting job, counted as running; nil once the queue stops.
    private func next() -> Job? {
        state.lock()
        defer { state.unlock() }
        while head == jobs.count && !stopping { state.wait() }
        guard head < jobs.count else { return nil }
        let job = jobs[head]
        dropFirst()
        running += 1
        return job
    }

    /// Removes the oldest waiting job (under `state`), compacting the buffer now and then.
    private func dropFirst() {
        head += 1
        if head == jobs.count {
            jobs.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 1024 && head * 2 >= jobs.count {
            jobs.removeFirst(head)
            head = 0
        }
    }
}

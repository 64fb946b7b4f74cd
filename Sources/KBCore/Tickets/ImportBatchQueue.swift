import Foundation

/// A bounded first-in first-out hand-off of batches from one producing thread to one consuming thread.
///
/// Import reads and decodes records on one thread while the other writes to SQLite; at most `capacity`
/// batches, and at most `byteCapacity` bytes of them as the producer counts them, wait between them, so memory
/// stays bounded whatever the file's size and however large its records. Every field is read and written under
/// `condition`'s lock, which is what makes the `@unchecked Sendable` true.
final class ImportBatchQueue<Element: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    /// The waiting batches, each with its bytes as `put` was told them.
    private var batches: [(elements: [Element], bytes: Int)] = []
    private var queuedBytes = 0
    private var mostQueuedBytes = 0
    private var isFinished = false
    private var isCancelled = false
    private var storedFailure: TicketError?
    /// Most batches waiting at once.
    let capacity: Int
    /// Most bytes waiting at once; a batch larger than this still goes in when nothing waits.
    let byteCapacity: Int

    init(capacity: Int, byteCapacity: Int = .max) {
        precondition(capacity > 0, "a queue holds at least one batch")
        self.capacity = capacity
        self.byteCapacity = byteCapacity
    }

    /// Producer: appends a batch of `bytes` bytes, waiting while the queue is full (in batches or bytes); false when
    /// the consumer cancelled.
    func put(_ batch: [Element], bytes: Int = 0) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while !batches.isEmpty && (batches.count >= capacity || queuedBytes + bytes > byteCapacity) && !isCancelled {
            condition.wait()
        }
        if isCancelled { return false }
        batches.append((batch, bytes))
        queuedBytes += bytes
        mostQueuedBytes = max(mostQueuedBytes, queuedBytes)
        condition.broadcast()
        return true
    }

    /// The most bytes that waited at once so far.
    var peakQueuedBytes: Int {
        condition.lock()
        defer { condition.unlock() }
        return mostQueuedBytes
    }

    /// Producer: no more batches will come; `failure` is why it stopped early, if it did.
    func finish(failure: TicketError?) {
        condition.lock()
        isFinished = true
        storedFailure = failure
        condition.broadcast()
        condition.unlock()
    }

    /// Consumer: the next batch, waiting for one; nil once the producer finished and everything was taken.
    func take() -> [Element]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !isFinished {
            condition.wait()
        }
        guard !batches.isEmpty else { return nil }
        let batch = batches.removeFirst()
        queuedBytes -= batch.bytes
        condition.broadcast()
        return batch.elements
    }

    /// Batches waiting for the consumer now.
    var waitingBatches: Int {
        condition.lock()
        defer { condition.unlock() }
        return batches.count
    }

    /// Consumer: stops the producer at its next `put` and drops what is waiting.
    func cancel() {
        condition.lock()
        isCancelled = true
        batches.removeAll()
        queuedBytes = 0
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until the producer has called `finish`, then returns its failure, if any.
    func waitUntilFinished() -> TicketError? {
        condition.lock()
        defer { condition.unlock() }
        while !isFinished {
            condition.wait()
        }
        return storedFailure
    }
}

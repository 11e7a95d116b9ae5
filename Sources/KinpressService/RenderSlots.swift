import Dispatch
import Foundation
import Metrics

/// At most `jobs` renders at once and `queue` waiting behind them; a render asked for beyond
/// that is refused at once (the caller answers 503 with Retry-After), so a burst cannot pile up
/// memory. A render past the timeout is answered and its slot freed; the work itself cannot be
/// stopped midway, so it finishes on its thread and its result is dropped (or, if no thread had
/// started it yet, it never starts).
actor RenderSlots {
    private let jobs: Int
    private let queueLimit: Int
    private let timeout: Duration
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []
    private let inFlight = Meter(label: "kinpress_renders_in_flight")
    private let queued = Meter(label: "kinpress_renders_waiting")

    init(jobs: Int, queue: Int, timeout: Duration) {
        self.jobs = max(1, jobs)
        queueLimit = max(0, queue)
        self.timeout = timeout
    }

    /// Runs `work` on a thread of its own once a slot is free; 503 when none will be, or when
    /// the work runs past the timeout.
    func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async throws(Answer) -> T {
        try await acquire()
        inFlight.increment()
        defer {
            inFlight.decrement()
            release()
        }
        guard let result = await Self.run(work, timeout: timeout) else {
            rejected("timeout")
            throw .unavailable("the render took longer than this service allows; try again later, or ask its operator to raise --timeout")
        }
        return result
    }

    private func acquire() async throws(Answer) {
        if running < jobs {
            running += 1
            return
        }
        guard waiting.count < queueLimit else {
            rejected("busy")
            throw .unavailable("every render slot and the queue behind them are taken; try again in a few seconds")
        }
        queued.increment()
        // `release` hands its slot straight to the first waiting render.
        await withCheckedContinuation { waiting.append($0) }
        queued.decrement()
    }

    private func release() {
        if waiting.isEmpty {
            running -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }

    /// Where deadlines fire. Not the global queue the renders run on: that pool has one thread a
    /// core, and a busy service (renders, and the documents of a pack composed in parallel) would
    /// keep a deadline waiting until a render finished, so the timeout would not hold when it
    /// matters most. A queue of its own gets a thread of its own.
    private static let deadlines = DispatchQueue(label: "kinpress.render-deadlines")

    /// The work's result, or nil when `timeout` passes first.
    private static func run<T: Sendable>(_ work: @escaping @Sendable () -> T, timeout: Duration) async -> T? {
        await withCheckedContinuation { (continuation: CheckedContinuation<T?, Never>) in
            let answer = FirstAnswer(continuation)
            DispatchQueue.global().async {
                // Timed out before a thread was free for it: nobody is waiting, so do not start.
                guard !answer.isGiven else { return }
                answer.give(work())
            }
            let (seconds, attoseconds) = timeout.components
            let nanoseconds = Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)
            deadlines.asyncAfter(deadline: .now() + .nanoseconds(nanoseconds)) { answer.give(nil) }
        }
    }

    /// Resumes a continuation once: with the result or with the timeout, whichever comes first.
    private final class FirstAnswer<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var continuation: CheckedContinuation<T?, Never>?

        init(_ continuation: CheckedContinuation<T?, Never>) {
            self.continuation = continuation
        }

        var isGiven: Bool {
            lock.withLock { continuation == nil }
        }

        func give(_ value: T?) {
            lock.lock()
            let waiting = continuation
            continuation = nil
            lock.unlock()
            waiting?.resume(returning: value)
        }
    }
}

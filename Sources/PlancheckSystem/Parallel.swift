import Dispatch
import Synchronization

/// Runs independent pieces of work on several threads and returns their results in input order, so that what a
/// run reports never depends on scheduling.
package enum Parallel {
    /// The default number of workers: the processors online (a run is CPU-bound: files are read whole, up front).
    package static var defaultJobs: Int { max(1, CurrentProcess.processorsOnline ?? 1) }

    /// `body(0) … body(count - 1)` on up to `jobs` threads. Workers take the next index from a shared counter, so
    /// one large item does not leave the other workers idle behind a fixed partition; each worker holds only the
    /// item it is working on, which keeps memory bounded by the largest items, not by their number.
    package static func map<T: Sendable>(count: Int, jobs: Int, _ body: @Sendable (Int) -> T) -> [T] {
        let workers = min(max(jobs, 1), count)
        if workers <= 1 { return (0..<count).map(body) }
        let slots = Slots<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let index = slots.next.add(1, ordering: .relaxed).oldValue
                guard index < count else { return }
                slots.store(body(index), at: index)
            }
        }
        return slots.take()
    }

    /// One slot per result, each written by exactly one worker; read only after every worker has returned
    /// (`concurrentPerform` waits for them), so no two threads ever touch one slot.
    private final class Slots<T>: @unchecked Sendable {
        let next = Atomic<Int>(0)
        private let storage: UnsafeMutableBufferPointer<T?>

        init(count: Int) {
            storage = .allocate(capacity: count)
            storage.initialize(repeating: nil)
        }

        func store(_ value: T, at index: Int) { storage[index] = value }

        func take() -> [T] {
            storage.map { $0! }
        }

        deinit {
            storage.deinitialize()
            storage.deallocate()
        }
    }
}

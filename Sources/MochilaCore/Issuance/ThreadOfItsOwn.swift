import Foundation

/// Runs `work`, long and CPU-bound or blocking, on a new thread, and resumes when it is done.
///
/// Signing a batch keeps every core busy for seconds (10,000 credentials take about 16 s on two
/// cores). Swift concurrency runs every task on one thread per core, so a batch signed there
/// held them all and every request the node served, pages, verifications, the API, waited
/// until it ended (and waits for pooled database connections timed out). On threads of their
/// own, the system shares the cores between the batch and the requests. The same goes for
/// waiting on a process (the tests that run `mochila`).
public func onThreadOfItsOwn<R: Sendable>(_ work: @escaping @Sendable () throws -> R) async throws -> R {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread { continuation.resume(with: Result { try work() }) }
        // As deep as a concurrency thread's: canonicalization recurses (to a bounded depth).
        thread.stackSize = 8 << 20
        thread.start()
    }
}

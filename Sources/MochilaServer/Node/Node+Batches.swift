import Credentials
import Foundation
import LinkedData
import MochilaCore
import MochilaStore
import Synchronization

/// How far a batch has come.
public enum BatchProgress: Sendable, Hashable {
    case signing(done: Int, total: Int)
    case storing(total: Int)
    case issued(count: Int)
    case failed(String)
}

/// The batches being signed in this process, for progress reports. A batch is stored whole at
/// the end; if the process stops before, nothing of it was stored.
final class BatchJobs: Sendable {
    let jobs = Mutex<[UUID: (owner: UUID, progress: BatchProgress)]>([:])
    /// Run on the signing thread before each credential of a batch is signed: a test holds a
    /// batch there to see what else the node does meanwhile. Nothing in a running node.
    let beforeSigning = Mutex<(@Sendable () -> Void)?>(nil)

    /// Follows a new batch of the institution `owner`.
    func start(_ id: UUID, owner: UUID, total: Int) {
        jobs.withLock { $0[id] = (owner, .signing(done: 0, total: total)) }
    }

    /// Updates a batch being followed (others are not followed: nothing to report to).
    func set(_ id: UUID, _ progress: BatchProgress) {
        jobs.withLock { jobs in
            if let owner = jobs[id]?.owner { jobs[id] = (owner, progress) }
        }
    }

    /// The progress of a batch, only for the institution it belongs to.
    func progress(_ id: UUID, owner: UUID) -> BatchProgress? {
        jobs.withLock { jobs in jobs[id].flatMap { $0.owner == owner ? $0.progress : nil } }
    }
}

/// A count shared by the tasks that sign a batch.
final class Counter: Sendable {
    let value = Mutex(0)

    func add(_ amount: Int) -> Int { value.withLock { $0 += amount; return $0 } }
}

/// Set once a part of a batch failed, so that the other parts stop signing.
final class StopFlag: Sendable {
    private let value = Mutex(false)

    func stop() { value.withLock { $0 = true } }
    var isStopped: Bool { value.withLock { $0 } }
}

extension Node {
    /// The most learners in one batch.
    static let maxBatchSize = 50_000
    /// How many parts a batch is signed in, side by side: one per core, at most 8.
    static var batchWorkers: Int { max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8)) }

    /// Starts issuing a batch in the background and returns its id at once; ``batchProgress(_:)``
    /// follows it. Every entry was validated before; the batch is stored whole or not at all.
    public func startBatch(
        _ entries: [BatchRow], specID: UUID, version: Int?, for institution: Institution, actor: String
    ) async throws -> UUID {
        guard !entries.isEmpty else { throw ValidationError(field: "rows", "the batch has no learners") }
        guard entries.count <= Node.maxBatchSize else {
            throw ValidationError(field: "rows", "a batch holds at most \(Node.maxBatchSize) learners, not \(entries.count)")
        }
        let spec = try await ownSpec(specID, version: version, of: institution)
        let id = UUID()
        jobs.start(id, owner: institution.id, total: entries.count)
        Task {
            do {
                let count = try await issueBatch(id: id, entries, spec: spec, for: institution, actor: actor)
                jobs.set(id, .issued(count: count))
            } catch {
                logger.error("batch \(id) failed: \(error)")
                jobs.set(id, .failed("\(error)"))
            }
        }
        return id
    }

    /// Issues a batch now: reserves status places, signs every credential (on all cores, on
    /// threads of their own: see ``onThreadOfItsOwn(_:)``), then stores the batch, its awards and
    /// their audit entries in one transaction.
    @discardableResult
    public func issueBatch(
        id: UUID = UUID(), _ entries: [BatchRow], spec: MicroCredentialSpec, for institution: Institution, actor: String
    ) async throws -> Int {
        let now = clock()
        // Reserved places are never reused, even if this batch never gets stored.
        let slots = try await store.reserveStatusSlots(
            institutionID: institution.id, count: entries.count, capacity: Node.statusListCapacity, at: now)
        let (key, methodID) = try await signingKey(for: institution)
        let issuer = self.issuer
        let publicURL = self.publicURL
        let jobs = self.jobs
        let chunk = (entries.count + Node.batchWorkers - 1) / Node.batchWorkers
        let signed = Counter()
        let stopped = StopFlag()
        let beforeSigning = jobs.beforeSigning.withLock { $0 }
        let awards = try await withThrowingTaskGroup(of: (Int, [Award]).self) { group in
            for start in stride(from: 0, to: entries.count, by: chunk) {
                let range = start..<min(start + chunk, entries.count)
                group.addTask {
                    try await onThreadOfItsOwn {
                        var awards: [Award] = []
                        awards.reserveCapacity(range.count)
                        for index in range {
                            // Another part failed: the batch is lost, stop signing.
                            if index % 50 == 0, stopped.isStopped { throw CancellationError() }
                            beforeSigning?()
                            awards.append(
                                try issuer.issue(
                                    institution: institution, key: key, verificationMethod: methodID, spec: spec,
                                    learner: entries[index].learner, grade: entries[index].grade, awardID: UUID(), issuedAt: now,
                                    salt: Node.newSalt(), statusSlot: slots[index], statusBaseURL: publicURL, batchID: id))
                            if awards.count % 50 == 0 {
                                let done = signed.add(50)
                                jobs.set(id, .signing(done: done, total: entries.count))
                            }
                        }
                        return (start, awards)
                    }
                }
            }
            var parts: [(Int, [Award])] = []
            do {
                for try await part in group { parts.append(part) }
            } catch {
                stopped.stop()
                throw error
            }
            return parts.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
        jobs.set(id, .storing(total: awards.count))
        let batch = Batch(
            id: id, institutionID: institution.id, specID: spec.id, specVersion: spec.version, issuedBy: actor,
            count: awards.count, createdAt: now)
        var audit = [
            AuditEntry(
                at: now, institutionID: institution.id, actor: actor, action: "batch.issue", subject: id.uuidString.lowercased(),
                details: JSONValue.object(["count": .number(Double(awards.count)), "spec": .string(spec.id.uuidString.lowercased())])
                    .serializedString())
        ]
        audit += awards.map { issuedEntry($0, actor: actor) }
        try await store.addAwards(awards, batch: batch, audit: audit)
        logger.info("issued batch \(id): \(awards.count) credentials of \(spec.title.text(.es)) for \(institution.slug)")
        return awards.count
    }

    /// A batch's progress: from this process while it is being signed, else from the store.
    public func batchProgress(_ id: UUID, of institution: Institution) async throws -> BatchProgress? {
        if let progress = jobs.progress(id, owner: institution.id) { return progress }
        guard let batch = try await store.batch(id: id), batch.institutionID == institution.id else { return nil }
        return .issued(count: batch.count)
    }
}

import Crypto
import Foundation
import LinkedData
import Synchronization

/// What a verifier remembers between verifications: the outcome of the checks that depend on
/// nothing but a document's content, and the status lists it has verified and decoded.
///
/// Every entry is keyed by the SHA-256 of the content it was computed from (the document, the
/// proof, the key; see ``digest(_:prefix:)``), so a changed document, proof, key or status list is simply
/// not found and is checked afresh. Only outcomes that cannot depend on the time, the network or
/// the verifier's other settings are kept:
///
/// - the data model check (``CredentialVerifier/checkFormat(_:digest:)``) and the schema check, which
///   read the document alone, with the bundled contexts and schemas;
/// - signatures that verified (``DataIntegrity/checkSignature(of:in:publicKey:)`` is a function
///   of the document, the proof and the key; `created`, `expires`, the key's resolution and its
///   purpose are still checked on every verification, and a signature that did not verify is
///   always checked again);
/// - status lists whose verification and decoding succeeded, by URL and content (the list is
///   still fetched on every verification, so a changed list is a new entry; its issuer and
///   validity period are still compared with the credential and the time on every use).
///
/// Bounded in size (entries, and bytes of decoded bitstrings) and in time (each entry lives at
/// most ``lifetime`` on a monotonic clock), so that a controller document that changes, or
/// memory, are never held for long.
final class VerificationMemo: Sendable {
    /// How long an entry is used before it is computed again.
    static let lifetime: Duration = .seconds(300)

    let formats = BoundedCache<SHA256Digest, CheckResult>(capacity: 1024)
    let schemas = BoundedCache<SHA256Digest, CheckResult>(capacity: 1024)
    /// Only signatures that verified (`.valid`) are kept.
    let signatures = BoundedCache<SHA256Digest, DataIntegrity.SignatureResult>(capacity: 4096)
    /// At most 16 MiB of decoded bitstrings (131,072 one-bit statuses take 16 KiB).
    let statusLists = BoundedCache<SHA256Digest, StatusChecker.LoadedList>(capacity: 256, maxCost: 16 << 20)

    init() {}

    /// The key of a document's content, after `prefix`: the SHA-256 of an unambiguous encoding of
    /// the JSON value (each value tagged with its kind, strings and containers with their
    /// lengths, member names and strings as their UTF-8 bytes, numbers as their IEEE 754 bits,
    /// members in their order), so that two values that differ in any byte differ in key.
    static func digest(_ value: JSONValue, prefix: String = "") -> SHA256Digest {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(4096)
        appendString(prefix, to: &buffer)
        append(value, to: &buffer)
        return SHA256.hash(data: buffer)
    }

    /// The key of a signature check: the document's digest, the proof and the public key.
    static func signatureKey(document: SHA256Digest, proof: JSONObject, publicKey: PublicKey) -> SHA256Digest {
        var buffer: [UInt8] = Array(document)
        append(.object(proof), to: &buffer)
        appendString(publicKey.type.rawValue, to: &buffer)
        appendString(publicKey.multibase, to: &buffer)
        return SHA256.hash(data: buffer)
    }

    static func append(_ value: JSONValue, to buffer: inout [UInt8]) {
        switch value {
        case .null:
            buffer.append(0x6E)
        case .bool(let flag):
            buffer.append(flag ? 0x74 : 0x66)
        case .number(let number):
            buffer.append(0x23)
            appendInteger(number.bitPattern, to: &buffer)
        case .string(let text):
            appendString(text, to: &buffer)
        case .array(let items):
            buffer.append(0x5B)
            appendInteger(UInt64(items.count), to: &buffer)
            for item in items { append(item, to: &buffer) }
        case .object(let object):
            buffer.append(0x7B)
            appendInteger(UInt64(object.count), to: &buffer)
            for (name, member) in object {
                appendString(name, to: &buffer)
                append(member, to: &buffer)
            }
        }
    }

    static func appendString(_ text: String, to buffer: inout [UInt8]) {
        buffer.append(0x22)
        var text = text
        text.withUTF8 { bytes in
            appendInteger(UInt64(bytes.count), to: &buffer)
            buffer.append(contentsOf: bytes)
        }
    }

    static func appendInteger(_ value: UInt64, to buffer: inout [UInt8]) {
        for shift in stride(from: 0, to: 64, by: 8) { buffer.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }
}

/// A map with a bounded number of entries (and, optionally, a bounded total cost), each kept at
/// most ``VerificationMemo/lifetime``; when full, the oldest entries go first.
final class BoundedCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    struct Entry {
        var value: Value
        var expires: ContinuousClock.Instant
        var cost: Int
    }

    struct State {
        var entries: [Key: Entry] = [:]
        /// Keys in the order they were stored (a key stored again appears again; stale ones are skipped).
        var order: [Key] = []
        var head = 0
        var cost = 0
    }

    let capacity: Int
    let maxCost: Int
    let lifetime: Duration
    let state = Mutex(State())

    init(capacity: Int, maxCost: Int = .max, lifetime: Duration = VerificationMemo.lifetime) {
        self.capacity = capacity
        self.maxCost = maxCost
        self.lifetime = lifetime
    }

    /// The value stored for `key`, if it has not expired.
    func value(for key: Key) -> Value? {
        let now = ContinuousClock.now
        return state.withLock { state in
            guard let entry = state.entries[key] else { return nil }
            guard entry.expires > now else {
                state.entries.removeValue(forKey: key)
                state.cost -= entry.cost
                return nil
            }
            return entry.value
        }
    }

    /// The value stored for `key`, or else `compute()`'s, stored when `keep` says so (what failed
    /// is not remembered: it is computed again next time).
    func value(for key: Key, orCompute compute: () -> Value, keepIf keep: (Value) -> Bool = { _ in true }) -> Value {
        if let known = value(for: key) { return known }
        let value = compute()
        if keep(value) { store(value, for: key) }
        return value
    }

    /// Stores `value` for `key`; a value costing more than the whole budget is not stored.
    func store(_ value: Value, for key: Key, cost: Int = 0) {
        guard cost <= maxCost else { return }
        let expires = ContinuousClock.now.advanced(by: lifetime)
        state.withLock { state in
            if let previous = state.entries.updateValue(Entry(value: value, expires: expires, cost: cost), forKey: key) {
                state.cost -= previous.cost
            }
            state.cost += cost
            state.order.append(key)
            // The oldest go first, until the map fits again.
            while state.entries.count > capacity || state.cost > maxCost, state.head < state.order.count {
                let oldest = state.order[state.head]
                state.head += 1
                if oldest == key && state.head == state.order.count { break }
                if let removed = state.entries.removeValue(forKey: oldest) { state.cost -= removed.cost }
            }
            // Compact the queue once its consumed part dominates.
            if state.head > 64 && state.head * 2 > state.order.count {
                state.order.removeFirst(state.head)
                state.head = 0
            }
            if state.order.count > capacity * 4 {
                // Keys stored again and again: rebuild the queue from what is kept.
                let kept = state.order[state.head...].reversed().reduce(into: (seen: Set<Key>(), keys: [Key]())) { result, key in
                    if state.entries[key] != nil, result.seen.insert(key).inserted { result.keys.append(key) }
                }
                state.order = kept.keys.reversed()
                state.head = 0
            }
        }
    }

    var count: Int { state.withLock { $0.entries.count } }
}

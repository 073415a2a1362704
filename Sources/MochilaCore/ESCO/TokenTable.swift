#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Interns token bytes while an index is built: an open-addressing hash table over one byte
/// arena, in manually managed buffers so that interning 800,000 tokens stays fast in debug
/// builds too.
final class TokenTable {
    private var bytes: UnsafeMutablePointer<UInt8>
    private var byteCapacity = 1 << 20
    private var byteCount = 0
    /// Token `t` is `bytes[starts[t] ..< starts[t + 1]]`.
    private var starts: UnsafeMutablePointer<Int32>
    private var hashes: UnsafeMutablePointer<UInt32>
    private var tokenCapacity = 1 << 15
    private(set) var count = 0
    /// Token id + 1 per slot, 0 when empty; the count is a power of two, kept under half full.
    private var slots: UnsafeMutablePointer<Int32>
    private var slotCount = 1 << 16

    init() {
        bytes = .allocate(capacity: byteCapacity)
        starts = .allocate(capacity: tokenCapacity + 1)
        starts[0] = 0
        hashes = .allocate(capacity: tokenCapacity)
        slots = .allocate(capacity: slotCount)
        slots.initialize(repeating: 0, count: slotCount)
    }

    deinit {
        bytes.deallocate()
        starts.deallocate()
        hashes.deallocate()
        slots.deallocate()
    }

    /// The id of `token`, adding it if new. Ids count up from 0 in order of first appearance.
    func intern(_ token: UnsafeBufferPointer<UInt8>) -> Int32 {
        let source = token.baseAddress!
        let length = token.count
        var hash: UInt32 = 2_166_136_261  // FNV-1a
        var index = 0
        while index < length {
            hash = (hash ^ UInt32(source[index])) &* 16_777_619
            index += 1
        }
        let mask = slotCount - 1
        var slot = Int(hash) & mask
        while slots[slot] != 0 {
            let id = Int(slots[slot] - 1)
            let start = Int(starts[id])
            if hashes[id] == hash, Int(starts[id + 1]) - start == length, memcmp(bytes + start, source, length) == 0 {
                return Int32(id)
            }
            slot = (slot + 1) & mask
        }
        if byteCount + length > byteCapacity { grow(bytesTo: 2 * (byteCount + length)) }
        if count == tokenCapacity { grow(tokensTo: 2 * tokenCapacity) }
        (bytes + byteCount).update(from: source, count: length)
        byteCount += length
        hashes[count] = hash
        starts[count + 1] = Int32(byteCount)
        slots[slot] = Int32(count + 1)
        count += 1
        if count * 2 > slotCount { rehash() }
        return Int32(count - 1)
    }

    private func grow(bytesTo capacity: Int) {
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        larger.update(from: bytes, count: byteCount)
        bytes.deallocate()
        bytes = larger
        byteCapacity = capacity
    }

    private func grow(tokensTo capacity: Int) {
        let largerStarts = UnsafeMutablePointer<Int32>.allocate(capacity: capacity + 1)
        largerStarts.update(from: starts, count: count + 1)
        starts.deallocate()
        starts = largerStarts
        let largerHashes = UnsafeMutablePointer<UInt32>.allocate(capacity: capacity)
        largerHashes.update(from: hashes, count: count)
        hashes.deallocate()
        hashes = largerHashes
        tokenCapacity = capacity
    }

    private func rehash() {
        slots.deallocate()
        slotCount *= 2
        slots = .allocate(capacity: slotCount)
        slots.initialize(repeating: 0, count: slotCount)
        let mask = slotCount - 1
        var id = 0
        while id < count {
            var slot = Int(hashes[id]) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id + 1)
            id += 1
        }
    }

    /// The tokens in byte-wise order (bytes and starts, as ``ESCOIndex`` keeps them) and, for
    /// each id given by ``intern(_:)``, its position in that order.
    func sorted() -> (bytes: [UInt8], starts: [Int32], renumbered: [Int32]) {
        let bytes = self.bytes
        let starts = self.starts
        let order = (0..<count).sorted { a, b in
            let aStart = Int(starts[a])
            let aLength = Int(starts[a + 1]) - aStart
            let bStart = Int(starts[b])
            let bLength = Int(starts[b + 1]) - bStart
            let order = memcmp(bytes + aStart, bytes + bStart, min(aLength, bLength))
            return order != 0 ? order < 0 : aLength < bLength
        }
        var sortedBytes: [UInt8] = []
        sortedBytes.reserveCapacity(byteCount)
        var sortedStarts: [Int32] = [0]
        sortedStarts.reserveCapacity(count + 1)
        var renumbered = [Int32](repeating: 0, count: count)
        for (position, id) in order.enumerated() {
            let start = Int(starts[id])
            sortedBytes.append(contentsOf: UnsafeBufferPointer(start: bytes + start, count: Int(starts[id + 1]) - start))
            sortedStarts.append(Int32(sortedBytes.count))
            renumbered[id] = Int32(position)
        }
        return (sortedBytes, sortedStarts, renumbered)
    }
}

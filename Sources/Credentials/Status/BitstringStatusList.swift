/// The bitstring of a status list: one status of `statusSize` bits for each credential index.
///
/// [Bitstring Status List v1.0](https://www.w3.org/TR/vc-bitstring-status-list/), section 2.2
/// (`encodedList`) and the security consideration "Bitstring Encoding": index 0 is the left-most
/// bit, the most significant bit of byte 0; the last index is the right-most bit of the last byte.
/// A status of several bits is read in the same order, its first bit the most significant.
///
/// Issuers create a list with ``init(size:statusSize:)``, ``set(_:to:)`` statuses, and publish
/// ``encodedList()``; verifiers decode with ``init(encodedList:statusSize:limits:)`` and ``get(_:)``.
public struct BitstringStatusList: Sendable, Hashable {
    /// Section 3.2 (2): the minimum number of entries, 131,072 (16 KiB of one-bit statuses).
    public static let minimumEntries = 131_072
    /// The largest `statusSize` this implementation handles (the spec lets processors support only 1).
    public static let maximumStatusSize = 8

    /// Bounds on the data a list is decoded from, so that a hostile list fails fast.
    public struct Limits: Sendable, Hashable {
        /// The most bytes the GZIP data may have.
        public var maxCompressedBytes: Int
        /// The most bytes the uncompressed bitstring may have.
        public var maxBitstringBytes: Int

        public init(maxCompressedBytes: Int = 4 << 20 + 4096, maxBitstringBytes: Int = 4 << 20) {
            self.maxCompressedBytes = maxCompressedBytes
            self.maxBitstringBytes = maxBitstringBytes
        }

        /// At most 4 MiB of bitstring (33,554,432 one-bit entries), from at most 4 MiB + 4 KiB of GZIP.
        public static let `default` = Limits()
    }

    /// The uncompressed bitstring.
    public private(set) var bytes: [UInt8]
    /// The size of each status, in bits.
    public let statusSize: Int

    /// The length of the bitstring in bits.
    public var bitCount: Int { bytes.count * 8 }
    /// How many statuses the list holds: its length divided by `statusSize`.
    public var count: Int { bitCount / statusSize }

    /// A list of `size` statuses, all 0, for an issuer to fill.
    /// - Throws: ``CredentialsError/Code/statusListLength`` when `size` is below
    ///   ``minimumEntries``; ``CredentialsError/Code/malformedValue`` for a `statusSize` outside
    ///   1...``maximumStatusSize``; ``CredentialsError/Code/sizeLimit`` past the default limits.
    public init(size: Int = BitstringStatusList.minimumEntries, statusSize: Int = 1) throws {
        try BitstringStatusList.checkStatusSize(statusSize)
        guard size >= BitstringStatusList.minimumEntries else {
            throw CredentialsError(
                .statusListLength, "a status list needs at least \(BitstringStatusList.minimumEntries) entries, not \(size)")
        }
        let bytes = (size * statusSize + 7) / 8
        guard bytes <= Limits.default.maxBitstringBytes else {
            throw CredentialsError(
                .sizeLimit,
                "a list of \(size) statuses of \(statusSize) bits is larger than \(Limits.default.maxBitstringBytes) bytes")
        }
        self.bytes = [UInt8](repeating: 0, count: bytes)
        self.statusSize = statusSize
    }

    /// A list over an uncompressed bitstring, of any length.
    public init(bitstring: [UInt8], statusSize: Int = 1) throws {
        try BitstringStatusList.checkStatusSize(statusSize)
        self.bytes = bitstring
        self.statusSize = statusSize
    }

    /// Decodes an `encodedList`: section 3.4 "Bitstring Expansion Algorithm".
    ///
    /// The value must be Multibase base64url without padding (a `u` followed only by `A-Z a-z
    /// 0-9 - _`), and the bytes it encodes GZIP. The length is not checked against
    /// ``minimumEntries`` here; validation does that (section 3.2 (9)).
    /// - Throws: ``CredentialsError/Code/malformedValue`` for a value that is not Multibase
    ///   base64url, ``CredentialsError/Code/compression`` for bytes that are not GZIP,
    ///   ``CredentialsError/Code/sizeLimit`` for data beyond `limits`.
    public init(encodedList: String, statusSize: Int = 1, limits: Limits = .default) throws {
        try BitstringStatusList.checkStatusSize(statusSize)
        let utf8 = encodedList.utf8
        guard utf8.first == UInt8(ascii: "u") else {
            throw CredentialsError(.malformedValue, "encodedList must be Multibase base64url, starting with 'u'")
        }
        // Four base64 characters carry three bytes.
        guard (utf8.count - 1) / 4 * 3 <= limits.maxCompressedBytes else {
            throw CredentialsError(.sizeLimit, "encodedList holds more than \(limits.maxCompressedBytes) bytes of compressed data")
        }
        let isBase64URL = utf8.dropFirst().allSatisfy { c in
            (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x2D || c == 0x5F
        }
        guard isBase64URL else {
            throw CredentialsError(.malformedValue, "encodedList must be base64url without padding (A-Z a-z 0-9 - _ only)")
        }
        let compressed: [UInt8]
        do {
            compressed = try Base64URL.decode(String(encodedList.dropFirst()))
        } catch {
            throw CredentialsError(.malformedValue, "encodedList is not valid base64url: \(error)")
        }
        self.bytes = try GZIP.decompress(compressed, maxOutput: limits.maxBitstringBytes)
        self.statusSize = statusSize
    }

    static func checkStatusSize(_ statusSize: Int) throws {
        guard (1...maximumStatusSize).contains(statusSize) else {
            throw CredentialsError(.malformedValue, "statusSize \(statusSize) is not between 1 and \(maximumStatusSize)")
        }
    }

    /// The status at `index`: the `statusSize` bits starting at bit `index × statusSize`.
    /// - Throws: ``CredentialsError/Code/range`` when the status lies outside the bitstring.
    public func get(_ index: Int) throws -> Int {
        try checkRange(index)
        var value = 0
        for bit in index * statusSize..<(index + 1) * statusSize {
            value = value << 1 | Int(bytes[bit >> 3] >> (7 - (bit & 7)) & 1)
        }
        return value
    }

    /// Sets the status at `index` (1, "set", by default).
    /// - Throws: ``CredentialsError/Code/range`` for an index outside the list,
    ///   ``CredentialsError/Code/malformedValue`` for a value that does not fit in `statusSize` bits.
    public mutating func set(_ index: Int, to value: Int = 1) throws {
        try checkRange(index)
        guard value >= 0, value < 1 << statusSize else {
            throw CredentialsError(.malformedValue, "the status \(value) does not fit in \(statusSize) bits")
        }
        for offset in 0..<statusSize {
            let bit = index * statusSize + offset
            let mask = UInt8(0x80) >> UInt8(bit & 7)
            if value >> (statusSize - 1 - offset) & 1 == 1 {
                bytes[bit >> 3] |= mask
            } else {
                bytes[bit >> 3] &= ~mask
            }
        }
    }

    func checkRange(_ index: Int) throws {
        guard index >= 0, index < count else {
            throw CredentialsError(.range, "index \(index) is outside the status list, which holds \(count) statuses")
        }
    }

    /// The indexes whose status is not 0, in order.
    public var nonZeroIndexes: [Int] {
        var indexes: [Int] = []
        for (offset, byte) in bytes.enumerated() where byte != 0 {
            let first = offset * 8 / statusSize
            let last = min(count - 1, (offset * 8 + 7) / statusSize)
            guard first <= last else { continue }
            for index in first...last where (try? get(index)) ?? 0 != 0 && indexes.last != index {
                indexes.append(index)
            }
        }
        return indexes
    }

    /// The list as `encodedList`: section 3.3 "Bitstring Generation Algorithm" (3), the bitstring
    /// GZIP-compressed and Multibase-encoded as base64url without padding.
    public func encodedList() -> String {
        Multibase.encode(GZIP.compress(bytes), base: .base64url)
    }
}

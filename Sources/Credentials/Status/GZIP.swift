/// The GZIP file format ([RFC 1952](https://www.rfc-editor.org/rfc/rfc1952)) around ``Deflate`` and
/// ``Inflate``, as Bitstring Status List's `encodedList` uses it.
public enum GZIP {
    /// 2.3.1: the flag bits of a member header.
    enum Flag {
        static let text: UInt8 = 1 << 0
        static let headerCRC: UInt8 = 1 << 1
        static let extra: UInt8 = 1 << 2
        static let name: UInt8 = 1 << 3
        static let comment: UInt8 = 1 << 4
        static let reserved: UInt8 = 0b1110_0000
    }

    /// Compresses `data` into a single GZIP member.
    ///
    /// The header is fixed (no name, MTIME 0, OS 255 "unknown"), so equal inputs give equal
    /// bytes, as a published status list wants.
    public static func compress(_ data: [UInt8]) -> [UInt8] {
        // 2.3: ID1 ID2 CM FLG MTIME(4) XFL OS.
        var output: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF]
        output.append(contentsOf: Deflate.deflate(data))
        appendLittleEndian(CRC32.checksum(data), to: &output)
        appendLittleEndian(UInt32(truncatingIfNeeded: data.count), to: &output)
        return output
    }

    /// Decompresses GZIP data: one member, or several concatenated (their outputs joined, 2.2).
    ///
    /// Each member's header is read with its optional fields (FEXTRA, FNAME, FCOMMENT) and, when
    /// FHCRC is set, the header's CRC-16 is checked; after the compressed data, the CRC-32 and
    /// ISIZE of the member's output are checked. Bytes after the last member are an error.
    /// - Parameter maxOutput: the most bytes the output may hold; larger data fails as soon as it
    ///   crosses the limit, so a decompression bomb costs no more than `maxOutput` bytes of work.
    /// - Throws: ``CredentialsError/Code/compression`` for data that is not valid GZIP,
    ///   ``CredentialsError/Code/sizeLimit`` when the output would exceed `maxOutput`.
    public static func decompress(_ data: [UInt8], maxOutput: Int) throws -> [UInt8] {
        guard !data.isEmpty else { throw failure("the data is empty") }
        var output: [UInt8] = []
        var offset = 0
        while offset < data.count {
            let start = try headerEnd(data, from: offset)
            let member: [UInt8]
            let end: Int
            do {
                (member, end) = try Inflate.inflate(data, from: start, maxOutput: maxOutput - output.count)
            } catch let error as CredentialsError where error.code == .sizeLimit {
                throw CredentialsError(.sizeLimit, "the data inflates to more than \(maxOutput) bytes")
            }
            // 2.3.1: CRC32 and ISIZE, little-endian.
            guard end + 8 <= data.count else { throw failure("the CRC-32 and size trailer is missing") }
            guard readLittleEndian(data, at: end) == CRC32.checksum(member) else {
                throw failure("the CRC-32 does not match the data")
            }
            guard readLittleEndian(data, at: end + 4) == UInt32(truncatingIfNeeded: member.count) else {
                throw failure("the size in the trailer does not match the data")
            }
            output.append(contentsOf: member)
            offset = end + 8
        }
        return output
    }

    /// Reads a member header starting at `offset` and returns where its compressed data starts.
    static func headerEnd(_ data: [UInt8], from offset: Int) throws -> Int {
        guard offset + 10 <= data.count, data[offset] == 0x1F, data[offset + 1] == 0x8B else {
            throw failure(offset == 0 ? "the data does not start with the GZIP signature" : "bytes follow the last GZIP member")
        }
        guard data[offset + 2] == 8 else { throw failure("compression method \(data[offset + 2]) is not DEFLATE (8)") }
        let flags = data[offset + 3]
        guard flags & Flag.reserved == 0 else { throw failure("reserved header flags are set") }
        var position = offset + 10
        if flags & Flag.extra != 0 {
            guard position + 2 <= data.count else { throw failure("the header ends inside FEXTRA") }
            position += 2 + (Int(data[position]) | Int(data[position + 1]) << 8)
        }
        for flag in [Flag.name, Flag.comment] where flags & flag != 0 {
            // A zero-terminated ISO 8859-1 string.
            while position < data.count, data[position] != 0 { position += 1 }
            position += 1
        }
        if flags & Flag.headerCRC != 0 {
            guard position + 2 <= data.count else { throw failure("the header ends inside FHCRC") }
            let expected = UInt16(data[position]) | UInt16(data[position + 1]) << 8
            guard UInt16(truncatingIfNeeded: CRC32.checksum(data[offset..<position])) == expected else {
                throw failure("the header CRC-16 does not match")
            }
            position += 2
        }
        guard position < data.count else { throw failure("the data ends inside the header") }
        return position
    }

    static func failure(_ reason: String) -> CredentialsError {
        CredentialsError(.compression, "invalid GZIP data: \(reason)")
    }

    static func appendLittleEndian(_ value: UInt32, to bytes: inout [UInt8]) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }

    static func readLittleEndian(_ bytes: [UInt8], at index: Int) -> UInt32 {
        (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[index + $1]) << UInt32(8 * $1) }
    }
}

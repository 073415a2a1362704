/// The CRC-32 of GZIP ([RFC 1952, section 8](https://www.rfc-editor.org/rfc/rfc1952#section-8)):
/// polynomial 0xEDB88320 (reflected), initial value and final XOR 0xFFFFFFFF.
///
/// `CRC32.checksum(Array("123456789".utf8)) == 0xCBF43926`, the standard check value.
public struct CRC32: Sendable, Hashable {
    static let table: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    /// The running register, before the final XOR.
    private var register: UInt32 = 0xFFFF_FFFF

    public init() {}

    /// Adds bytes to the checksum.
    public mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        var c = register
        let table = CRC32.table
        for byte in bytes { c = table[Int((c ^ UInt32(byte)) & 0xFF)] ^ (c >> 8) }
        register = c
    }

    /// The checksum of the bytes added so far.
    public var value: UInt32 { register ^ 0xFFFF_FFFF }

    /// The checksum of `bytes`.
    public static func checksum<Bytes: Sequence>(_ bytes: Bytes) -> UInt32 where Bytes.Element == UInt8 {
        var crc = CRC32()
        crc.update(bytes)
        return crc.value
    }
}

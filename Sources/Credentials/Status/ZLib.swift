/// The zlib format (RFC 1950): a two-byte header, DEFLATE data and an Adler-32 checksum, as
/// compressed PNG text chunks carry it (a baked badge's `iTXt`).
public enum ZLib {
    /// Decompresses zlib data of at most `maxOutput` bytes.
    /// - Throws: ``CredentialsError`` for a bad header, a preset dictionary, corrupt data, a wrong
    ///   checksum or output past the limit.
    public static func inflate(_ input: [UInt8], maxOutput: Int = 4 << 20) throws -> [UInt8] {
        guard input.count >= 6 else { throw CredentialsError(.invalidEncoding, "zlib data is too short") }
        let cmf = input[0]
        let flags = input[1]
        // RFC 1950, 2.2: method 8 (deflate), window at most 32 KiB, check bits, no preset dictionary.
        guard cmf & 0x0F == 8, cmf >> 4 <= 7, (UInt16(cmf) << 8 | UInt16(flags)) % 31 == 0 else {
            throw CredentialsError(.invalidEncoding, "not zlib data (bad header)")
        }
        guard flags & 0x20 == 0 else { throw CredentialsError(.invalidEncoding, "zlib data with a preset dictionary") }
        let (output, end) = try Inflate.inflate(input, from: 2, maxOutput: maxOutput)
        guard end + 4 <= input.count else { throw CredentialsError(.invalidEncoding, "zlib data has no checksum") }
        let expected = UInt32(input[end]) << 24 | UInt32(input[end + 1]) << 16 | UInt32(input[end + 2]) << 8 | UInt32(input[end + 3])
        guard adler32(output) == expected else { throw CredentialsError(.invalidEncoding, "zlib data fails its Adler-32 checksum") }
        return output
    }

    /// Compresses `data` into a zlib stream: the header of DEFLATE with a 32 KiB window, the
    /// DEFLATE data and the Adler-32 of `data` (what PNG's `IDAT` and PDF's `/FlateDecode` hold).
    public static func compress(_ data: [UInt8]) -> [UInt8] {
        [0x78, 0x9C] + Deflate.deflate(data) + PNG.bigEndian(adler32(data))
    }

    /// Adler-32 (RFC 1950, 8.2).
    public static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1
        var b: UInt32 = 0
        var index = 0
        while index < bytes.count {
            // 5552 bytes keep the sums below 2^32 between reductions.
            let end = min(index + 5552, bytes.count)
            while index < end {
                a += UInt32(bytes[index])
                b += a
                index += 1
            }
            a %= 65521
            b %= 65521
        }
        return b << 16 | a
    }
}

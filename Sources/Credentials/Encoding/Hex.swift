/// Lowercase hexadecimal, as the test vectors print hashes and signatures.
public enum Hex {
    /// Encodes bytes as lowercase hexadecimal.
    public static func encode<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var output: [UInt8] = []
        for byte in bytes {
            output.append(digits[Int(byte >> 4)])
            output.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Decodes hexadecimal in either case.
    /// - Throws: ``CredentialsError/Code/invalidEncoding`` for an odd length or a non-hex character.
    public static func decode(_ text: String) throws -> [UInt8] {
        let input = Array(text.utf8)
        guard input.count % 2 == 0 else {
            throw CredentialsError(.invalidEncoding, "hexadecimal text has an odd number of digits")
        }
        var output: [UInt8] = []
        output.reserveCapacity(input.count / 2)
        func value(_ c: UInt8) throws -> UInt8 {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
            default:
                throw CredentialsError(.invalidEncoding, "'\(Character(Unicode.Scalar(c)))' is not a hexadecimal digit")
            }
        }
        var i = 0
        while i < input.count {
            output.append(try value(input[i]) << 4 | value(input[i + 1]))
            i += 2
        }
        return output
    }
}

/// Base64 with the URL and filename safe alphabet (RFC 4648, section 5), without padding, as JOSE
/// and Multibase's `u` prefix use it. Also decodes standard base64, padded or not.
public enum Base64URL {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
    static let standardAlphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    static let decodeTable: [Int8] = {
        var table = [Int8](repeating: -1, count: 256)
        for (index, character) in alphabet.enumerated() { table[Int(character)] = Int8(index) }
        table[Int(UInt8(ascii: "+"))] = 62
        table[Int(UInt8(ascii: "/"))] = 63
        return table
    }()

    /// Encodes bytes as unpadded base64url.
    public static func encode<Bytes: Collection>(_ bytes: Bytes, padded: Bool = false, standard: Bool = false) -> String
    where Bytes.Element == UInt8 {
        let input = Array(bytes)
        let table = standard ? standardAlphabet : alphabet
        var output: [UInt8] = []
        output.reserveCapacity((input.count + 2) / 3 * 4)
        var i = 0
        while i + 3 <= input.count {
            let n = UInt32(input[i]) << 16 | UInt32(input[i + 1]) << 8 | UInt32(input[i + 2])
            output.append(table[Int(n >> 18 & 63)])
            output.append(table[Int(n >> 12 & 63)])
            output.append(table[Int(n >> 6 & 63)])
            output.append(table[Int(n & 63)])
            i += 3
        }
        let rest = input.count - i
        if rest == 1 {
            let n = UInt32(input[i]) << 16
            output.append(table[Int(n >> 18 & 63)])
            output.append(table[Int(n >> 12 & 63)])
            if padded { output.append(contentsOf: "==".utf8) }
        } else if rest == 2 {
            let n = UInt32(input[i]) << 16 | UInt32(input[i + 1]) << 8
            output.append(table[Int(n >> 18 & 63)])
            output.append(table[Int(n >> 12 & 63)])
            output.append(table[Int(n >> 6 & 63)])
            if padded { output.append(UInt8(ascii: "=")) }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Decodes base64url or base64, with or without padding.
    /// - Throws: ``CredentialsError/Code/invalidEncoding`` for a character outside the alphabets.
    public static func decode(_ text: String) throws -> [UInt8] {
        var input = Array(text.utf8)
        while let last = input.last, last == UInt8(ascii: "=") { input.removeLast() }
        if input.count % 4 == 1 { throw CredentialsError(.invalidEncoding, "the base64 text has an impossible length") }
        var output: [UInt8] = []
        output.reserveCapacity(input.count * 3 / 4)
        var buffer: UInt32 = 0
        var bits = 0
        for character in input {
            let value = decodeTable[Int(character)]
            guard value >= 0 else {
                throw CredentialsError(.invalidEncoding, "'\(Character(Unicode.Scalar(character)))' is not a base64 character")
            }
            buffer = buffer << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8(buffer >> UInt32(bits) & 0xFF))
            }
        }
        return output
    }
}

/// Base58 with the Bitcoin alphabet (base58btc), as Multibase's `z` prefix uses it.
///
/// See draft-msporny-base58-03. Leading zero bytes map to leading `1` characters.
public enum Base58 {
    static let alphabet = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".utf8)
    static let decodeTable: [Int8] = {
        var table = [Int8](repeating: -1, count: 128)
        for (index, character) in alphabet.enumerated() { table[Int(character)] = Int8(index) }
        return table
    }()

    /// Encodes bytes as base58btc text.
    public static func encode<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let input = Array(bytes)
        var zeros = 0
        while zeros < input.count, input[zeros] == 0 { zeros += 1 }
        // Base-58 digits, least significant first; size bound log(256)/log(58) ≈ 1.37.
        var digits = [UInt8](repeating: 0, count: (input.count - zeros) * 138 / 100 + 1)
        var length = 0
        for byte in input[zeros...] {
            var carry = Int(byte)
            var i = 0
            while carry != 0 || i < length {
                carry += 256 * Int(digits[i])
                digits[i] = UInt8(carry % 58)
                carry /= 58
                i += 1
            }
            length = i
        }
        var output = [UInt8](repeating: alphabet[0], count: zeros)
        output.reserveCapacity(zeros + length)
        for i in stride(from: length - 1, through: 0, by: -1) { output.append(alphabet[Int(digits[i])]) }
        return String(decoding: output, as: UTF8.self)
    }

    /// The longest text ``decode(_:)`` accepts, in characters (base58btc is ASCII).
    ///
    /// Decoding takes time quadratic in the length, and the text often comes from the document
    /// being verified (a `did:key` issuer, a `proofValue`); a megabyte would take hours. What
    /// Mochila reads in base58btc is far shorter: keys, signatures and digests, the longest being
    /// an RSA-8192 secret key in Multikey form, about 6,400 characters.
    public static let maxTextLength = 8_192

    /// Decodes base58btc text.
    /// - Throws: ``CredentialsError/Code/invalidEncoding`` for a character outside the alphabet,
    ///   or a text longer than ``maxTextLength``.
    public static func decode(_ text: String) throws -> [UInt8] {
        guard text.utf8.count <= maxTextLength else {
            throw CredentialsError(
                .invalidEncoding, "the base58btc text is \(text.utf8.count) characters, more than the limit of \(maxTextLength)")
        }
        let input = Array(text.utf8)
        var zeros = 0
        while zeros < input.count, input[zeros] == alphabet[0] { zeros += 1 }
        var bytes = [UInt8](repeating: 0, count: (input.count - zeros) * 733 / 1000 + 1)
        var length = 0
        for character in input[zeros...] {
            guard character < 128, decodeTable[Int(character)] >= 0 else {
                throw CredentialsError(
                    .invalidEncoding, "'\(Character(Unicode.Scalar(character)))' is not a base58btc character")
            }
            var carry = Int(decodeTable[Int(character)])
            var i = 0
            while carry != 0 || i < length {
                carry += 58 * Int(bytes[i])
                bytes[i] = UInt8(carry & 0xFF)
                carry >>= 8
                i += 1
            }
            length = i
        }
        var output = [UInt8](repeating: 0, count: zeros)
        output.reserveCapacity(zeros + length)
        for i in stride(from: length - 1, through: 0, by: -1) { output.append(bytes[i]) }
        return output
    }
}

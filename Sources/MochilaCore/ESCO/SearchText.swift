import Foundation

/// The normal form that labels and queries are compared in.
///
/// Text is decomposed (Unicode NFKD), lowercased and stripped of its combining marks, so that
/// "Enfermería", "ENFERMERIA" and "enfermeria" agree, as do "ç" and "c", "ñ" and "n", or "ﬁ"
/// and "fi". Any run of characters that are not letters or digits separates tokens. Tokens are
/// handled as UTF-8 bytes.
public struct SearchText {
    /// The folded form of each non-ASCII scalar met so far: its bytes in normal form, with
    /// 0x20 where it separates tokens.
    ///
    /// Decomposition applies scalar by scalar (reordering only moves the marks that are then
    /// dropped), so folding each distinct scalar once gives the same tokens as decomposing
    /// whole labels, for a fraction of the work when 200,000 labels are indexed.
    private var folded: [Unicode.Scalar: [UInt8]] = [:]

    init() {}

    /// Calls `body` with each token of `text` in normal form, in order.
    ///
    /// The bytes passed to `body` are valid only during the call.
    mutating func forEachToken(in text: some StringProtocol, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var string = String(text)
        string.withUTF8 { utf8 in
            guard let input = utf8.baseAddress, utf8.count > 0 else { return }
            // Folding makes at most 11 bytes of one (U+FDFA, 3 bytes, becomes 33): 18 per
            // byte of input always leaves room.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: utf8.count * 18) { scratch in
                let output = scratch.baseAddress!
                var length = 0
                var position = 0
                // Note: `while` loops over raw pointers stay fast in debug builds too, where the
                // catalogue is also loaded (by the tests).
                while position < utf8.count {
                    let byte = input[position]
                    if byte < 0x80 {
                        position += 1
                        switch byte {
                        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                            output[length] = byte
                            length += 1
                        case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                            output[length] = byte | 0x20
                            length += 1
                        default:
                            if length > 0 { body(UnsafeBufferPointer(start: output, count: length)) }
                            length = 0
                        }
                        continue
                    }
                    // A multi-byte scalar (the string is valid UTF-8).
                    let size = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                    var value = UInt32(byte) & (size == 2 ? 0x1F : size == 3 ? 0x0F : 0x07)
                    var offset = 1
                    while offset < size {
                        value = value << 6 | UInt32(input[position + offset] & 0x3F)
                        offset += 1
                    }
                    position += size
                    for folded in fold(Unicode.Scalar(value) ?? " ") {
                        if folded == 0x20 {
                            if length > 0 { body(UnsafeBufferPointer(start: output, count: length)) }
                            length = 0
                        } else {
                            output[length] = folded
                            length += 1
                        }
                    }
                }
                if length > 0 { body(UnsafeBufferPointer(start: output, count: length)) }
            }
        }
    }

    /// A non-ASCII scalar in normal form: decomposed, lowercased, marks dropped, and 0x20 for
    /// whatever is not a letter or digit.
    private mutating func fold(_ scalar: Unicode.Scalar) -> [UInt8] {
        if let known = folded[scalar] { return known }
        var bytes: [UInt8] = []
        for part in String(scalar).decomposedStringWithCompatibilityMapping.lowercased().unicodeScalars {
            switch part.properties.generalCategory {
            case .nonspacingMark, .enclosingMark:
                continue  // an accent split off by decomposition: á → a + ◌́
            case .lowercaseLetter, .uppercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .spacingMark,
                .decimalNumber, .letterNumber, .otherNumber:
                bytes.append(contentsOf: String(part).utf8)
            default:
                bytes.append(0x20)
            }
        }
        folded[scalar] = bytes
        return bytes
    }

    /// The tokens of `text` in normal form.
    public static func tokens(_ text: some StringProtocol) -> [[UInt8]] {
        var tokens: [[UInt8]] = []
        var folder = SearchText()
        folder.forEachToken(in: text) { tokens.append(Array($0)) }
        return tokens
    }

    /// `text` in normal form: its tokens joined by single spaces.
    static func normalized(_ text: some StringProtocol) -> String {
        tokens(text).map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ")
    }
}

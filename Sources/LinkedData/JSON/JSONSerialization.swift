/// How ``JSONValue/serialized(_:)`` lays out its output.
public struct JSONOutputOptions: Sendable, Hashable {
    /// Indent nested values by two spaces per level, one member per line.
    public var pretty: Bool
    /// Order object members by the UTF-16 code units of their names, as RFC 8785 (JCS) requires.
    public var sortedKeys: Bool

    public init(pretty: Bool = false, sortedKeys: Bool = false) {
        self.pretty = pretty
        self.sortedKeys = sortedKeys
    }

    /// One line, members in their order.
    public static let compact = JSONOutputOptions()
    /// Two-space indentation, members in their order.
    public static let pretty = JSONOutputOptions(pretty: true)
}

extension JSONValue {
    /// The value as JSON text, in UTF-8.
    ///
    /// Strings and numbers are written as ECMAScript's `JSON.stringify` writes them, so that with
    /// `sortedKeys` the output is the RFC 8785 canonical form.
    public func serialized(_ options: JSONOutputOptions = .compact) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(256)
        write(to: &output, options: options, indent: 0)
        return output
    }

    /// The value as JSON text.
    public func serializedString(_ options: JSONOutputOptions = .compact) -> String {
        String(decoding: serialized(options), as: UTF8.self)
    }

    func write(to output: inout [UInt8], options: JSONOutputOptions, indent: Int) {
        switch self {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let b): output.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let n): output.append(contentsOf: ECMAScriptNumber.format(n).utf8)
        case .string(let s): JSONValue.writeString(s, to: &output)
        case .array(let items):
            if items.isEmpty {
                output.append(contentsOf: "[]".utf8)
                return
            }
            output.append(UInt8(ascii: "["))
            for (offset, item) in items.enumerated() {
                if offset > 0 { output.append(UInt8(ascii: ",")) }
                if options.pretty { newline(&output, indent + 1) }
                item.write(to: &output, options: options, indent: indent + 1)
            }
            if options.pretty { newline(&output, indent) }
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            if object.isEmpty {
                output.append(contentsOf: "{}".utf8)
                return
            }
            output.append(UInt8(ascii: "{"))
            let keys = options.sortedKeys ? object.keys.sorted(by: JSONValue.utf16Precedes) : object.keys
            for (offset, key) in keys.enumerated() {
                if offset > 0 { output.append(UInt8(ascii: ",")) }
                if options.pretty { newline(&output, indent + 1) }
                JSONValue.writeString(key, to: &output)
                output.append(UInt8(ascii: ":"))
                if options.pretty { output.append(UInt8(ascii: " ")) }
                object[key]!.write(to: &output, options: options, indent: indent + 1)
            }
            if options.pretty { newline(&output, indent) }
            output.append(UInt8(ascii: "}"))
        }
    }

    private func newline(_ output: inout [UInt8], _ indent: Int) {
        output.append(0x0A)
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * 2))
    }

    /// Whether `a` sorts before `b` by UTF-16 code units (RFC 8785, section 3.2.3).
    public static func utf16Precedes(_ a: String, _ b: String) -> Bool {
        var left = a.utf16.makeIterator()
        var right = b.utf16.makeIterator()
        while true {
            switch (left.next(), right.next()) {
            case (nil, nil): return false
            case (nil, _): return true
            case (_, nil): return false
            case (let x?, let y?):
                if x != y { return x < y }
            }
        }
    }

    /// Writes `string` as a JSON string literal the way ECMAScript's `JSON.stringify` does.
    static func writeString(_ string: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case 0x22: output.append(contentsOf: [0x5C, 0x22])
            case 0x5C: output.append(contentsOf: [0x5C, 0x5C])
            case 0x08: output.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x09: output.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x0A: output.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0C: output.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            case 0x0D: output.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x00..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                output.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}

/// ECMAScript's Number::toString (ECMA-262, 6.1.6.1.20), which JSON.stringify and RFC 8785 use.
public enum ECMAScriptNumber {
    /// The shortest decimal digits that round-trip `value` and the decimal exponent `n` such that
    /// `value = 0.d1d2...dk × 10^n` (ECMA-262's `s`, `k` and `n`). `value` must be finite and
    /// positive.
    public static func decompose(_ value: Double) -> (digits: [UInt8], exponent: Int) {
        // Swift's description prints the shortest round-tripping digits, as "1.2345e-07",
        // "123.0" or "5e-324".
        let text = Array(value.description.utf8)
        var mantissa: [UInt8] = []
        var pointPosition: Int? = nil
        var exponent = 0
        var i = 0
        while i < text.count {
            let c = text[i]
            if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                exponent = Int(String(decoding: text[(i + 1)...], as: UTF8.self))!
                break
            }
            if c == UInt8(ascii: ".") {
                pointPosition = mantissa.count
            } else {
                mantissa.append(c - UInt8(ascii: "0"))
            }
            i += 1
        }
        var n = (pointPosition ?? mantissa.count) + exponent
        // Strip leading zeros (each moves the point left) and trailing zeros.
        var start = 0
        while start < mantissa.count - 1, mantissa[start] == 0 {
            start += 1
            n -= 1
        }
        var end = mantissa.count
        while end > start + 1, mantissa[end - 1] == 0 { end -= 1 }
        return (Array(mantissa[start..<end]), n)
    }

    /// The number as ECMAScript prints it: `1`, `0.5`, `1e+21`, `1.5e-7`.
    public static func format(_ value: Double) -> String {
        if value == 0 { return "0" }
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        if value < 0 { return "-" + format(-value) }
        if value < 1e15, value == value.rounded(.towardZero) {
            return String(Int64(value))
        }
        let (digits, n) = decompose(value)
        let k = digits.count
        let s = String(decoding: digits.map { $0 + UInt8(ascii: "0") }, as: UTF8.self)
        if k <= n && n <= 21 {
            return s + String(repeating: "0", count: n - k)
        }
        if 0 < n && n <= 21 {
            let index = s.index(s.startIndex, offsetBy: n)
            return s[..<index] + "." + s[index...]
        }
        if -6 < n && n <= 0 {
            return "0." + String(repeating: "0", count: -n) + s
        }
        let e = n - 1
        let exponent = e < 0 ? "-\(-e)" : "+\(e)"
        if k == 1 { return s + "e" + exponent }
        return String(s.first!) + "." + s.dropFirst() + "e" + exponent
    }
}

import Testing

@testable import LinkedData

@Suite struct JSONParsingTests {
    @Test func parsesEveryKindOfValue() throws {
        let value = try JSONValue(parsing: #"{"a": [1, -2.5, 1e3, true, false, null, "x\u00e9\n\ud83d\ude00"], "b": {}}"#)
        #expect(value["a"] == [1, -2.5, 1000, true, false, .null, "xé\n😀"])
        #expect(value["b"] == .object([:]))
    }

    @Test func keepsMemberOrderButComparesWithoutIt() throws {
        let value = try JSONValue(parsing: #"{"z": 1, "a": 2, "m": 3}"#)
        #expect(value.objectValue?.keys == ["z", "a", "m"])
        #expect(value == (try JSONValue(parsing: #"{"a": 2, "m": 3, "z": 1}"#)))
        #expect(value.serializedString() == #"{"z":1,"a":2,"m":3}"#)
    }

    @Test(arguments: [
        ("", "unexpected end"),
        ("{", "unexpected end"),
        ("[1,]", "unexpected character"),
        ("{\"a\":1,}", "member name"),
        ("{\"a\":1 \"b\":2}", "expected ','"),
        ("01", "unexpected content"),
        ("1.", "decimal point"),
        ("-", "unexpected end"),
        ("\"\\x\"", "invalid escape"),
        ("\"\\ud800\"", "lone UTF-16 surrogate"),
        ("\"a\u{01}\"", "control character"),
        ("{\"a\":1,\"a\":2}", "duplicate member name \"a\""),
        ("1e400", "too large"),
        ("[1] x", "unexpected content"),
        ("tru", "unexpected end"),
        ("nul1", "invalid literal"),
    ])
    func refusesMalformedJSONNamingTheProblem(input: String, expected: String) {
        do {
            _ = try JSONValue(parsing: input)
            Issue.record("accepted \(input)")
        } catch let error as JSONParseError {
            #expect(error.description.contains(expected), "\(input): \(error)")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func reportsLineAndColumn() {
        do {
            _ = try JSONValue(parsing: "{\n  \"a\": 1,\n  \"b\": ?\n}")
            Issue.record("accepted")
        } catch let error as JSONParseError {
            #expect(error.line == 3)
            #expect(error.column == 8)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func refusesInvalidUTF8() {
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: [0x22, 0xC3, 0x28, 0x22]) }
    }

    @Test func enforcesLimits() {
        let deep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: deep) }
        let ok = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect((try? JSONValue(parsing: ok)) != nil)
        let limits = JSONLimits(maxBytes: 10)
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: "[1,2,3,4,5,6]", limits: limits) }
        let longString = JSONLimits(maxStringBytes: 4)
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: "\"abcdef\"", limits: longString) }
        // Very deep input fails cleanly rather than exhausting the stack.
        let hostile = String(repeating: "{\"a\":", count: 100_000)
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: hostile) }
    }

    @Test func toleratesAByteOrderMark() throws {
        #expect(try JSONValue(parsing: [0xEF, 0xBB, 0xBF] + Array("[1]".utf8)) == [1])
    }
}

@Suite struct JSONSerializationTests {
    /// ECMAScript Number::toString, as RFC 8785 appendix B lists and JSON.stringify prints.
    @Test(arguments: [
        (0.0, "0"), (-0.0, "0"), (1.0, "1"), (-1.0, "-1"), (0.5, "0.5"), (100.0, "100"),
        (1e21, "1e+21"), (1e20, "100000000000000000000"), (123456789012345680000.0, "123456789012345680000"),
        (1e-7, "1e-7"), (0.000001, "0.000001"), (1.5e-7, "1.5e-7"), (Double.leastNonzeroMagnitude, "5e-324"),
        (1.7976931348623157e308, "1.7976931348623157e+308"), (9007199254740992.0, "9007199254740992"),
        (333333333.3333333, "333333333.3333333"), (4.5, "4.5"), (2e-3, "0.002"), (0.1 + 0.2, "0.30000000000000004"),
        (1e15, "1000000000000000"), (1.2e16, "12000000000000000"), (295147905179352830000.0, "295147905179352830000"),
        (-Double.leastNonzeroMagnitude, "-5e-324"), (1e+23, "1e+23"),
    ])
    func formatsNumbersAsECMAScript(value: Double, expected: String) {
        #expect(ECMAScriptNumber.format(value) == expected)
    }

    /// RFC 8785, appendix B: IEEE 754 bit patterns and their canonical text, as Node.js prints them.
    @Test(arguments: [
        (0x0000000000000000, "0"), (0x8000000000000000, "0"), (0x0000000000000001, "5e-324"),
        (0x8000000000000001, "-5e-324"), (0x7fefffffffffffff, "1.7976931348623157e+308"),
        (0xffefffffffffffff, "-1.7976931348623157e+308"), (0x4340000000000000, "9007199254740992"),
        (0xc340000000000000, "-9007199254740992"), (0x4430000000000000, "295147905179352830000"),
        (0x44b52d02c7e14af5, "9.999999999999997e+22"), (0x44b52d02c7e14af6, "1e+23"),
        (0x44b52d02c7e14af7, "1.0000000000000001e+23"), (0x444b1ae4d6e2ef4f, "999999999999999900000"),
        (0x444b1ae4d6e2ef50, "1e+21"), (0x444b1ae4d6e2ef51, "1.0000000000000001e+21"),
        (0x3eb0c6f7a0b5ed8c, "9.999999999999997e-7"), (0x3eb0c6f7a0b5ed8d, "0.000001"),
        (0x3eb0c6f7a0b5ed8e, "0.0000010000000000000002"), (0x41b3de4355555553, "333333333.3333332"),
        (0x41b3de4355555554, "333333333.33333325"), (0x41b3de4355555555, "333333333.3333333"),
        (0x41b3de4355555556, "333333333.3333334"), (0x41b3de4355555557, "333333333.33333343"),
        (0xbecbf647612f3696, "-0.0000033333333333333333"), (0x43143ff3c1cb0959, "1424953923781206.2"),
    ] as [(UInt64, String)])
    func formatsRFC8785AppendixB(bits: UInt64, expected: String) {
        #expect(ECMAScriptNumber.format(Double(bitPattern: bits)) == expected)
    }

    @Test func escapesStringsAsJSONStringify() {
        let value: JSONValue = .string("\"\\/\u{08}\u{0C}\n\r\t\u{01}\u{1F}é€😀\u{7F}")
        #expect(value.serializedString() == #""\"\\/\b\f\n\r\t\u0001\u001fé€😀\#u{7F}""#)
    }

    @Test func sortsKeysByUTF16CodeUnits() throws {
        // RFC 8785, section 3.2.3.
        let input = try JSONValue(parsing: #"""
            {"\u20ac": "Euro Sign", "\r": "Carriage Return", "\ufb33": "Hebrew Letter Dalet With Dagesh",
             "1": "One", "\ud83d\ude00": "Emoji: Grinning Face", "\u0080": "Control",
             "\u00f6": "Latin Small Letter O With Diaeresis"}
            """#)
        let keys = input.objectValue!.keys.sorted(by: JSONValue.utf16Precedes)
        #expect(keys == ["\r", "1", "\u{80}", "ö", "€", "😀", "\u{FB33}"])
    }

    @Test func prettyPrintsWithTwoSpaces() {
        let value: JSONValue = ["a": [1, 2], "b": [:], "c": []]
        #expect(value.serializedString(.pretty) == "{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": {},\n  \"c\": []\n}")
    }

    @Test func roundTripsThroughText() throws {
        let text = #"{"name":"José Martí Pérez","n":[1,2.5,-3e-7],"ok":true,"none":null}"#
        #expect(try JSONValue(parsing: text).serializedString() == text)
    }
}

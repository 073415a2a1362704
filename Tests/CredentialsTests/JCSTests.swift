import LinkedData
import Testing

@testable import Credentials

@Suite struct JCSTests {
    @Test func canonicalizesRFC8785Example() throws {
        // RFC 8785, section 3.2.2 (values) and 3.2.3 (sorting).
        let input = try JSONValue(parsing: #"""
            {
              "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
              "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
              "literals": [null, true, false]
            }
            """#)
        let expected = #"{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}"#
        #expect(String(decoding: JCS.canonicalize(input), as: UTF8.self) == expected)
    }

    @Test func sortsNestedObjects() throws {
        let input: JSONValue = ["b": ["d": 1, "c": 2], "a": [["z": 1, "y": 2]]]
        #expect(String(decoding: JCS.canonicalize(input), as: UTF8.self) == #"{"a":[{"y":2,"z":1}],"b":{"c":2,"d":1}}"#)
    }
}

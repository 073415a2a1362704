import LinkedData

/// The JSON Canonicalization Scheme (RFC 8785).
///
/// Members are sorted by the UTF-16 code units of their names, strings and numbers are written
/// as ECMAScript's `JSON.stringify` writes them, and there is no whitespace.
public enum JCS {
    /// The canonical UTF-8 bytes of `value`.
    public static func canonicalize(_ value: JSONValue) -> [UInt8] {
        value.serialized(JSONOutputOptions(pretty: false, sortedKeys: true))
    }
}

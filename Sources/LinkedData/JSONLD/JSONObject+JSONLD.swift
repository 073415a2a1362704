extension JSONObject {
    /// The JSON-LD API's *add value* ([§ 2, "add value"](https://www.w3.org/TR/json-ld11-api/#dfn-add-value)):
    /// adds `value` to the `key` entry, making it an array when it has more than one value or
    /// `asArray` is true, and adding each item of an array value.
    mutating func addValue(_ value: JSONValue, forKey key: String, asArray: Bool) {
        // 1. Make the entry an array when asked.
        if asArray {
            if let index = storage.index(forKey: key) {
                if storage.values[index].arrayValue == nil {
                    storage.values[index] = .array([storage.values[index]])
                }
            } else {
                storage[key] = .array([])
            }
        }
        // 2. Add an array's items one by one.
        if case .array(let items) = value {
            for item in items { addValue(item, forKey: key, asArray: asArray) }
            return
        }
        // 3.
        guard let index = storage.index(forKey: key) else {
            storage[key] = value
            return
        }
        storage.values[index].appendItem(value)
    }
}

extension JSONValue {
    /// Appends `item`, making the value an array of itself and `item` when it is not one.
    mutating func appendItem(_ item: JSONValue) {
        if case .array(var items) = self {
            // Release this reference first so that the append happens in place.
            self = .null
            items.append(item)
            self = .array(items)
        } else {
            self = .array([self, item])
        }
    }

    /// Whether the value is a value object: a map with an `@value` entry.
    var isValueObject: Bool {
        if case .object(let object) = self { return object["@value"] != nil }
        return false
    }

    /// Whether the value is a list object: a map with an `@list` entry.
    var isListObject: Bool {
        if case .object(let object) = self { return object["@list"] != nil }
        return false
    }

    /// Whether the value is a graph object: a map with `@graph` and at most `@id` and `@index` besides.
    var isGraphObject: Bool {
        guard case .object(let object) = self, object["@graph"] != nil else { return false }
        return object.keys.allSatisfy { $0 == "@graph" || $0 == "@id" || $0 == "@index" || $0 == "@context" }
    }

    /// Whether the value is a node object in expanded form: a map that is not a value, list or set
    /// object.
    var isNodeObject: Bool {
        guard case .object(let object) = self else { return false }
        return object["@value"] == nil && object["@list"] == nil && object["@set"] == nil
    }
}

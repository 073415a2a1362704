import Credentials

extension ESCOCatalog {
    /// A line of an ESCO file that could not be read as a concept.
    struct LineError: Error, CustomStringConvertible {
        var line: Int
        var reason: String
        var description: String { "line \(line): \(reason)" }
    }

    /// The concepts in the JSON Lines of Mochila's ESCO files (fields in `Resources/esco/SOURCES.md`).
    ///
    /// A reader made for these files, not a general JSON parser: it skips the fields it does
    /// not keep (`broader`: the skill hierarchy it points into is not bundled) and finds the
    /// ends of strings with `memchr`, so the 17 MB of the two files read in a fraction of the
    /// time that building `JSONValue` trees takes. It fails, rather than guess, on a line that
    /// is not one object, on a kept field of the wrong type and on strings that are not valid
    /// JSON strings; the values of skipped fields are only checked for balanced brackets.
    /// - Throws: ``LineError`` naming the line.
    static func concepts(jsonLines bytes: [UInt8], occupations: Bool) throws -> [ESCOConcept] {
        try bytes.withUnsafeBufferPointer { buffer -> [ESCOConcept] in
            guard let base = buffer.baseAddress else { return [] }
            var concepts: [ESCOConcept] = []
            var reader = JSONLineReader(base: base, count: buffer.count)
            var line = 0
            while true {
                reader.skipWhitespace()
                if reader.atEnd { break }
                line += 1
                do {
                    concepts.append(try reader.concept(occupation: occupations))
                    try reader.endOfLine()
                } catch let error as JSONLineReader.Failure {
                    throw LineError(line: line, reason: error.reason)
                }
            }
            return concepts
        }
    }
}

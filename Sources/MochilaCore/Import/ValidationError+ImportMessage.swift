extension ValidationError.Problem {
    /// The problem's message in Spanish, Portuguese and English.
    ///
    /// `ValidationError` messages are English sentences; this recognises those that
    /// ``AwardInput/validatedLearner()`` writes, so that the batch import reuses its rules rather
    /// than copying them. A message not recognised is shown as written, in English, in every
    /// language (`value.other`); a test keeps the two in step.
    var importMessage: ImportMessage {
        if message == "is required" { return ImportMessage("value.required") }
        if message == "contains control characters" { return ImportMessage("value.control") }
        if message.hasPrefix("is longer than "), message.hasSuffix(" characters") {
            let limit = message.dropFirst("is longer than ".count).dropLast(" characters".count)
            if Int(limit) != nil { return ImportMessage("value.tooLong", String(limit)) }
        }
        if let value = Self.quotedValue(in: message, before: " is not an email address") {
            return ImportMessage("value.email", value)
        }
        if let value = Self.quotedValue(in: message, before: " is not a DID") { return ImportMessage("value.did", value) }
        return ImportMessage("value.other", message)
    }

    /// `x` in `"x" is not …`.
    private static func quotedValue(in message: String, before suffix: String) -> String? {
        guard message.hasSuffix(suffix) else { return nil }
        let quoted = message.dropLast(suffix.count)
        guard quoted.count >= 2, quoted.first == "\"", quoted.last == "\"" else { return nil }
        return String(quoted.dropFirst().dropLast())
    }
}

/// Input that cannot be accepted, with every problem found and the field it is in.
///
/// Nothing is written when validation fails; the API answers 400 with these problems.
public struct ValidationError: Error, Sendable, Hashable, CustomStringConvertible {
    public struct Problem: Sendable, Hashable {
        /// The field, as a path: `learningOutcomes[0].skills[1].uri`.
        public var field: String
        public var message: String

        public init(field: String, message: String) {
            self.field = field
            self.message = message
        }
    }

    public var problems: [Problem]

    public init(_ problems: [Problem]) {
        self.problems = problems
    }

    public init(field: String, _ message: String) {
        self.problems = [Problem(field: field, message: message)]
    }

    public var description: String {
        problems.map { "\($0.field): \($0.message)" }.joined(separator: "; ")
    }
}

/// Collects problems while checking input.
struct Validator {
    var problems: [ValidationError.Problem] = []

    mutating func require(_ condition: Bool, _ field: String, _ message: @autoclosure () -> String) {
        if !condition { problems.append(.init(field: field, message: message())) }
    }

    mutating func fail(_ field: String, _ message: String) {
        problems.append(.init(field: field, message: message))
    }

    func check() throws {
        if !problems.isEmpty { throw ValidationError(problems) }
    }
}

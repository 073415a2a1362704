/// One way a credential or presentation breaks the Verifiable Credentials Data Model.
///
/// ```swift
/// for violation in VCDataModel.violations(of: credential) {
///     print(violation.rule, violation.path, violation.message.text(.es))
/// }
/// ```
public struct DataModelViolation: Sendable, Hashable, CustomStringConvertible {
    /// The rule's short, stable id, such as `context-first` (see ``DataModelRule``).
    public var rule: String
    /// Where in the document: a member path such as `credentialSubject[0].id` or
    /// `verifiableCredential[1].issuer`; empty for the document as a whole.
    public var path: String
    /// What is wrong, readable in each ``Language``; its first argument is ``path``.
    public var message: Message

    public init(rule: String, path: String, message: Message) {
        self.rule = rule
        self.path = path
        self.message = message
    }

    init(_ rule: DataModelRule, at path: String, _ details: [String] = []) {
        self.rule = rule.rawValue
        self.path = path
        self.message = Message(key: rule.messageKey, arguments: [path] + details)
    }

    /// The rule this violation breaks, when it is one of ``DataModelRule``.
    public var dataModelRule: DataModelRule? { DataModelRule(rawValue: rule) }

    public var description: String {
        "\(rule) at \(path.isEmpty ? "(document)" : path): \(message.text(.en))"
    }
}

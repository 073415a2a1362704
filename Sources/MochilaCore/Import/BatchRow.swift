/// A learner to issue to, read from one row of a spreadsheet.
public struct BatchRow: Sendable, Hashable {
    /// The row as the spreadsheet numbers it (the header is row 1), to trace an award to its row.
    public var row: Int
    /// The learner, checked by the same rules as a single award (``AwardInput/validatedLearner()``).
    public var learner: Learner
    /// The grade as written in the file (`"6,5"`, `"18/20"`, `"A"`), or `nil` when empty.
    ///
    /// Note: grades are not converted (`"6,5"` stays `"6,5"`): the credential shows the grade as
    /// the institution writes it, and the scale is the spec's, not the importer's.
    public var grade: String?

    public init(row: Int, learner: Learner, grade: String?) {
        self.row = row
        self.learner = learner
        self.grade = grade
    }
}

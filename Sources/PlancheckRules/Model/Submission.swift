import PlancheckValues
import PlancheckYAML

/// One district's plan figures, as read from its file and validated against a pack's catalogue.
public struct Submission: Sendable {
    public var file: SourceFile
    /// The district code as written (validated against the pack's registry).
    public var districtCode: String
    public var districtCodeLocation: SourceLocation
    /// The district's kind from the registry; nil when the code is unknown.
    public var districtKind: String?
    public var year: Int?
    /// Figures by indicator key (after resolving Chinese names), converted to the catalogue unit.
    public var figures: [String: SubmittedFigure]
    /// Previous-year figures, same shape.
    public var previous: [String: SubmittedFigure]
    /// Figures written for a known indicator but unreadable: where each is written (its diagnostic is there).
    public var unusable: [String: SourceLocation] = [:]
    public var deviations: [Deviation]
    /// The location of the whole document, for findings about the file as a whole.
    public var rootLocation: SourceLocation

    /// The memberwise initializer, for the other plancheck modules (the engine builds rule examples' submissions):
    /// the one Swift synthesizes stays internal.
    package init(file: SourceFile, districtCode: String, districtCodeLocation: SourceLocation, districtKind: String? = nil,
                 year: Int? = nil, figures: [String: SubmittedFigure], previous: [String: SubmittedFigure],
                 unusable: [String: SourceLocation] = [:], deviations: [Deviation], rootLocation: SourceLocation) {
        self.file = file
        self.districtCode = districtCode
        self.districtCodeLocation = districtCodeLocation
        self.districtKind = districtKind
        self.year = year
        self.figures = figures
        self.previous = previous
        self.unusable = unusable
        self.deviations = deviations
        self.rootLocation = rootLocation
    }
}

/// A figure a district submitted.
public struct SubmittedFigure: Sendable {
    /// The value in the catalogue's unit.
    public var quantity: Quantity
    /// The value as the district wrote it, in its own unit (differs from `quantity` after a conversion).
    public var written: Quantity
    /// The text as it stood in the file.
    public var text: String
    /// Where the value is written.
    public var location: SourceLocation
    /// A qualifier the district wrote with the figure (以上, 左右, ...), if any.
    public var qualifier: String?
    /// A qualitative figure (保持正增长): the figure is a bound, not a point.
    public var bound: QualitativeBound?
}

/// A figure stated as a direction rather than a number ("保持正增长" = above zero).
public enum QualitativeBound: String, Sendable {
    case positive, negative
}

/// A justified deviation declared in a submission: a failure of `ruleID` becomes acknowledged.
public struct Deviation: Sendable {
    public var ruleID: String
    public var reason: String
    public var approvedBy: String
    public var document: String?
    /// `YYYY-MM-DD`; after it the deviation no longer acknowledges anything.
    public var expires: String?
    public var location: SourceLocation
}

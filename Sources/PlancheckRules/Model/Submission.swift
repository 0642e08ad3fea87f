import PlancheckValues
import PlancheckYAML

/// One district's plan figures, as read from its file and validated against a pack's catalogue.
///
/// A class: a run hands each unit's submission to every aggregate of every rule about the whole, and copying a
/// struct of this many references cost a retain and a release of each, per unit, per aggregate.
public final class Submission: Sendable {
    public let file: SourceFile
    /// The district code as written (validated against the pack's registry).
    public let districtCode: String
    public let districtCodeLocation: SourceLocation
    /// The district's kind from the registry; nil when the code is unknown.
    public let districtKind: String?
    public let year: Int?
    /// Figures by indicator key (after resolving Chinese names), converted to the catalogue unit.
    public let figures: FigureTable
    /// Previous-year figures, same shape: the `previous:` section's, with last year's submitted figures where it
    /// has none (see `PreviousYearFigures`); a figure taken from last year's file is located there.
    public let previous: FigureTable
    /// Where the `previous:` section is written; nil when the file has none (an empty section is still a section).
    public let previousSection: SourceLocation?
    /// Last year's file of the unit that supplied previous-year figures, if any.
    public let previousYearFile: SourceFile?
    /// Figures written for a known indicator but unreadable: where each is written (its diagnostic is there).
    public let unusable: [String: SourceLocation]
    public let deviations: [Deviation]
    /// The location of the whole document, for findings about the file as a whole.
    public let rootLocation: SourceLocation

    public init(file: SourceFile, districtCode: String, districtCodeLocation: SourceLocation, districtKind: String?,
                year: Int?, figures: FigureTable, previous: FigureTable, unusable: [String: SourceLocation] = [:],
                deviations: [Deviation], rootLocation: SourceLocation, previousSection: SourceLocation? = nil,
                previousYearFile: SourceFile? = nil) {
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
        self.previousSection = previousSection
        self.previousYearFile = previousYearFile
    }
}

/// A figure a district submitted.
public struct SubmittedFigure: Sendable {
    /// The value in the catalogue's unit.
    public var quantity: Quantity
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

/// A submission's figures by indicator key, stored compactly: a run keeps every unit's figures until the rules about
/// the whole have run, and a dictionary of ~100 figures (rounded up to 256 buckets) cost four times as much.
public struct FigureTable: Sendable, ExpressibleByDictionaryLiteral {
    /// Sorted, for binary search; the pack's own key strings, so that units share their storage.
    private let keys: [String]
    private let values: [SubmittedFigure]

    public init(_ figures: [String: SubmittedFigure]) {
        let sorted = figures.sorted { $0.key < $1.key }
        keys = sorted.map(\.key)
        values = sorted.map(\.value)
    }

    public init(dictionaryLiteral elements: (String, SubmittedFigure)...) {
        self.init(Dictionary(elements, uniquingKeysWith: { first, _ in first }))
    }

    public subscript(key: String) -> SubmittedFigure? {
        var low = 0, high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if keys[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low < keys.count && keys[low] == key ? values[low] : nil
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }
    /// The indicator keys, in order.
    public var indicators: [String] { keys }
}

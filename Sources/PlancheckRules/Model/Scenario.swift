import PlancheckYAML

/// A pack-level test (`plancheck rules test`): a set of submission files checked together, with the outcome expected
/// per rule and unit and the problems expected per file — so that rule authors can test totals, duplicates and
/// missing units, which one rule's examples cannot.
public struct Scenario: Sendable {
    public var id: String
    public var title: LocalizedText?
    /// The submission files, by name, as written in the scenario.
    public var files: [ScenarioFile]
    /// A submission for every other unit of the pack, `{district}` standing for its code; nil for none.
    public var everyUnit: String?
    /// Units the `every_unit` template leaves out (they send no file).
    public var omit: [String]
    public var requireAllDistricts: Bool
    public var expectations: [ScenarioExpectation]
    public var location: SourceLocation
}

public struct ScenarioFile: Sendable {
    public var name: String
    public var text: String
}

/// One expected finding: a rule's outcome for a unit (or the whole), or a problem (`PC…`) with a unit's file; the
/// words its report must contain in each language (message, notes and help together).
public struct ScenarioExpectation: Sendable {
    public var rule: String?
    public var code: String?
    /// A unit's code; nil for the whole (rules) or any unit (problems).
    public var unit: String?
    public var outcome: String?
    public var severity: String?
    /// The line the finding must be located on, in its file.
    public var line: Int?
    public var words: [Language: String]
    public var location: SourceLocation
}

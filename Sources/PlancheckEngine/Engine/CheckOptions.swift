import PlancheckRules

/// How a run is checked, beyond the pack and the files.
public struct CheckOptions: Sendable {
    /// When true, a city total over an incomplete set of districts fails instead of being "not evaluated".
    public var requireAllDistricts: Bool = false
    /// The day against which deviations' expiry dates are compared (`YYYY-MM-DD`).
    public var today: String = DateText.today()
    /// Severity per rule id or diagnostic code, overriding the pack (from configuration). Applied by `CheckRun` to
    /// every finding of the run, problems with files included.
    public var severityOverrides: [String: Severity] = [:]
    /// Quota tables: indicator key → district code → quota, referenced as `quota.KEY`.
    public var quotas: [String: [String: LocatedQuantity]] = [:]
    /// In a repository of several plan years, each configured year's submission globs (`packs:`): a file that states
    /// another year than its pack's (PC033) is told where that year's files go.
    public var yearSelections: [Int: [String]] = [:]

    public init() {}
}

/// The version of plancheck, printed by `plancheck --version` and written into machine-readable reports.
public enum PlancheckVersion {
    public static let current = "0.1.0"
    /// The project's home, for reports that name the tool (SARIF's `informationUri`).
    public static let informationURI = "https://github.com/plancheck/plancheck"
}

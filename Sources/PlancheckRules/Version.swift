/// The version of plancheck, printed by `plancheck --version` and written into machine-readable reports.
public enum PlancheckVersion {
    public static let current = "0.1.0"
}

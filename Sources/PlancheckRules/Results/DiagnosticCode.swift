/// Built-in codes for problems with input files, as opposed to rule outcomes (which carry the rule's id).
/// Codes are stable: users may configure severities and search documentation by them.
public enum DiagnosticCode: String, Sendable, CaseIterable {
    // Reading files
    case fileUnreadable = "PC001"
    case yamlSyntax = "PC002"
    case yamlDuplicateKey = "PC003"
    case yaml11Ambiguity = "PC004"
    case yamlLimit = "PC005"
    // Structure of packs and submissions
    case unknownKey = "PC010"
    case wrongShape = "PC011"
    case missingField = "PC012"
    case invalidValue = "PC013"
    // Submissions
    case unknownIndicator = "PC020"
    case missingRequiredIndicator = "PC021"
    case unreadableFigure = "PC022"
    case incompatibleUnit = "PC023"
    case unitConverted = "PC024"
    case figureNormalised = "PC025"
    case implausibleFigure = "PC026"
    case unknownDistrict = "PC030"
    case retiredDistrictCode = "PC031"
    case districtNameMismatch = "PC032"
    case wrongYear = "PC033"
    case duplicateSubmission = "PC034"
    case submissionNotStarted = "PC035"
    case previousYearFigures = "PC036"
    case previousYearMismatch = "PC037"
    case deviationUnused = "PC040"
    case deviationExpired = "PC041"
    case deviationUnknownRule = "PC042"
    // Rule packs
    case expressionSyntax = "PC050"
    case unknownReference = "PC051"
    case unitMismatch = "PC052"
    case duplicateRuleID = "PC053"
    case contradiction = "PC054"
    case ruleExampleFailed = "PC055"
}

extension DiagnosticCode {
    /// The code's one-line title in the catalogues (what SARIF shows as the rule's description).
    public var titleKey: MessageKey {
        MessageKey(rawValue: "code" + rawValue) ?? .plain
    }
}

import PlancheckRules

/// The output formats of `plancheck check` (named in PlancheckRules, where the configuration reads them). Each
/// format is one `Reporter`; the CLI only picks one from here.
extension ReportFormat {
    /// The reporter for this format. `useColor` only matters to formats read on a terminal.
    public func reporter(useColor: Bool) -> any Reporter {
        switch self {
        case .text: return TextReporter(useColor: useColor)
        case .json: return JSONReporter()
        case .sarif: return SARIFReporter()
        case .github: return GitHubReporter()
        case .junit: return JUnitReporter()
        case .markdown: return MarkdownReporter()
        case .html: return HTMLReporter()
        }
    }

    /// Whether the format shows every rule result, passes included (the HTML matrix, a JUnit test case per rule):
    /// a run then keeps them all instead of only counting them.
    public var listsEveryResult: Bool {
        switch self {
        case .html, .junit: return true
        case .text, .json, .sarif, .github, .markdown: return false
        }
    }
}

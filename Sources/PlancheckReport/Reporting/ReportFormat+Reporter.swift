import PlancheckRules

/// The output formats of `plancheck check` (named in PlancheckRules, where the configuration reads them). Each
/// format is one `Reporter`; the CLI only picks one from here.
extension ReportFormat {
    /// The reporter for this format. `useColor` and `width` (columns, `TextReporter.unwrapped` for none) only
    /// matter to the text format, read on a terminal; `quiet` (the text formats only) leaves out the findings and
    /// keeps the summary.
    public func reporter(useColor: Bool, quiet: Bool = false, width: Int = 100) -> any Reporter {
        switch self {
        case .text:
            var reporter = TextReporter(useColor: useColor, width: width)
            reporter.listsEntries = !quiet
            return reporter
        case .concise: return ConciseReporter(listsEntries: !quiet)
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
        case .text, .concise, .json, .sarif, .github, .markdown: return false
        }
    }
}

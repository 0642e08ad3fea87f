/// The output formats of `plancheck check`, by the names the command line and `.plancheck.yml` use. The
/// configuration checks those names when it is loaded; each format's `Reporter` is in PlancheckReport
/// (`ReportFormat.reporter(useColor:)`).
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, concise, json, sarif, github, junit, markdown, html
}

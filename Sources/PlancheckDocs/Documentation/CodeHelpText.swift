import PlancheckEngine
import PlancheckReport
import PlancheckRules

/// The help reports give for each code (SARIF's rule `help`): what `plancheck explain` prints, as text and as
/// Markdown, for a rule and for a built-in code alike.
public enum CodeHelpText {
    /// The provider a `ReportContext` takes (`codeHelp`), for the rules of `pack`.
    public static func provider(pack: Pack) -> @Sendable (CheckResult, Language) -> CodeHelp? {
        { result, language in
            switch result {
            case .rule(let rule):
                let text = RuleExplainer.text(rule.rule, pack: pack, language: language)
                return CodeHelp(text: text, markdown: markdown(fromExplanation: text))
            case .diagnostic(let diagnostic):
                return CodeHelp(text: CodeExplainer.text(diagnostic.code, language: language, vocabulary: pack.vocabulary),
                                markdown: CodeExplainer.markdown(diagnostic.code, language: language,
                                                                 vocabulary: pack.vocabulary))
            }
        }
    }

    /// An explanation's lines as Markdown: the first line bold, each labelled line on its own line, the indented
    /// example as a YAML code block.
    static func markdown(fromExplanation text: String) -> String {
        var output: [String] = []
        var inCode = false
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let code = line.hasPrefix("    ")
            if code && !inCode { output.append("```yaml") }
            if !code && inCode { output.append("```") }
            inCode = code
            if code {
                output.append(String(line.dropFirst(4)))
            } else if index == 0 {
                output.append("**" + line + "**" + "  ")
            } else {
                output.append(line.isEmpty ? "" : line + "  ")
            }
        }
        if inCode { output.append("```") }
        while output.last == "" { output.removeLast() }
        return output.joined(separator: "\n") + "\n"
    }
}

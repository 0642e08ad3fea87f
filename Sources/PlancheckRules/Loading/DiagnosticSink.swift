import PlancheckYAML

/// Collects the diagnostics produced while reading packs and submissions. Loading never stops at the first
/// problem: a user fixing a file wants to see all of them at once.
package final class DiagnosticSink {
    package private(set) var diagnostics: [Diagnostic] = []

    package init() {}

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    func report(_ code: DiagnosticCode, _ severity: Severity, _ message: Message, at location: SourceLocation?,
                help: Message? = nil, notes: [Diagnostic.Note] = [], district: String? = nil,
                edits: [Diagnostic.Edit] = []) {
        var diagnostic = Diagnostic(code, severity, message, location: location, unit: district)
        diagnostic.help = help
        diagnostic.notes = notes
        diagnostic.edits = edits
        diagnostics.append(diagnostic)
    }

    func append(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    /// Adds `note` to the diagnostic with `code` reported at `location`, if there is one.
    func addNote(_ note: Diagnostic.Note, toDiagnosticAt location: SourceLocation, code: DiagnosticCode) {
        guard let index = diagnostics.lastIndex(where: {
            $0.code == code && $0.location?.description == location.description
        }) else { return }
        diagnostics[index].notes.append(note)
    }
    func append(contentsOf other: [Diagnostic]) { diagnostics.append(contentsOf: other) }

    /// Reports what the YAML layer found in a file that otherwise parsed.
    func report(issues: [YAMLIssue], in file: SourceFile) {
        for issue in issues {
            let location = SourceLocation(file: file, span: issue.span)
            switch issue.kind {
            case .duplicateKey:
                var notes: [Diagnostic.Note] = []
                if let first = issue.otherSpan {
                    let earlier = SourceLocation(file: file, span: first)
                    notes.append(.firstDefinedHere(earlier))
                }
                report(.yamlDuplicateKey, .error, Message(.duplicateKey, ["key": .text(issue.text)]),
                       at: location, help: Message(.helpDuplicateKey), notes: notes)
            case .yaml11Boolean, .yaml11Octal, .yaml11Sexagesimal, .yaml11DigitGrouping, .yaml11Binary:
                report(.yaml11Ambiguity, .warning, Message(.yaml11Ambiguity, [
                    "text": .text(issue.text), "reading": .text(issue.yaml11Reading ?? "?")]),
                       at: location, help: Message(.helpQuoteScalar, ["text": .text(issue.text)]))
            }
        }
    }

    /// Reports a file that could not be parsed as YAML.
    func report(error: YAMLError, in file: SourceFile) {
        let location = SourceLocation(file: file, span: SourceSpan(at: error.mark))
        switch error.kind {
        case .tooLarge, .tooDeep, .aliasExpansionLimit:
            report(.yamlLimit, .error, Message(.yamlLimit, ["problem": .text(error.problem)]), at: location)
        case .multipleDocuments:
            report(.yamlSyntax, .error, Message(.multipleDocuments), at: location,
                   help: Message(.helpOneDocument))
        default:
            let problem = LocalizedText(zh: LibyamlText.chinese(error.problem) ?? error.problem, en: error.problem)
            var notes: [Diagnostic.Note] = []
            if let context = error.context, let mark = error.contextMark {
                let contextText = LocalizedText(zh: LibyamlText.chinese(context) ?? context, en: context)
                let place = SourceLocation(file: file, span: SourceSpan(at: mark))
                notes.append(Diagnostic.Note(Message(.noteYAMLContext, [
                    "context": .localized(contextText), "location": .path(place.description)]), at: place))
            }
            report(.yamlSyntax, .error, Message(.yamlSyntax, ["problem": .localized(problem)]), at: location,
                   help: Message(.helpYAMLSyntax), notes: notes)
        }
    }
}

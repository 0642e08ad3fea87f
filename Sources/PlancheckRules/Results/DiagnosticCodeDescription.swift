/// What a built-in code means, declared once (SwiftLint's `RuleDescription` idea): its title (in the message
/// catalogues), a description in both languages, and examples that do and do not trigger it. `plancheck explain
/// PC021` prints it, `docs/diagnostic-codes.md` is generated from it, SARIF gives it as each rule's help, and the
/// tests run every example.
///
/// The examples are written against a small illustrative pack (`Tests/PlancheckCoreTests/Fixtures/test-pack`: the
/// districts 990101 东区 and 990102 西区, the county 990121 北县, the retired code 990111, the indicators
/// `gdp_growth`, `industry_growth`, `budget_spending`, `livelihood_spending`, `new_jobs`, the rule `TL-GDP` …),
/// so that they are short and do not depend on any real plan.
public struct DiagnosticCodeDescription: Sendable {
    public let code: DiagnosticCode
    /// What the code reports, why it matters, and what to do: a few sentences, naming units with the vocabulary's
    /// placeholders (`{unit}`, `{units}`, `{whole}`): `text(_:vocabulary:)` fills them.
    public let description: LocalizedText

    /// The description in `language`, in a pack's words for its units.
    public func text(_ language: Language, vocabulary: Vocabulary = .neutral) -> String {
        vocabulary.fill(description[language], in: language)
    }
    public let triggering: [Example]
    public let nonTriggering: [Example]

    /// An input that shows the code: a submission (one file, or several checked together), or rules added to the
    /// illustrative pack.
    public struct Example: Sendable {
        public enum Kind: Sendable {
            case submission
            /// Several submissions checked in one run (a duplicate submission needs two).
            case submissions
            /// A rules file included in the illustrative pack.
            case rules
            /// A submission checked with its unit's file of the year before (the first text), which is read with
            /// the illustrative pack's previous year's edition (`year: 2024`).
            case withPreviousYear
        }

        public let kind: Kind
        /// The files' text (one, except for `.submissions`).
        public let texts: [String]
        /// Saved as UTF-16 (little-endian, with a byte-order mark) instead of UTF-8.
        public let utf16: Bool

        init(_ kind: Kind, _ texts: [String], utf16: Bool = false) {
            self.kind = kind
            self.texts = texts
            self.utf16 = utf16
        }

        static func submission(_ text: String, utf16: Bool = false) -> Example { Example(.submission, [text], utf16: utf16) }
        static func submissions(_ texts: String...) -> Example { Example(.submissions, texts) }
        static func rules(_ text: String) -> Example { Example(.rules, [text]) }
        /// Where a `.withPreviousYear` example's two files are, in a repository with a folder per year.
        public static let previousYearPaths = ["2024/990101.yml", "2025/990101.yml"]

        static func withPreviousYear(_ previous: String, _ current: String) -> Example {
            Example(.withPreviousYear, [previous, current])
        }

        /// The bytes of the first file as the example saves it.
        public var bytes: [[UInt8]] {
            texts.map { text in
                guard utf16 else { return Array(text.utf8) }
                return [0xFF, 0xFE] + text.utf16.flatMap { unit -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
            }
        }
    }

    /// The code's one-line title in `language`, in a pack's words for its units (`.neutral` when no pack is in
    /// view, as in `docs/diagnostic-codes.md`).
    public func title(_ language: Language, vocabulary: Vocabulary = .neutral) -> String {
        MessageCatalogue.text(code.titleKey, language, vocabulary)
    }
}

extension DiagnosticCode {
    /// This code's description and examples.
    public var codeDescription: DiagnosticCodeDescription {
        DiagnosticCodeDescription.all.first { $0.code == self }!
    }

    /// `PC021` (any case) as a code.
    public static func named(_ text: String) -> DiagnosticCode? {
        DiagnosticCode(rawValue: text.uppercased())
    }
}

/// Pieces of the examples' submissions.
enum ExampleText {
    static let header = "submission:\n  district: \"990101\"\n  year: 2025\n"
    /// 东区's submission of the year before, as the previous year's folder holds it.
    static let lastYear = """
        submission:
          district: "990101"
          year: 2024
        indicators:
          gdp_growth: 5.3%
          new_jobs: 1.1万人

        """
    static let figures = """
          gdp_growth: 5.6%
          industry_growth: 5.1%
          budget_spending: 100亿元
          livelihood_spending: 80亿元
          new_jobs: 1.2万人

        """
    /// A complete submission for 东区 with `replacing` swapped in for the line that starts like it (or added).
    static func submission(header: String = header, _ lines: String = "", without: String? = nil) -> String {
        var body = figures
        if let without { body = body.split(separator: "\n").filter { !$0.contains(without) }.joined(separator: "\n") + "\n" }
        for line in lines.split(separator: "\n") {
            let key = line.split(separator: ":").first.map(String.init) ?? ""
            let kept = body.split(separator: "\n").filter { !$0.hasPrefix(key + ":") }
            body = (kept + [line]).joined(separator: "\n") + "\n"
        }
        return header + "indicators:\n" + body
    }

    static func deviation(_ rule: String = "TL-GDP", expires: String = "2099-12-31") -> String {
        "deviations:\n  - rule: \(rule)\n    reason: 受重大项目延期影响\n    approved_by: 区发展改革局\n    expires: \(expires)\n"
    }

    static func rule(_ id: String = "TL-EXTRA", check: String = "{value: gdp_growth, at_least: 5%}", extra: String = "") -> String {
        """
        rules:
          - id: \(id)
            title: {zh: 示例规则, en: Example rule}
            citation: {part: 二, section: 主要预期目标, clause: 地区生产总值增长5%以上}
            check: \(check)
        \(extra)
        """
    }
}

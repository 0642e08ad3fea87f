import Foundation
import Testing

/// Text output and the terminal: lines fit the window on a terminal and are never broken in a pipe; colour
/// follows NO_COLOR, FORCE_COLOR, CLICOLOR_FORCE, CLICOLOR and TERM=dumb.
@Suite("terminal-aware text")
struct TerminalOutputTests {
    /// The environment variables these tests set, cleared unless a test sets them.
    static let cleared: [String: String?] = ["NO_COLOR": nil, "FORCE_COLOR": nil, "CLICOLOR_FORCE": nil, "CLICOLOR": nil,
                                             "TERM": "xterm", "COLUMNS": nil, "LANG": "en_US.UTF-8"]

    static func check(_ environment: [String: String?]) throws -> Run.Result {
        try Run.plancheck(["check", "Examples/shenyang-2025", "--no-config", "--lang", "en", "--today", "2025-06-30"],
                          in: CLITests.root, environment: cleared.merging(environment) { $1 })
    }

    /// Display columns of a line (CJK characters take two), as the wrapping counts them.
    static func columns(_ line: Substring) -> Int {
        line.unicodeScalars.reduce(0) { width, scalar in
            width + ((0x1100...0x115F).contains(scalar.value) || (0x2E80...0xA4CF).contains(scalar.value)
                     || (0xAC00...0xD7A3).contains(scalar.value) || (0xF900...0xFAFF).contains(scalar.value)
                     || (0xFF00...0xFF60).contains(scalar.value) || (0xFFE0...0xFFE6).contains(scalar.value) ? 2 : 1)
        }
    }

    @Test("piped: no line is broken, so a sentence is whole on its line for grep")
    func pipedIsNotWrapped() throws {
        let result = try Self.check([:])
        #expect(result.stdout.contains("General public budget revenue growth (`general_budget_revenue_growth`) is required but missing"),
                "\(result.stdout.prefix(2000))")
        #expect(result.stdout.split(separator: "\n").contains { Self.columns($0) > 100 })
    }

    @Test("COLUMNS sets the width: messages are broken to fit it (source lines are shown as written)")
    func columnsVariable() throws {
        let result = try Self.check(["COLUMNS": "60"])
        let lines = result.stdout.split(separator: "\n")
        let over = lines.filter { Self.columns($0) > 60 && !$0.contains(" | ") && !$0.hasPrefix("  ") }
        #expect(over.isEmpty, "\(over)")
        #expect(!result.stdout.contains("is required but missing"), "the sentence is broken at 60 columns")
    }

    @Test("on a terminal the window's width is used (TIOCGWINSZ), when `script` can give the run a terminal")
    func terminalWidth() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), let binary = CLITests.binary else { return }
        let command = "stty cols 72 rows 40; '\(binary)' check Examples/shenyang-2025 --no-config --lang en --color never --today 2025-06-30"
        let result = try Run.program("/usr/bin/script", ["-qec", command, "/dev/null"], in: CLITests.root,
                                     environment: Self.cleared)
        let lines = result.stdout.replacingOccurrences(of: "\r", with: "").split(separator: "\n")
        #expect(lines.count > 20, "\(result.output.prefix(500))")
        // (The one-line notes on standard error, which `script` mixes in, are not wrapped.)
        let over = lines.filter { Self.columns($0) > 72 && !$0.contains(" | ") && !$0.hasPrefix("  ") && !$0.hasPrefix("plancheck:") }
        #expect(over.isEmpty, "\(over)")
    }

    @Test("colour: FORCE_COLOR and CLICOLOR_FORCE force it in a pipe; NO_COLOR, CLICOLOR=0, TERM=dumb and --color never stop it")
    func colourConventions() throws {
        let escape = "\u{1B}["
        #expect(!(try Self.check([:]).stdout.contains(escape)), "no colour in a pipe")
        #expect(try Self.check(["FORCE_COLOR": "1"]).stdout.contains(escape))
        #expect(try Self.check(["CLICOLOR_FORCE": "1"]).stdout.contains(escape))
        #expect(!(try Self.check(["FORCE_COLOR": "0"]).stdout.contains(escape)))
        #expect(!(try Self.check(["FORCE_COLOR": "1", "NO_COLOR": "1"]).stdout.contains(escape)), "NO_COLOR wins")
        let forcedButNever = try Run.plancheck(["check", "Examples/shenyang-2025/210103-shenhe.yml", "--no-config",
                                                "--color", "never"], in: CLITests.root,
                                               environment: Self.cleared.merging(["FORCE_COLOR": "1"]) { $1 })
        #expect(!forcedButNever.stdout.contains(escape))
        let always = try Run.plancheck(["check", "Examples/shenyang-2025/210103-shenhe.yml", "--no-config",
                                        "--color", "always"], in: CLITests.root,
                                       environment: Self.cleared.merging(["TERM": "dumb", "NO_COLOR": "1"]) { $1 })
        #expect(always.stdout.contains(escape), "--color always is final")
    }

    @Test("TERM=dumb and CLICOLOR=0 turn colour off on a terminal", arguments: ["TERM=dumb", "CLICOLOR=0"])
    func dumbTerminal(_ setting: String) throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), let binary = CLITests.binary else { return }
        let command = "'\(binary)' check Examples/shenyang-2025/210103-shenhe.yml --no-config"
        let plain = try Run.program("/usr/bin/script", ["-qec", "env \(setting) " + command, "/dev/null"],
                                    in: CLITests.root, environment: Self.cleared)
        #expect(!plain.stdout.contains("\u{1B}["), "\(plain.stdout.prefix(300))")
        let coloured = try Run.program("/usr/bin/script", ["-qec", command, "/dev/null"], in: CLITests.root,
                                       environment: Self.cleared)
        #expect(coloured.stdout.contains("\u{1B}["), "a terminal gets colour by default")
    }
}

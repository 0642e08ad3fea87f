import PlancheckCore
import PlancheckTestSupport
import Testing

@Suite("Expression parser robustness")
struct RobustnessTests {
    /// Fragments that are valid, nearly valid or hostile, so random concatenations hit every error path.
    static let fragments: [String] = [
        "a", "gdp", "city.gdp", "prev.x", "quota.jobs", "city", "a.", ".", "1", "2.5", "1e", "1e+", "1e6", "7.",
        "%", "‰", "pp", "万人", "元/人", "人口", " ", "  ", "\n", "(", "(", ")", ")", ",", "+", "-", "-", "*", "/",
        ">=", ">", "<", "<=", "==", "!=", "=", "!", "&", "&&", "|", "||", "≥", "≠", "and", "or", "not", "AND",
        "sum(", "mean(", "count(", "min(", "max(", "abs(", "share(", "summ(", "５", "（", "％", "×", "−", "😀",
        "\u{0}", "\u{3000}", "#", "e", "_", "x1",
    ]

    @Test func randomInputsNeverCrashAndErrorsAreWellFormed() throws {
        var generator = SeededGenerator(seed: 0x5EED)
        var parsed = 0
        for _ in 0..<5_000 {
            let length = Int.random(in: 0...12, using: &generator)
            let text = (0..<length).map { _ in Self.fragments.randomElement(using: &generator) ?? "" }.joined()
            parsed += try check(text) ? 1 : 0
        }
        // The fragment mix must produce some valid expressions too, or the round-trip branch is untested.
        #expect(parsed > 100)
    }

    @Test func randomScalarsNeverCrash() throws {
        var generator = SeededGenerator(seed: 42)
        let ranges: [ClosedRange<UInt32>] = [0x00...0x7F, 0x80...0x2FF, 0x2200...0x22FF, 0x3000...0x303F, 0x4E00...0x4E80, 0xFF00...0xFF60, 0x1F600...0x1F64F]
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...20, using: &generator) {
                let range = ranges.randomElement(using: &generator) ?? 0x00...0x7F
                if let scalar = Unicode.Scalar(UInt32.random(in: range, using: &generator)) {
                    text.unicodeScalars.append(scalar)
                }
            }
            _ = try check(text)
        }
    }

    /// Parses `text`; on success checks the round trip, on failure the error's span and token.
    private func check(_ text: String) throws -> Bool {
        do {
            let expression = try Expression.parse(text)
            let printed = expression.description
            #expect(try Expression.parse(printed) == expression, "\(text) printed as \(printed)")
            for path in expression.referencedPaths {
                #expect(spanIsConsistent(path.span, in: text))
                #expect(slice(text, path.span) == path.dottedName)
            }
            #expect(spanIsConsistent(expression.span, in: text))
            return true
        } catch {
            #expect(spanIsConsistent(error.span, in: text), "\(text): \(error.debugDescription)")
            #expect(error.token == slice(text, error.span), "\(text): \(error.debugDescription)")
            #expect(!error.debugDescription.isEmpty)
            return false
        }
    }
}

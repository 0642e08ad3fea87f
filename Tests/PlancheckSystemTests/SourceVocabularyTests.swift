import PlancheckSystem
import Testing

/// The engine and every output speak the pack's words: a city's 区县 and 全市, a province's 市 and 全省. A fixed
/// 区县, 全市, 县域, Shenyang or 沈阳 — or the English district / city — in a string of `Sources/` would reach users
/// of every other pack. Comments may name them (they explain the built-in pack), and so may the generated
/// built-in pack. Format keys and flags keep their names (`districts:`, `scope: city`, `city.KEY`,
/// `--require-all-districts`): they are the file format, not words of a message.
@Suite("Source vocabulary")
struct SourceVocabularyTests {
    static let chineseWords = ["区县", "全市", "县域", "沈阳"]
    static let englishWords: Set<String> = ["district", "districts", "city", "cities", "shenyang"]

    @Test("no string in Sources names districts, the city or Shenyang, outside comments and the built-in pack's data")
    func noFixedJurisdictionWords() throws {
        let sources = Scratch.repositoryRoot + "/Sources"
        var files: [String] = []
        SwiftSourceFiles.collect(sources, into: &files)
        files = files.filter { !$0.hasSuffix("/DefaultPack.generated.swift") }
        #expect(files.contains { $0.hasSuffix("/PlancheckRules/Messages/Catalogue+Chinese.swift") }, "Sources not found")
        var offenders: [String] = []
        for path in files {
            let text = String(decoding: try Scratch.readFile(path), as: UTF8.self)
            for literal in Self.stringLiterals(text) {
                for word in Self.offendingWords(literal.text) {
                    offenders.append("\(path.dropFirst(Scratch.repositoryRoot.count + 1)):\(literal.line): \(word)")
                }
            }
        }
        #expect(offenders == [], "say it with the pack's vocabulary ({unit}, {units}, {whole}; see Vocabulary)")
    }

    @Test("the scanner finds words in strings, not in comments, interpolations, placeholders, code spans or keys")
    func scannerSeesWhatItShould() {
        let code = #"""
        // 区县 in a comment
        let a = "各区县合计" /* 全市 */
        let b = "\(district.code) {units} `districts:` --require-all-districts city.gdp"
        let c = "district"
        let d = """
            the city total
            """
        let e = "Shenyang plan"
        """#
        let found = Self.stringLiterals(code).flatMap { literal in Self.offendingWords(literal.text).map { "\(literal.line):\($0)" } }
        #expect(found == ["2:区县", "5:city", "8:shenyang"])
    }

    // MARK: The scanner

    struct Literal {
        var line: Int
        var text: String
    }

    /// The contents of every string literal in Swift source, interpolations blanked, comments skipped; the line
    /// is where the literal starts.
    static func stringLiterals(_ source: String) -> [Literal] {
        let characters = Array(source)
        var literals: [Literal] = []
        var index = 0, line = 1
        func starts(_ text: String, at position: Int) -> Bool {
            var position = position
            for character in text {
                guard position < characters.count, characters[position] == character else { return false }
                position += 1
            }
            return true
        }
        func advance(to end: Int) {
            while index < end && index < characters.count {
                if characters[index] == "\n" { line += 1 }
                index += 1
            }
        }
        while index < characters.count {
            if starts("//", at: index) {
                while index < characters.count && characters[index] != "\n" { index += 1 }
            } else if starts("/*", at: index) {
                var end = index + 2
                while end < characters.count && !starts("*/", at: end) { end += 1 }
                advance(to: end + 2)
            } else if characters[index] == "\"" {
                let multiline = starts("\"\"\"", at: index)
                let startLine = line
                advance(to: index + (multiline ? 3 : 1))
                var text = ""
                while index < characters.count {
                    if multiline ? starts("\"\"\"", at: index) : characters[index] == "\"" {
                        advance(to: index + (multiline ? 3 : 1))
                        break
                    }
                    if starts("\\(", at: index) {
                        var depth = 0, end = index + 1
                        repeat {
                            if characters[end] == "(" { depth += 1 } else if characters[end] == ")" { depth -= 1 }
                            end += 1
                        } while depth > 0 && end < characters.count
                        text += " "
                        advance(to: end)
                    } else if characters[index] == "\\" {
                        text += String(characters[index...min(index + 1, characters.count - 1)])
                        advance(to: index + 2)
                    } else {
                        text.append(characters[index])
                        advance(to: index + 1)
                    }
                }
                literals.append(Literal(line: startLine, text: text))
            } else {
                advance(to: index + 1)
            }
        }
        return literals
    }

    /// The fixed jurisdiction words in a literal's text, after dropping what is not prose: `code spans`,
    /// `{placeholders}`, `--flags`, format keys (`city.KEY`, `districts:`, `district_kinds`) and literals that are
    /// a key or flag name alone.
    static func offendingWords(_ text: String) -> [String] {
        var found = chineseWords.filter { text.contains($0) }
        if text.allSatisfy({ $0.isLowercase || $0 == "_" || $0 == "-" }) { return found }
        var prose = ""
        var skipUntil: Character?
        for character in text {
            if let end = skipUntil {
                if character == end { skipUntil = nil }
                continue
            }
            switch character {
            case "`": skipUntil = "`"
            case "{": skipUntil = "}"
            default: prose.append(character)
            }
        }
        var words: [String] = []
        for token in prose.split(whereSeparator: { $0 == " " || $0 == "\n" }) where !token.hasPrefix("--") && !token.contains("_") {
            let characters = Array(token)
            var start = 0
            while start < characters.count {
                guard characters[start].isLetter && characters[start].isASCII else { start += 1; continue }
                var end = start
                while end < characters.count && characters[end].isLetter && characters[end].isASCII { end += 1 }
                // A format key, not prose: `city.gdp_growth`, `districts:`.
                let next = end < characters.count ? characters[end] : " "
                let isKey = next == ":" || (next == "." && end + 1 < characters.count && characters[end + 1].isLetter)
                if !isKey { words.append(String(characters[start..<end])) }
                start = end
            }
        }
        found += words.map { $0.lowercased() }.filter { englishWords.contains($0) }
        return found
    }
}

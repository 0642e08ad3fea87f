// The lexer: turns expression text into tokens, scanning Unicode scalars by hand (no Foundation, no Regex)
// so that every token knows its offset both in scalars and in UTF-8 bytes.
//
// Units are decided here, not in the parser, because whether `万人` is a unit or a stray name depends only
// on what is directly before it: a unit is the suffix of a number literal (optionally after spaces),
// and nowhere else. Field names are ASCII, so after a number a Chinese run is always a unit, and an ASCII
// word other than `pp` (or a keyword) is never one.

struct Lexer {
    /// The text as Unicode scalars; a token's columns index into this.
    let scalars: [Unicode.Scalar]
    /// `byteOffsets[i]` is the UTF-8 offset of scalar `i`; one extra entry holds the total byte count.
    let byteOffsets: [Int]
    /// The text's UTF-8 bytes, from which token texts are cut.
    private let utf8: [UInt8]
    private var position = 0

    init(_ text: String) {
        utf8 = Array(text.utf8)
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int] = []
        var byte = 0
        for scalar in text.unicodeScalars {
            scalars.append(scalar)
            offsets.append(byte)
            byte += UTF8.width(scalar)
        }
        offsets.append(byte)
        self.scalars = scalars
        self.byteOffsets = offsets
    }

    /// The span of scalars `start..<end`.
    func span(_ start: Int, _ end: Int) -> ExpressionSpan {
        ExpressionSpan(startColumn: start, endColumn: end, startByte: byteOffsets[start], endByte: byteOffsets[end])
    }

    /// The source text of scalars `start..<end`. Cut from the UTF-8 bytes (scalar boundaries are byte boundaries):
    /// building it from the scalars went through the generic, unspecialised collection path, ten times slower,
    /// which made lexing most of the cost of loading a pack's expressions.
    func text(_ start: Int, _ end: Int) -> String {
        String(decoding: utf8[byteOffsets[start]..<byteOffsets[end]], as: UTF8.self)
    }

    /// The source text of a span produced by this lexer.
    func text(of span: ExpressionSpan) -> String {
        text(span.startColumn, span.endColumn)
    }

    /// All tokens, ending with `.end`; stops at the first lexical error.
    mutating func tokenize() throws(ExpressionSyntaxError) -> [Token] {
        var tokens: [Token] = []
        while true {
            let token = try nextToken()
            tokens.append(token)
            if case .end = token.kind { return tokens }
        }
    }

    private func error(_ kind: ExpressionSyntaxError.Kind, _ start: Int, _ end: Int) -> ExpressionSyntaxError {
        ExpressionSyntaxError(kind: kind, span: span(start, end), token: text(start, end))
    }

    private func token(_ kind: Token.Kind, _ start: Int, _ end: Int) -> Token {
        Token(kind: kind, span: span(start, end), text: text(start, end))
    }

    private func scalar(at index: Int) -> Unicode.Scalar? {
        index < scalars.count ? scalars[index] : nil
    }

    private func scalar(at index: Int, is character: Unicode.Scalar) -> Bool {
        scalar(at: index) == character
    }

    private mutating func nextToken() throws(ExpressionSyntaxError) -> Token {
        while let current = scalar(at: position), current.isExpressionWhitespace { position += 1 }
        let start = position
        guard let current = scalar(at: start) else { return token(.end, start, start) }

        if current.isASCIIDigit { return try lexNumber() }
        if current.isIdentifierStart { return try lexWord() }

        // One- and two-character operators.
        let next = scalar(at: start + 1)
        func single(_ kind: Token.Kind) -> Token { position = start + 1; return token(kind, start, start + 1) }
        func double(_ kind: Token.Kind) -> Token { position = start + 2; return token(kind, start, start + 2) }
        switch current {
        case "+": return single(.plus)
        case "-": return single(.minus)
        case "*": return single(.star)
        case "/": return single(.slash)
        case "(": return single(.leftParenthesis)
        case ")": return single(.rightParenthesis)
        case ",": return single(.comma)
        case ">": return next == "=" ? double(.comparison(.greaterOrEqual)) : single(.comparison(.greater))
        case "<":
            if next == "=" { return double(.comparison(.lessOrEqual)) }
            if next == ">" { throw error(.misspelledOperator(replacement: "!="), start, start + 2) }
            return single(.comparison(.less))
        case "=":
            if next == "=" { return double(.comparison(.equal)) }
            if next == ">" { throw error(.misspelledOperator(replacement: ">="), start, start + 2) }
            if next == "<" { throw error(.misspelledOperator(replacement: "<="), start, start + 2) }
            throw error(.singleEquals, start, start + 1)
        case "!": return next == "=" ? double(.comparison(.notEqual)) : single(.not)
        case "&":
            if next == "&" { return double(.and) }
            throw error(.misspelledOperator(replacement: "&&"), start, start + 1)
        case "|":
            if next == "|" { return double(.or) }
            throw error(.misspelledOperator(replacement: "||"), start, start + 1)
        case "≥": return single(.comparison(.greaterOrEqual))
        case "≤": return single(.comparison(.lessOrEqual))
        case "≠": return single(.comparison(.notEqual))
        case "%", "‰": throw error(.misplacedUnit, start, start + 1)
        case ".":
            // `.5`: a fraction without its leading zero.
            if let next, next.isASCIIDigit {
                var end = start + 1
                while let scalar = scalar(at: end), scalar.isASCIIDigit { end += 1 }
                throw error(.malformedNumber, start, end)
            }
            throw error(.unexpectedCharacter, start, start + 1)
        default:
            break
        }

        if current.isFullWidthDigit {
            var end = start + 1
            while let scalar = scalar(at: end), scalar.isFullWidthDigit || scalar == "．" { end += 1 }
            throw error(.fullWidthDigit, start, end)
        }
        if let replacement = current.confusableReplacement {
            throw error(.confusableCharacter(replacement: replacement), start, start + 1)
        }
        if current.isNonASCIILetter {
            var end = start + 1
            while let scalar = scalar(at: end), scalar.isNonASCIILetter || scalar.isIdentifierContinue { end += 1 }
            throw error(.nonASCIIName, start, end)
        }
        throw error(.unexpectedCharacter, start, start + 1)
    }

    /// A number literal and its optional unit suffix.
    private mutating func lexNumber() throws(ExpressionSyntaxError) -> Token {
        let start = position
        var end = start
        func skipDigits() { while let scalar = scalar(at: end), scalar.isASCIIDigit { end += 1 } }
        skipDigits()
        if scalar(at: end, is: ".") {
            guard let next = scalar(at: end + 1), next.isASCIIDigit else {
                throw error(.malformedNumber, start, end + 1)  // `1.`
            }
            end += 1
            skipDigits()
        }
        if let e = scalar(at: end), e == "e" || e == "E" {
            var digits = end + 1
            let hasSign = scalar(at: digits, is: "+") || scalar(at: digits, is: "-")
            if hasSign { digits += 1 }
            if let first = scalar(at: digits), first.isASCIIDigit {
                end = digits
                skipDigits()
            } else if hasSign {
                throw error(.malformedNumber, start, digits)  // `1e+`
            }
            // `1e` alone or `1em` fall through to the glued-word check below.
        }
        // Anything number-like glued on is a malformed number, not a second token.
        if scalar(at: end, is: ".") {
            var bad = end
            while let scalar = scalar(at: bad), scalar.isASCIIDigit || scalar == "." { bad += 1 }
            throw error(.malformedNumber, start, bad)
        }
        if let next = scalar(at: end), next.isFullWidthDigit {
            var bad = end
            while let scalar = scalar(at: bad), scalar.isFullWidthDigit { bad += 1 }
            throw error(.fullWidthDigit, end, bad)  // `5０`: point at the full-width part
        }
        let numberEnd = end
        let raw = text(start, numberEnd)

        func finish(unitStart: Int, unitEnd: Int) -> Token {
            position = unitEnd
            return token(
                .number(raw: raw, numberSpan: span(start, numberEnd), unit: text(unitStart, unitEnd), unitSpan: span(unitStart, unitEnd)),
                start, unitEnd
            )
        }

        // An ASCII word glued to the digits: `pp` is the only ASCII unit; a keyword (`1and`) is left for the
        // next token; anything else is reported here, where we still know it touched the number.
        if let next = scalar(at: end), next.isIdentifierStart {
            var wordEnd = end
            while let scalar = scalar(at: wordEnd), scalar.isIdentifierContinue { wordEnd += 1 }
            let word = text(end, wordEnd)
            if word == "pp" { return finish(unitStart: end, unitEnd: wordEnd) }
            if word == "e" || word == "E" { throw error(.malformedNumber, start, wordEnd) }
            if !Self.keywords.keys.contains(word) { throw error(.unknownUnit, end, wordEnd) }
        }

        // A unit after optional spaces.
        var unitStart = end
        while let scalar = scalar(at: unitStart), scalar.isExpressionWhitespace { unitStart += 1 }
        if let first = scalar(at: unitStart) {
            if first == "%" || first == "‰" { return finish(unitStart: unitStart, unitEnd: unitStart + 1) }
            if first == "p", scalar(at: unitStart + 1, is: "p"),
               !(scalar(at: unitStart + 2)?.isIdentifierContinue ?? false) {
                return finish(unitStart: unitStart, unitEnd: unitStart + 2)
            }
            if first.isUnitCharacter {
                // A run of CJK characters, optionally `/`-joined with another run (`元/人`, `吨/万元`):
                // a division by a Chinese word could never be valid, so reading it as a unit is unambiguous.
                var unitEnd = unitStart
                while true {
                    while let scalar = scalar(at: unitEnd), scalar.isUnitCharacter { unitEnd += 1 }
                    if scalar(at: unitEnd, is: "/"), let next = scalar(at: unitEnd + 1), next.isUnitCharacter {
                        unitEnd += 1
                        continue
                    }
                    break
                }
                return finish(unitStart: unitStart, unitEnd: unitEnd)
            }
        }
        position = numberEnd
        return token(.number(raw: raw, numberSpan: span(start, numberEnd), unit: nil, unitSpan: nil), start, numberEnd)
    }

    static let keywords: [String: Token.Kind] = ["and": .and, "or": .or, "not": .not]

    /// A keyword or a dotted path.
    private mutating func lexWord() throws(ExpressionSyntaxError) -> Token {
        let start = position
        var end = start
        var components: [String] = []
        var componentSpans: [ExpressionSpan] = []
        while true {
            let componentStart = end
            end += 1
            while let scalar = scalar(at: end), scalar.isIdentifierContinue { end += 1 }
            components.append(text(componentStart, end))
            componentSpans.append(span(componentStart, end))
            guard scalar(at: end, is: ".") else { break }
            guard let next = scalar(at: end + 1), next.isIdentifierStart else {
                // `a.`, `a..b`, `a.1`: report the whole malformed path.
                var bad = end + 1
                while let scalar = scalar(at: bad), scalar.isIdentifierContinue || scalar == "." { bad += 1 }
                throw error(.malformedPath, start, bad)
            }
            end += 1
        }
        // `gdp增速`: a name that continues with non-ASCII letters is one bad name, not two tokens.
        if let next = scalar(at: end), next.isNonASCIILetter {
            var bad = end
            while let scalar = scalar(at: bad), scalar.isNonASCIILetter || scalar.isIdentifierContinue { bad += 1 }
            throw error(.nonASCIIName, start, bad)
        }
        position = end
        if components.count == 1 {
            let word = components[0]
            if let keyword = Self.keywords[word] { return token(keyword, start, end) }
            let lowered = word.asciiLowercased
            if Self.keywords[lowered] != nil {
                throw error(.misspelledOperator(replacement: lowered), start, end)  // `AND`, `Not`
            }
        }
        return token(.path(components: components, componentSpans: componentSpans), start, end)
    }
}

extension String {
    var asciiLowercased: String {
        String(String.UnicodeScalarView(unicodeScalars.map { scalar in
            (65...90).contains(scalar.value) ? Unicode.Scalar(UInt8(scalar.value + 32)) : scalar
        }))
    }
}

extension Unicode.Scalar {
    var isASCIIDigit: Bool { (0x30...0x39).contains(value) }

    var isIdentifierStart: Bool {
        (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) || value == 0x5F
    }

    var isIdentifierContinue: Bool { isIdentifierStart || isASCIIDigit }

    /// ASCII white space plus the no-break and ideographic (full-width) spaces that Chinese input methods
    /// produce: rejecting an invisible character would only confuse.
    var isExpressionWhitespace: Bool {
        switch value {
        case 0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x3000, 0xFEFF: true
        default: false
        }
    }

    /// `０`–`９`.
    var isFullWidthDigit: Bool { (0xFF10...0xFF19).contains(value) }

    /// Characters allowed in a unit after a number: CJK ideographs and the squared unit symbols (`㎡`, `㎞`).
    var isUnitCharacter: Bool {
        switch value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F, 0x3380...0x33FF: true
        default: false
        }
    }

    /// Letters outside ASCII (Chinese characters included), which are never part of a field name.
    var isNonASCIILetter: Bool { value > 0x7F && (properties.isAlphabetic || isUnitCharacter) }

    /// The ASCII character a look-alike stands for: full-width forms (`（` → `(`, `％` → `%`) and common
    /// math symbols from word processors (`×`, `÷`, `−`).
    var confusableReplacement: String? {
        switch value {
        case 0xFF01...0xFF5E:
            return Unicode.Scalar(value - 0xFEE0).map { String(Character($0)) }
        case 0x2212, 0x2013, 0x2014: return "-"
        case 0x00D7, 0x2217, 0x22C5: return "*"
        case 0x00F7, 0x2215: return "/"
        case 0x2267: return ">="
        case 0x2266: return "<="
        case 0x3001: return ","
        default: return nil
        }
    }
}

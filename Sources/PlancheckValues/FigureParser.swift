// Reading the figures districts submit.
//
// Submissions are typed, or pasted from Word and Excel, by planning officers: full-width digits (５.５％),
// thousands separators, stray spaces, Chinese numerals (百分之五点五), words for zero (同比持平) and
// qualitative targets (保持正增长). The parser accepts all of those, reports each normalisation it applied
// so that a report can mention it, and otherwise fails at a precise character offset so that a message can
// put a caret under the problem. It never traps and always finishes in time linear in the input.

/// A qualifier written around a number (`6%以上`, `约5.5%`, `不超过3%`). The parser only reports it; the
/// engine decides what it means for a check.
public enum FigureQualifier: String, Sendable, Hashable, CaseIterable {
    /// 以上, 不低于, 不少于, 至少, 达到, ≥
    case atLeast
    /// 以下, 以内, 不超过, 不高于, 控制在, ≤
    case atMost
    /// 约, 左右, 上下
    case about
    /// 超过, 高于, 突破, 超, >
    case moreThan
    /// 低于, 少于, 不足, 不到, <
    case lessThan
}

/// A number as a district wrote it.
public struct Figure: Sendable, Hashable, CustomStringConvertible {
    /// The number, negated when the text said 下降/减少 (a decline of 2% is a change of −2%).
    public var value: ExactDecimal
    /// The unit written after the number (`%` for 百分之…); nil when none was written, so that the caller
    /// can apply the indicator's unit.
    public var unit: Unit?
    /// The qualifier written around the number, if any.
    public var qualifier: FigureQualifier?
    /// The qualifier's words as written (`以上`, `约…左右`), for messages.
    public var qualifierText: String?

    public init(value: ExactDecimal, unit: Unit?, qualifier: FigureQualifier? = nil, qualifierText: String? = nil) {
        self.value = value
        self.unit = unit
        self.qualifier = qualifier
        self.qualifierText = qualifierText
    }

    /// The figure as a quantity, given the unit the indicator is kept in: `defaultUnit` when no unit was
    /// written, and a bare magnitude (`3.5万`, `一百二十万`) applied to `defaultUnit`'s base (3.5万 for an
    /// indicator in 人 is 3.5万人), since officers often leave the base out.
    public func quantity(defaultUnit: Unit = .dimensionless) -> Quantity {
        guard let unit else { return Quantity(value, defaultUnit) }
        if unit.base.isEmpty, unit.exponent > 0, !defaultUnit.base.isEmpty {
            return Quantity(value, Unit(base: defaultUnit.base, exponent: unit.exponent,
                                        symbol: unit.symbol + defaultUnit.base))
        }
        return Quantity(value, unit)
    }

    public var description: String {
        let number = value.description + (unit?.symbol ?? "")
        guard let qualifier else { return number }
        return "\(number) (\(qualifier.rawValue))"
    }
}

/// A qualitative target such as 保持正增长 (x > 0): a relation to a bound rather than a number.
public struct QualitativeFigure: Sendable, Hashable {
    public enum Phrase: String, Sendable, Hashable, CaseIterable {
        /// 正增长, 保持正增长, 实现正增长: x > 0%
        case positiveGrowth
        /// 负增长: x < 0%
        case negativeGrowth
    }

    public var phrase: Phrase
    /// The text as written (trimmed).
    public var text: String

    /// How the figure relates to ``bound``: `.moreThan` for positive growth, `.lessThan` for negative.
    public var relation: FigureQualifier {
        switch phrase {
        case .positiveGrowth: return .moreThan
        case .negativeGrowth: return .lessThan
        }
    }

    /// Zero percent.
    public var bound: Quantity { Quantity(.zero, .percent) }
}

/// Why a text is not a figure, and where (for a caret under it).
public struct FigureParseFailure: Error, Sendable, Hashable {
    public enum Reason: String, Sendable, Hashable, CaseIterable {
        /// Nothing but whitespace.
        case empty
        /// No number where one was expected (`abc`, `约`, `万元`).
        case noNumber
        /// A character that cannot continue the figure (`5..5`, `5.5%。`, `15%-20%`).
        case unexpectedCharacter
        /// A thousands separator in the wrong place (`1,23`, `12,34,567`, `1.234,5`).
        case misplacedSeparator
        /// Too large, too small or too precise to hold exactly (`1e400`, 40 digits).
        case outOfRange
        /// A malformed Chinese numeral (`三点`, `一百二三`).
        case invalidChineseNumeral
        /// Text after the number that is no unit (`5元5`).
        case unknownUnit
        /// Two qualifiers that disagree (`约6%以上`, `不超过6%以上`).
        case conflictingQualifiers
    }

    public var reason: Reason
    /// Offset in Unicode scalars from the start of the text as given (before trimming), the way the YAML
    /// layer counts columns.
    public var offset: Int

    public init(reason: Reason, offset: Int) {
        self.reason = reason
        self.offset = offset
    }
}

/// A normalisation the parser applied to read the text; messages can tell the district about it.
public enum FigureNormalization: String, Sendable, Hashable, CaseIterable {
    /// Full-width digits, signs, points, commas or percent signs (５.５％) read as ASCII.
    case fullWidthCharacters
    /// Thousands separators removed (`1,234.5`, `1，234`).
    case thousandsSeparators
    /// Space between the number and its unit (`5.5 %`).
    case spaceBetweenNumberAndUnit
    /// Leading or trailing whitespace, including U+3000 and NBSP, removed.
    case trimmedWhitespace
    /// Chinese numerals read as a number (百分之五点五, 一百二十, 三点五万).
    case chineseNumerals
    /// 持平 / 同比持平 / 与上年持平 read as 0%.
    case flatMeansZero
    /// 零增长 read as 0%.
    case zeroGrowthMeansZero
    /// A minus sign other than ASCII `-` (−, －, ﹣, –).
    case minusSignVariant
    /// An explicit `+` sign.
    case plusSign
    /// A growth word before the number (增长5.5%, 同比增长5.5%) dropped.
    case growthWordDropped
    /// A decline word (下降2%, 降低, 减少, 回落) read as a negative change.
    case declineMeansNegative
    /// Exponent notation (1.48E+05, as Excel shows large numbers).
    case exponentNotation
}

/// The result of reading one figure: a number, a qualitative target, or a located failure, together with the
/// normalisations applied (in the order first applied, without repeats; also kept on failure).
public struct FigureParse: Sendable, Hashable {
    public enum Reading: Sendable, Hashable {
        case number(Figure)
        case qualitative(QualitativeFigure)
        case failure(FigureParseFailure)
    }

    public var reading: Reading
    public var normalizations: [FigureNormalization]

    public init(reading: Reading, normalizations: [FigureNormalization] = []) {
        self.reading = reading
        self.normalizations = normalizations
    }

    public var figure: Figure? {
        if case .number(let figure) = reading { return figure }
        return nil
    }

    public var qualitative: QualitativeFigure? {
        if case .qualitative(let qualitative) = reading { return qualitative }
        return nil
    }

    public var failure: FigureParseFailure? {
        if case .failure(let failure) = reading { return failure }
        return nil
    }
}

/// Reads what officers type into a figure. See ``parse(_:)``.
public struct FigureParser: Sendable {
    /// Reads one figure.
    ///
    /// Accepted, around an optional sign and a number (ASCII, full-width or Chinese numerals; thousands
    /// separators in groups of three; exponent notation) followed by an optional unit (`Unit.parse`):
    /// - a growth or decline word before the number: `增长5.5%`, `同比下降2%` (→ −2%);
    /// - a qualifier before and/or after it: `约5.5%`, `不低于6%`, `6%以上`, `5.5%左右`, `≥5%`;
    /// - whole phrases: `持平`/`同比持平`/`与上年持平` (0%), `零增长` (0%), `保持正增长`/`正增长` (> 0%),
    ///   `负增长` (< 0%); `基本持平` is 0% with qualifier `.about`.
    /// Everything else fails with a reason and the offset of the first character that could not be read.
    public static func parse(_ text: String) -> FigureParse {
        var reader = Reader(text)
        let reading = reader.read()
        return FigureParse(reading: reading, normalizations: reader.normalizations)
    }

    public init() {}
}

// MARK: - Implementation

private struct Reader {
    /// The text's scalars after width and minus-sign normalisation, one for one with the original, so that
    /// indices are offsets into the text as given.
    var scalars: [Unicode.Scalar]
    var normalizations: [FigureNormalization] = []

    init(_ text: String) {
        var mapped: [Unicode.Scalar] = []
        mapped.reserveCapacity(text.unicodeScalars.count)
        var fullWidth = false
        var minus = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF0D, 0x2212, 0xFE63, 0x2012, 0x2013:  // －, −, ﹣, ‒, –
                mapped.append("-")
                minus = true
            case 0xFF01...0xFF5E:
                mapped.append(Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar)
                fullWidth = true
            default:
                mapped.append(scalar)
            }
        }
        scalars = mapped
        if fullWidth { note(.fullWidthCharacters) }
        if minus { note(.minusSignVariant) }
    }

    mutating func note(_ normalization: FigureNormalization) {
        if !normalizations.contains(normalization) { normalizations.append(normalization) }
    }

    func matches(_ word: [Unicode.Scalar], at index: Int, end: Int) -> Bool {
        guard index + word.count <= end else { return false }
        for offset in 0..<word.count where scalars[index + offset] != word[offset] { return false }
        return true
    }

    func endsWith(_ word: [Unicode.Scalar], before end: Int, from start: Int) -> Bool {
        end - word.count >= start && matches(word, at: end - word.count, end: end)
    }

    func text(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range])
        return String(view)
    }

    func isBlank(_ index: Int) -> Bool { Unit.isTrimmable(scalars[index]) }

    mutating func read() -> FigureParse.Reading {
        var start = 0
        var end = scalars.count
        while start < end, isBlank(start) { start += 1 }
        while end > start, isBlank(end - 1) { end -= 1 }
        if start > 0 || end < scalars.count { note(.trimmedWhitespace) }
        guard start < end else { return .failure(FigureParseFailure(reason: .empty, offset: 0)) }

        // Whole phrases are all short and start with a Chinese character.
        if end - start <= Words.longestPhrase, scalars[start].value >= 0x3000,
           let phrase = Words.phrase(in: scalars[start..<end]) {
            let whole = text(start..<end)
            switch phrase {
            case .flat(let about):
                note(.flatMeansZero)
                return .number(Figure(value: .zero, unit: .percent, qualifier: about ? .about : nil,
                                      qualifierText: about ? "基本" : nil))
            case .zeroGrowth:
                note(.zeroGrowthMeansZero)
                return .number(Figure(value: .zero, unit: .percent))
            case .qualitative(let kind):
                return .qualitative(QualitativeFigure(phrase: kind, text: whole))
            }
        }

        // Words before the number: at most one change word and one qualifier, in either order.
        var index = start
        var decline = false
        var sawChange = false
        var prefix: (meaning: FigureQualifier?, text: String)?
        for _ in 0..<2 where !startsNumber(index, end: end) {
            if !sawChange, let word = Words.longestMatch(Words.changeWords, in: self, at: index, end: end) {
                sawChange = true
                decline = word.meaning
                note(word.meaning ? .declineMeansNegative : .growthWordDropped)
                index += word.length
            } else if prefix == nil, let word = Words.longestMatch(Words.prefixQualifiers, in: self, at: index, end: end) {
                prefix = (word.meaning, text(index..<(index + word.length)))
                index += word.length
            }
            while index < end, isBlank(index) { index += 1 }
        }

        // Sign.
        var negative = false
        let signIndex = index
        if index < end {
            switch scalars[index] {
            case "-": negative = true; index += 1
            case "+": note(.plusSign); index += 1
            case "负":
                if index + 1 < end, ChineseNumerals.canStart(scalars[index + 1]) || isASCIIDigit(scalars[index + 1])
                    || matches(Words.percentOf, at: index + 1, end: end) || matches(Words.permilleOf, at: index + 1, end: end) {
                    negative = true
                    note(.chineseNumerals)
                    index += 1
                }
            default: break
            }
        }
        if decline, index > signIndex {
            return .failure(FigureParseFailure(reason: .unexpectedCharacter, offset: signIndex))
        }

        // The number.
        var percentWord: Unit?
        if matches(Words.percentOf, at: index, end: end) {
            percentWord = .percent
            index += Words.percentOf.count
        } else if matches(Words.permilleOf, at: index, end: end) {
            percentWord = .permille
            index += Words.permilleOf.count
        }
        guard index < end else { return .failure(FigureParseFailure(reason: .noNumber, offset: min(index, end))) }
        var value: ExactDecimal
        if isASCIIDigit(scalars[index]) || scalars[index] == "." {
            switch readArabic(from: index, end: end) {
            case .success(let result):
                value = result.value
                index = result.end
            case .failure(let failure):
                return .failure(failure)
            }
        } else {
            switch ChineseNumerals.scan(scalars, from: index, to: end, splitMagnitude: percentWord == nil) {
            case .number(let number, let numeralEnd, _):
                note(.chineseNumerals)
                value = number
                index = numeralEnd
            case .none:
                return .failure(FigureParseFailure(reason: .noNumber, offset: index))
            case .failure(let offset, let outOfRange):
                return .failure(FigureParseFailure(reason: outOfRange ? .outOfRange : .invalidChineseNumeral,
                                                   offset: offset))
            }
        }
        if negative != decline { value = value.negated }

        // Words after the number: a qualifier at the very end, the unit in between.
        var unitEnd = end
        var suffix: (meaning: FigureQualifier, text: String, offset: Int)?
        for word in Words.suffixQualifiers where end > index && scalars[end - 1].value >= 0x3000
            && endsWith(word.scalars, before: end, from: index) {
            unitEnd = end - word.scalars.count
            suffix = (word.meaning, text(unitEnd..<end), unitEnd)
            while unitEnd > index, isBlank(unitEnd - 1) { unitEnd -= 1 }
            break
        }
        var unitStart = index
        while unitStart < unitEnd, isBlank(unitStart) { unitStart += 1 }
        let unit: Unit?
        if unitStart < unitEnd {
            if let failure = checkUnitText(unitStart..<unitEnd) { return .failure(failure) }
            if percentWord != nil {
                return .failure(FigureParseFailure(reason: .unexpectedCharacter, offset: unitStart))
            }
            guard let parsed = Unit.parse(text(unitStart..<unitEnd)) else {
                let offset = (unitStart..<unitEnd).first { Unit.isForbiddenInBase(scalars[$0]) } ?? unitStart
                return .failure(FigureParseFailure(reason: .unknownUnit, offset: offset))
            }
            unit = parsed
            if unitStart > index { note(.spaceBetweenNumberAndUnit) }
        } else {
            unit = percentWord
        }

        // Qualifiers: report what was written; refuse two that disagree.
        var qualifier = prefix?.meaning
        var qualifierText = prefix?.text
        if let suffix {
            if let existing = qualifier, existing != suffix.meaning {
                return .failure(FigureParseFailure(reason: .conflictingQualifiers, offset: suffix.offset))
            }
            qualifier = suffix.meaning
            qualifierText = qualifierText.map { $0 + "…" + suffix.text } ?? suffix.text
        }
        return .number(Figure(value: value, unit: unit, qualifier: qualifier, qualifierText: qualifierText))
    }

    /// Rejects unit text that is really a malformed continuation of the number or of a percent sign.
    func checkUnitText(_ range: Range<Int>) -> FigureParseFailure? {
        let first = scalars[range.lowerBound]
        if isASCIIDigit(first) || first == "." || first == "," || first == "-" || first == "+" || first == "e"
            || first == "E" {
            return FigureParseFailure(reason: .unexpectedCharacter, offset: range.lowerBound)
        }
        if ChineseNumerals.isDigitLike(first) {
            return FigureParseFailure(reason: .invalidChineseNumeral, offset: range.lowerBound)
        }
        // After a complete percent or points symbol nothing else may follow (`5.5%%`, `15%-20%`).
        for symbol in Words.completeSymbols where matches(symbol, at: range.lowerBound, end: range.upperBound) {
            if range.count > symbol.count {
                return FigureParseFailure(reason: .unexpectedCharacter, offset: range.lowerBound + symbol.count)
            }
        }
        // Bases are open, but none contains a qualifier word: `5pp以上以上` is a doubled qualifier.
        for index in range {
            for word in Words.suffixQualifiers where matches(word.scalars, at: index, end: range.upperBound) {
                return FigureParseFailure(reason: .unexpectedCharacter, offset: index)
            }
        }
        return nil
    }

    func isASCIIDigit(_ scalar: Unicode.Scalar) -> Bool { scalar >= "0" && scalar <= "9" }

    /// Whether an ASCII number or sign starts here, so that no word can (a shortcut for the common case).
    func startsNumber(_ index: Int, end: Int) -> Bool {
        guard index < end else { return true }
        let scalar = scalars[index]
        return isASCIIDigit(scalar) || scalar == "." || scalar == "-" || scalar == "+"
    }

    /// Digits with optional thousands separators, an optional point and fraction, and an optional exponent.
    mutating func readArabic(from start: Int, end: Int) -> Result<(value: ExactDecimal, end: Int), FigureParseFailure> {
        var ascii: [UInt8] = []
        var index = start
        var digitsInGroup = 0
        var lastComma: Int?
        var sawPoint = false
        var fractionDigits = 0
        while index < end {
            let scalar = scalars[index]
            if isASCIIDigit(scalar) {
                ascii.append(UInt8(scalar.value))
                if sawPoint { fractionDigits += 1 } else { digitsInGroup += 1 }
            } else if scalar == "," {
                // A separator must close a group of 1–3 digits (the first) or exactly 3 (later ones), and be
                // followed by a digit. The full-width `，` was mapped to `,` already.
                let groupOK = lastComma == nil ? (1...3).contains(digitsInGroup) : digitsInGroup == 3
                guard !sawPoint, groupOK, index + 1 < end, isASCIIDigit(scalars[index + 1]) else {
                    return .failure(FigureParseFailure(reason: .misplacedSeparator, offset: index))
                }
                lastComma = index
                digitsInGroup = 0
            } else if scalar == ".", !sawPoint {
                if let comma = lastComma, digitsInGroup != 3 {
                    return .failure(FigureParseFailure(reason: .misplacedSeparator, offset: comma))
                }
                sawPoint = true
                ascii.append(UInt8(ascii: "."))
            } else {
                break
            }
            index += 1
        }
        if let comma = lastComma {
            if !sawPoint, digitsInGroup != 3 {
                return .failure(FigureParseFailure(reason: .misplacedSeparator, offset: comma))
            }
            note(.thousandsSeparators)
        }
        guard ascii.contains(where: { $0 != UInt8(ascii: ".") }) else {
            return .failure(FigureParseFailure(reason: .noNumber, offset: start))
        }
        // Exponent, only when a digit follows (so that `5e` leaves `e` to the unit check).
        if index < end, scalars[index] == "e" || scalars[index] == "E" {
            var probe = index + 1
            if probe < end, scalars[probe] == "+" || scalars[probe] == "-" { probe += 1 }
            if probe < end, isASCIIDigit(scalars[probe]) {
                ascii.append(UInt8(ascii: "e"))
                for scalarIndex in (index + 1)..<probe { ascii.append(UInt8(scalars[scalarIndex].value)) }
                index = probe
                while index < end, isASCIIDigit(scalars[index]) {
                    ascii.append(UInt8(scalars[index].value))
                    index += 1
                }
                note(.exponentNotation)
            }
        }
        guard let value = ascii.withUnsafeBufferPointer({ ExactDecimal.parseASCII($0) }) else {
            return .failure(FigureParseFailure(reason: .outOfRange, offset: start))
        }
        return .success((value, index))
    }
}

private enum Words {
    enum Phrase {
        case flat(about: Bool)
        case zeroGrowth
        case qualitative(QualitativeFigure.Phrase)
    }

    static func phrase(in text: ArraySlice<Unicode.Scalar>) -> Phrase? {
        phraseTable.first { $0.scalars.elementsEqual(text) }?.phrase
    }

    static let phraseTable: [(scalars: [Unicode.Scalar], phrase: Phrase)] =
        phrases.map { (Array($0.key.unicodeScalars), $0.value) }

    static let phrases: [String: Phrase] = [
        "持平": .flat(about: false), "同比持平": .flat(about: false), "与上年持平": .flat(about: false),
        "与去年持平": .flat(about: false), "比上年持平": .flat(about: false), "较上年持平": .flat(about: false),
        "保持持平": .flat(about: false), "基本持平": .flat(about: true),
        "零增长": .zeroGrowth, "保持零增长": .zeroGrowth, "同比零增长": .zeroGrowth,
        "正增长": .qualitative(.positiveGrowth), "保持正增长": .qualitative(.positiveGrowth),
        "实现正增长": .qualitative(.positiveGrowth), "同比正增长": .qualitative(.positiveGrowth),
        "负增长": .qualitative(.negativeGrowth),
    ]

    static let longestPhrase = phrases.keys.map { $0.unicodeScalars.count }.max() ?? 0

    struct Word<Meaning: Sendable>: Sendable {
        let scalars: [Unicode.Scalar]
        let meaning: Meaning
    }

    /// Sorted longest first, so that 大于等于 wins over 大于 and 同比增长 over 同比.
    static func table<Meaning: Sendable>(_ entries: [(String, Meaning)]) -> [Word<Meaning>] {
        entries.map { Word(scalars: Array($0.0.unicodeScalars), meaning: $0.1) }
            .sorted { $0.scalars.count > $1.scalars.count }
    }

    /// Words of increase and of decline, read alike whichever an officer uses (增长/上升/增加/提高,
    /// 下降/降低/减少/回落).
    static let increaseWords = ["增长", "上升", "增加", "提高"]
    static let declineWords = ["下降", "降低", "减少", "回落"]

    /// Change words, each alone and after 同比/比上年/较上年; the meaning is whether the word is a decline.
    static let changeWords: [Word<Bool>] = table(
        [("增速", false), ("同比", false)]
            + ["", "同比", "比上年", "较上年"].flatMap { lead in
                increaseWords.map { (lead + $0, false) } + declineWords.map { (lead + $0, true) }
            })

    /// Qualifiers before the number; nil meaning for words that only say "at" (稳定在, 保持在).
    static let prefixQualifiers: [Word<FigureQualifier?>] = table([
        ("不低于", .atLeast), ("不少于", .atLeast), ("不小于", .atLeast), ("至少", .atLeast), ("达到", .atLeast),
        ("大于等于", .atLeast), ("≥", .atLeast), ("≧", .atLeast), (">=", .atLeast),
        ("不高于", .atMost), ("不超过", .atMost), ("不多于", .atMost), ("不大于", .atMost), ("至多", .atMost),
        ("最多", .atMost), ("控制在", .atMost), ("小于等于", .atMost), ("≤", .atMost), ("≦", .atMost),
        ("<=", .atMost),
        ("超过", .moreThan), ("高于", .moreThan), ("大于", .moreThan), ("多于", .moreThan), ("突破", .moreThan),
        ("超", .moreThan), (">", .moreThan),
        ("低于", .lessThan), ("少于", .lessThan), ("小于", .lessThan), ("不足", .lessThan), ("不到", .lessThan),
        ("<", .lessThan),
        ("约为", .about), ("大约", .about), ("约", .about), ("約", .about),
        ("稳定在", nil), ("保持在", nil),
    ])

    static let suffixQualifiers: [Word<FigureQualifier>] = table([
        ("及以上", .atLeast), ("以上", .atLeast), ("及以下", .atMost), ("以下", .atMost), ("以内", .atMost),
        ("之内", .atMost), ("左右", .about), ("上下", .about),
    ])

    static let percentOf = Array("百分之".unicodeScalars)
    static let permilleOf = Array("千分之".unicodeScalars)
    static let completeSymbols: [[Unicode.Scalar]] = [
        Array("个百分点".unicodeScalars), Array("百分点".unicodeScalars), ["%"], ["‰"],
    ]

    static func longestMatch<Meaning: Sendable>(_ words: [Word<Meaning>], in reader: Reader, at index: Int,
                                      end: Int) -> (meaning: Meaning, length: Int)? {
        for word in words where reader.matches(word.scalars, at: index, end: end) {
            return (word.meaning, word.scalars.count)
        }
        return nil
    }
}

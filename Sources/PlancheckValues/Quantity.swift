// Quantities: an exact value in a unit, with the arithmetic the expression evaluator needs.
//
// Every operation either succeeds exactly (up to ExactDecimal's 38 significant digits) or throws a
// UnitError that a message can explain; nothing traps, whatever a submission contains.

/// Why two quantities could not be combined, converted or compared.
public enum UnitError: Error, Sendable, Hashable {
    /// Different base dimensions, e.g. 亿元 and 万人.
    case incompatible(from: Unit, to: Unit)
    /// A percentage (%) against percentage points (百分点): a rate against a difference of rates. Kept apart
    /// from `.incompatible` so that messages can explain that 0.5个百分点 of 5.5% is 5.0–6.0%.
    case percentVersusPoints(from: Unit, to: Unit)
    /// The result does not fit in ExactDecimal (38 significant digits).
    case overflow
    case divisionByZero
    /// A declared conversion taken against its direction whose result is no finite decimal (亩 → 公顷 ÷ 15).
    case inexactConversion(from: Unit, to: Unit)
}

/// An exact value with a unit: `5.5%`, `14.8万人`, `0.5百分点`.
///
/// `==` compares representation (value and unit), so `14.8万人 != 148000人`; use ``compare(to:)`` to
/// compare amounts across magnitudes.
public struct Quantity: Sendable, Hashable, CustomStringConvertible {
    public var value: ExactDecimal
    public var unit: Unit

    public init(_ value: ExactDecimal, _ unit: Unit = .dimensionless) {
        self.value = value
        self.unit = unit
    }

    public init(value: ExactDecimal, unit: Unit) {
        self.init(value, unit)
    }

    /// `5.5%`, `14.8万人`, `0.5百分点`, `3` (no space between number and unit, as plans write them).
    public var description: String { value.description + unit.symbol }

    /// The value in plain base units (`14.8万人` → 148000), or nil on overflow.
    public var baseValue: ExactDecimal? { value.scaled(byPowerOfTen: unit.exponent) }

    // MARK: Conversion

    /// The same amount in `target` units: value × 10^(from.exponent − to.exponent), exactly.
    /// Dimensionless and % convert freely (0.75 = 75%); % and 百分点 never do.
    public func converted(to target: Unit) throws(UnitError) -> Quantity {
        guard unit.base == target.base else { throw Self.mismatch(unit, target) }
        if unit.exponent == target.exponent { return Quantity(value, target) }
        guard let converted = value.scaled(byPowerOfTen: unit.exponent - target.exponent) else {
            throw .overflow
        }
        return Quantity(converted, target)
    }

    static func mismatch(_ from: Unit, _ to: Unit) -> UnitError {
        if (from.isPercentagePoints && to.isDimensionless) || (from.isDimensionless && to.isPercentagePoints) {
            return .percentVersusPoints(from: from, to: to)
        }
        return .incompatible(from: from, to: to)
    }

    // MARK: Addition and subtraction

    /// `self + other`, in `self`'s unit. % + 百分点 gives % (5.5% + 0.5百分点 = 6%); dimensionless and %
    /// convert into each other; other mixtures of bases throw.
    public func adding(_ other: Quantity) throws(UnitError) -> Quantity {
        try combine(other, negate: false)
    }

    /// `self − other`, in `self`'s unit, except that % − % (or ‰) is a difference of rates and comes out in
    /// percentage points: 6% − 5.5% = 0.5百分点. % − 百分点 gives %.
    public func subtracting(_ other: Quantity) throws(UnitError) -> Quantity {
        let result = try combine(other, negate: true)
        if unit.isPercentOrPermille, other.unit.isPercentOrPermille {
            let asPoints = Quantity(result.value, Unit(base: Unit.percentagePointBase, exponent: result.unit.exponent))
            return try asPoints.converted(to: .percentagePoints)
        }
        return result
    }

    private func combine(_ other: Quantity, negate: Bool) throws(UnitError) -> Quantity {
        var rhs = other
        // Percentage points added to a rate: reinterpret the points as a plain rate of the same size.
        if other.unit.isPercentagePoints, unit.isDimensionless, unit.exponent <= 0 {
            rhs = Quantity(other.value, Unit(base: "", exponent: other.unit.exponent))
        }
        let converted = try rhs.converted(to: unit)
        let operand = negate ? converted.value.negated : converted.value
        guard let sum = value.adding(operand) else { throw .overflow }
        return Quantity(sum, unit)
    }

    // MARK: Multiplication and division

    /// `self × other`. A dimensionless factor (a count, a %) scales the other quantity and keeps its unit
    /// (100亿元 × 5% = 5亿元); otherwise the bases combine into a compound base (`元/人` × `人` = `元`).
    public func multiplying(by other: Quantity) throws(UnitError) -> Quantity {
        if other.unit.isDimensionless {
            return try scaledKeepingUnit(by: other, dividing: false)
        }
        if unit.isDimensionless {
            return try other.scaledKeepingUnit(by: self, dividing: false)
        }
        guard let product = value.multiplying(by: other.value) else { throw .overflow }
        let base = Unit.productBase(unit.base, other.unit.base)
        return Quantity(product, Unit(base: base, exponent: unit.exponent + other.unit.exponent))
    }

    /// `self ÷ other`, rounded half-even to `scale` fractional digits. Same base ÷ same base is a plain
    /// dimensionless ratio (a share: 民生支出 ÷ 一般公共预算支出 = 0.76, which compares with 75%); division
    /// by a dimensionless quantity keeps the unit; otherwise the result has a compound base (`元/人`).
    public func dividing(by other: Quantity,
                         scale: Int = ExactDecimal.defaultDivisionScale) throws(UnitError) -> Quantity {
        if other.value.isZero { throw .divisionByZero }
        if other.unit.isDimensionless {
            return try scaledKeepingUnit(by: other, dividing: true, scale: scale)
        }
        if unit.base == other.unit.base {
            guard let ratio = value.dividing(by: other.value, scale: scale,
                                             timesPowerOfTen: unit.exponent - other.unit.exponent) else {
                throw .overflow
            }
            return Quantity(ratio, .dimensionless)
        }
        guard let quotient = value.dividing(by: other.value, scale: scale) else { throw .overflow }
        let base = Unit.quotientBase(unit.base, other.unit.base)
        return Quantity(quotient, Unit(base: base, exponent: unit.exponent - other.unit.exponent))
    }

    /// Multiplies or divides by a dimensionless factor, keeping `self`'s unit.
    private func scaledKeepingUnit(by factor: Quantity, dividing: Bool,
                                   scale: Int = ExactDecimal.defaultDivisionScale) throws(UnitError) -> Quantity {
        // The factor counts as a plain number: 5% → 0.05, 3万 → 30000.
        if dividing {
            if factor.value.isZero { throw .divisionByZero }
            guard let quotient = value.dividing(by: factor.value, scale: scale,
                                                timesPowerOfTen: -factor.unit.exponent) else { throw .overflow }
            return Quantity(quotient, unit)
        }
        guard let product = value.multiplying(by: factor.value, timesPowerOfTen: factor.unit.exponent) else {
            throw .overflow
        }
        return Quantity(product, unit)
    }

    /// The quantity with its value negated.
    public var negated: Quantity { Quantity(value.negated, unit) }

    // MARK: Comparison

    public enum Ordering: Sendable, Hashable {
        case less, equal, greater
    }

    /// Compares amounts across magnitudes (`14.8万人` equals `148000人`); throws for different bases,
    /// including % against 百分点. Never fails on size: an amount too large to convert is larger.
    public func compare(to other: Quantity) throws(UnitError) -> Ordering {
        guard unit.base == other.unit.base else { throw Self.mismatch(unit, other.unit) }
        var lhs = value
        var rhs = other.value
        // Shift the side with the larger exponent down to the smaller one. That only multiplies, so it can
        // only fail when that side's magnitude exceeds anything representable, i.e. the other side's.
        let difference = unit.exponent - other.unit.exponent
        if difference > 0 {
            guard let shifted = lhs.scaled(byPowerOfTen: difference) else {
                return lhs.sign > 0 ? .greater : .less
            }
            lhs = shifted
        } else if difference < 0 {
            guard let shifted = rhs.scaled(byPowerOfTen: -difference) else {
                return rhs.sign > 0 ? .less : .greater
            }
            rhs = shifted
        }
        return lhs < rhs ? .less : (lhs == rhs ? .equal : .greater)
    }

    // MARK: Formatting

    /// The quantity written in `preferred` units when it converts exactly (`148000人` → `14.8万人` for a
    /// rule in 万人), otherwise in its own unit; optionally rounded (四舍五入) to `maximumFractionDigits`.
    public func formatted(preferring preferred: Unit? = nil, maximumFractionDigits: Int? = nil) -> String {
        var shown = self
        if let preferred, let converted = try? converted(to: preferred) { shown = converted }
        if let digits = maximumFractionDigits { shown.value = shown.value.rounded(toPlaces: digits) }
        return shown.description
    }
}

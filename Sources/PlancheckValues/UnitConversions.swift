/// Conversions between bases that a rule pack declares (1 斤 = 0.0005 吨, 1 公顷 = 15 亩), beside the built-in
/// ones between magnitudes of one base (亿元 ↔ 万元). Plans state grain in 斤 and 吨 and land in 亩 and 公顷; the
/// engine knows no such pair itself, so that a pack says exactly which factor its plan means.
///
/// Conversions stay exact: the declared direction multiplies by the factor; the other divides, and only when the
/// quotient is a finite decimal (1 亩 is 1/15 公顷, which is not) — otherwise `UnitError.inexactConversion`.
public struct UnitConversion: Sendable, Hashable {
    /// 1 `from` = `factor` × `to`; the magnitudes of both are part of the statement (1 亿斤 = 5 万吨).
    public var from: Unit
    public var to: Unit
    public var factor: ExactDecimal

    public init(from: Unit, to: Unit, factor: ExactDecimal) {
        self.from = from
        self.to = to
        self.factor = factor
    }
}

public struct UnitConversions: Sendable {
    public var declared: [UnitConversion]

    public init(_ declared: [UnitConversion] = []) {
        self.declared = declared
    }

    public static let none = UnitConversions()

    /// The declaration that links the two bases, in either direction.
    public func conversion(between first: String, and second: String) -> UnitConversion? {
        declared.first { ($0.from.base == first && $0.to.base == second) || ($0.from.base == second && $0.to.base == first) }
    }

    /// Whether quantities in `unit` can become `other`: the same base, or two bases a declaration links.
    public func canConvert(_ unit: Unit, to other: Unit) -> Bool {
        unit.base == other.base || conversion(between: unit.base, and: other.base) != nil
    }
}

extension Quantity {
    /// This quantity in `target`: within a base by magnitude, across bases by a declared conversion.
    public func converted(to target: Unit, using conversions: UnitConversions) throws(UnitError) -> Quantity {
        if unit.base == target.base || conversions.declared.isEmpty { return try converted(to: target) }
        guard let conversion = conversions.conversion(between: unit.base, and: target.base) else {
            return try converted(to: target)
        }
        if conversion.from.base == unit.base {
            let inFrom = try converted(to: conversion.from)
            guard let value = inFrom.value.multiplying(by: conversion.factor) else { throw .overflow }
            return try Quantity(value: value, unit: conversion.to).converted(to: target)
        }
        let inTo = try converted(to: conversion.to)
        guard let value = inTo.value.dividing(by: conversion.factor),
              value.multiplying(by: conversion.factor) == inTo.value else {
            throw .inexactConversion(from: unit, to: target)
        }
        return try Quantity(value: value, unit: conversion.from).converted(to: target)
    }

    /// Whether reaching `target` takes a declared conversion (not only a change of magnitude).
    public func needsDeclaredConversion(to target: Unit) -> Bool { unit.base != target.base }
}

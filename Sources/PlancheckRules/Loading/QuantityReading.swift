import PlancheckValues
import PlancheckYAML

/// Reads quantities written in pack files (`5.5%`, `14.8万人`, a bare `60`).
enum QuantityReading {
    /// A quantity at `node`; a bare number takes `defaultUnit`.
    static func quantity(_ node: YAMLNode, file: SourceFile, sink: DiagnosticSink,
                         defaultUnit: Unit?, conversions: UnitConversions = .none) -> LocatedQuantity? {
        let location = SourceLocation(file: file, span: node.span)
        guard let scalar = node.scalar, scalar.kind != .null else {
            sink.report(.wrongShape, .error, Message(.expectedQuantity, ["found": .text(node.shapeDescription)]), at: location)
            return nil
        }
        let parsed = FigureText.read(scalar.text)
        if let failure = parsed.failure {
            sink.report(.invalidValue, .error, Message(.badQuantity, [
                "text": .text(scalar.text), "reason": .message(failure.reason)]), at: location)
            return nil
        }
        if parsed.bound != nil {
            sink.report(.invalidValue, .error, Message(.badQuantity, [
                "text": .text(scalar.text), "reason": .message(Message(.qualitativeNotAllowed))]), at: location)
            return nil
        }
        let unit = parsed.unit ?? defaultUnit ?? .dimensionless
        var quantity = Quantity(value: parsed.value, unit: unit)
        if let defaultUnit, unit != defaultUnit {
            do {
                quantity = try quantity.converted(to: defaultUnit, using: conversions)
            } catch {
                sink.report(.unitMismatch, .error, Message(.incompatibleUnitInPack, [
                    "unit": .text(UnitMessages.unitName(unit)), "expected": .text(UnitMessages.unitName(defaultUnit))]),
                            at: location, notes: UnitMessages.notes(for: error).map { Diagnostic.Note($0) })
                return nil
            }
        }
        return LocatedQuantity(quantity: quantity, location: location, written: scalar.text)
    }
}

/// Reads `{points: 0.5}`, `{relative: 5%}` or `{absolute: 0.5亿元}`.
enum ToleranceReading {
    static func tolerance(_ node: YAMLNode, file: SourceFile, sink: DiagnosticSink) -> Tolerance? {
        guard var reader = MappingReader(node, file: file, sink: sink, what: "tolerance") else { return nil }
        let points = reader.value("points")
        let relative = reader.value("relative")
        let absolute = reader.value("absolute")
        reader.finish()
        let given = [points, relative, absolute].compactMap { $0 }
        guard given.count == 1 else {
            sink.report(.missingField, .error, Message(.toleranceForm), at: reader.location)
            return nil
        }
        if let points {
            guard let amount = QuantityReading.quantity(points, file: file, sink: sink,
                                                        defaultUnit: .percentagePoints) else { return nil }
            return .points(amount.quantity.value)
        }
        if let relative {
            guard let amount = QuantityReading.quantity(relative, file: file, sink: sink, defaultUnit: nil) else { return nil }
            let unit = amount.quantity.unit
            guard unit == .percent || unit == .dimensionless,
                  let fraction = (try? amount.quantity.converted(to: .dimensionless))?.value else {
                sink.report(.invalidValue, .error, Message(.toleranceForm), at: amount.location)
                return nil
            }
            return .relative(fraction)
        }
        if let absolute, let amount = QuantityReading.quantity(absolute, file: file, sink: sink, defaultUnit: nil) {
            return .absolute(amount.quantity)
        }
        return nil
    }
}

import PlancheckValues
import PlancheckYAML

/// Reads an indicator's `plausible: {min, max, max_ratio_to_previous}` and checks it: edges in the indicator's
/// unit, min not above max, a share within 0–100%, a ratio above 1.
enum PlausibleReading {
    static func range(_ node: YAMLNode, indicator: Indicator, file: SourceFile, sink: DiagnosticSink) -> PlausibleRange? {
        guard var reader = MappingReader(node, file: file, sink: sink, what: "plausible") else { return nil }
        let minNode = reader.value("min")
        let maxNode = reader.value("max")
        let ratioNode = reader.value("max_ratio_to_previous")
        reader.finish()
        func edge(_ node: YAMLNode?) -> LocatedQuantity? {
            node.flatMap { QuantityReading.quantity($0, file: file, sink: sink, defaultUnit: indicator.unit) }
        }
        let min = edge(minNode), max = edge(maxNode)
        var ratio: ExactDecimal?
        if let ratioNode {
            ratio = QuantityReading.quantity(ratioNode, file: file, sink: sink, defaultUnit: nil)?.quantity.value
            if let value = ratio, value <= ExactDecimal(1) {
                sink.report(.invalidValue, .error, Message(.plausibleRatioTooSmall, ["ratio": .text(value.description)]),
                            at: SourceLocation(file: file, span: ratioNode.span))
                ratio = nil
            }
        }
        if let min, let max, min.quantity.value > max.quantity.value {
            sink.report(.invalidValue, .error, Message(.plausibleMinAboveMax, [
                "min": .quantity(min.quantity), "max": .quantity(max.quantity)]), at: min.location)
            return nil
        }
        // A share cannot leave 0–100%: a range that does would let an impossible figure pass silently.
        if indicator.kind == .share {
            let outside = (min.map { $0.quantity.value < .zero } ?? false)
                || (max.map { $0.quantity.value > ExactDecimal(100) } ?? false)
            if outside {
                sink.report(.invalidValue, .error, Message(.plausibleShareOutside), at: (min ?? max)?.location)
            }
        }
        return PlausibleRange(min: min?.quantity, max: max?.quantity, maxRatioToPrevious: ratio)
    }
}

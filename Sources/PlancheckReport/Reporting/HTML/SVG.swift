import PlancheckValues

/// Small helpers for the inline SVG charts: numbers written compactly (a 300-district chart has thousands of
/// coordinates, so one decimal place is plenty), axis ticks at round values, and quantities as plain doubles.
enum SVG {
    /// `value` with at most `places` decimals, trailing zeros dropped; no exponent notation.
    static func number(_ value: Double, places: Int = 1) -> String {
        guard value.isFinite else { return "0" }
        var factor = 1.0
        for _ in 0..<places { factor *= 10 }
        let scaled = (value * factor).rounded()
        guard abs(scaled) < 9e15 else { return String(Int(value)) }
        let negative = scaled < 0
        var digits = String(Int(abs(scaled)))
        if places > 0 {
            if digits.count <= places { digits = String(repeating: "0", count: places - digits.count + 1) + digits }
            let point = digits.index(digits.endIndex, offsetBy: -places)
            var fraction = String(digits[point...])
            while fraction.hasSuffix("0") { fraction.removeLast() }
            digits = String(digits[..<point]) + (fraction.isEmpty ? "" : "." + fraction)
        }
        return (negative && digits != "0" ? "-" : "") + digits
    }

    /// Round tick values covering `low...high`: steps of 1, 2 or 5 times a power of ten, about `count` of them.
    static func ticks(_ low: Double, _ high: Double, count: Int = 5) -> (values: [Double], places: Int) {
        let raw = max(high - low, 1e-9) / Double(max(count, 1))
        var magnitude = 1.0
        while magnitude > raw { magnitude /= 10 }
        while magnitude * 10 <= raw { magnitude *= 10 }
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? magnitude * 10
        var places = 0
        var probe = step
        while places < 6, abs(probe - probe.rounded()) > 1e-6 * max(1, abs(probe)) {
            probe *= 10
            places += 1
        }
        var values: [Double] = []
        var tick = (low / step).rounded(.up) * step
        while tick <= high + step * 1e-6, values.count < 50 {
            values.append(abs(tick) < step * 1e-6 ? 0 : tick)
            tick += step
        }
        return (values, places)
    }

    /// A quantity as a double in `unit` (when convertible), for drawing only: exact values stay in the text.
    static func double(_ quantity: Quantity?, in unit: Unit?) -> Double? {
        guard let quantity else { return nil }
        guard let unit, quantity.unit != unit else { return quantity.value.doubleValue }
        guard let converted = try? quantity.converted(to: unit) else { return nil }
        return converted.value.doubleValue
    }

    /// Maps a domain onto a pixel range.
    struct Scale {
        var domain: (Double, Double)
        var range: (Double, Double)

        func callAsFunction(_ value: Double) -> Double {
            let width = domain.1 - domain.0
            guard width != 0 else { return (range.0 + range.1) / 2 }
            return range.0 + (value - domain.0) / width * (range.1 - range.0)
        }
    }
}

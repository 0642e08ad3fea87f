import PlancheckYAML

/// Reads a quota table: the city's allocation of a target to districts (e.g. each district's share of new urban
/// jobs), referenced in rules as `quota.KEY`. The file format:
///
/// ```yaml
/// format: plancheck-quotas/1
/// pack: shenyang-2025
/// source: 沈阳市2025年就业目标分解方案   # where the allocation comes from
/// quotas:
///   new_urban_jobs:
///     "210102": 1.2万人
/// ```
public enum QuotaLoader {
    public static let formatTag = "plancheck-quotas/1"

    public struct Result: Sendable {
        public var quotas: [String: [String: LocatedQuantity]]
        public var diagnostics: [Diagnostic]
    }

    public static func load(path: String, pack: Pack) -> Result {
        let sink = DiagnosticSink()
        do {
            let file = SourceFile(path: path, bytes: try InputFiles.read(path))
            return Result(quotas: read(file, pack: pack, sink: sink), diagnostics: sink.diagnostics)
        } catch {
            sink.report(readError: error)
            return Result(quotas: [:], diagnostics: sink.diagnostics)
        }
    }

    public static func load(_ file: SourceFile, pack: Pack) -> Result {
        let sink = DiagnosticSink()
        return Result(quotas: read(file, pack: pack, sink: sink), diagnostics: sink.diagnostics)
    }

    private static func read(_ file: SourceFile, pack: Pack, sink: DiagnosticSink) -> [String: [String: LocatedQuantity]] {
        guard let root = sink.readYAML(file),
              var reader = MappingReader(root, file: file, sink: sink, what: file.path) else { return [:] }
        if let format = reader.value("format", required: true), format.scalar?.text != formatTag {
            sink.report(.invalidValue, .error, Message(.unsupportedFormat, [
                "found": .text(format.scalar?.text ?? format.shapeDescription), "expected": .text(formatTag)]),
                        at: reader.location(of: format))
        }
        if let packNode = reader.value("pack"), let packID = packNode.scalar?.text, packID != pack.id {
            sink.report(.invalidValue, .warning, Message(.otherPack, ["found": .text(packID), "pack": .text(pack.id)]),
                        at: reader.location(of: packNode))
        }
        _ = reader.string("source")
        _ = reader.localized("title")
        let tables = reader.value("quotas", required: true)
        reader.finish()

        let catalogue = Dictionary(pack.indicators.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        var result: [String: [String: LocatedQuantity]] = [:]
        for pair in tables?.mapping ?? [] {
            guard let key = pair.key.scalar?.text else { continue }
            guard let indicator = catalogue[key] else {
                PackLoader.reportUnknownIndicator(key, at: SourceLocation(file: file, span: pair.key.span),
                                                  catalogue: catalogue, sink: sink)
                continue
            }
            guard let entries = pair.value.mapping else {
                sink.report(.wrongShape, .error, Message(.expectedMapping, [
                    "what": .text(key), "found": .text(pair.value.shapeDescription)]),
                            at: SourceLocation(file: file, span: pair.value.span))
                continue
            }
            var table: [String: LocatedQuantity] = [:]
            for entry in entries {
                guard let code = entry.key.scalar?.text else { continue }
                let codeLocation = SourceLocation(file: file, span: entry.key.span)
                guard pack.district(code) != nil else {
                    sink.report(.unknownDistrict, .error, Message(.unknownDistrict, ["code": .text(code)]),
                                at: codeLocation)
                    continue
                }
                if let quantity = QuantityReading.quantity(entry.value, file: file, sink: sink, defaultUnit: indicator.unit) {
                    table[code] = quantity
                }
            }
            result[key] = table
        }
        return result
    }
}

import Foundation
import PlancheckCore
import PlancheckYAML

/// Validates JSON instances against a JSON Schema with Python's `jsonschema` package — an independent
/// validator, so the schemas are checked by something other than our own code. Instances come from our YAML
/// layer (the same reading `plancheck` uses), converted to JSON.
enum JSONSchemaValidator {
    /// Whether `python3` with `jsonschema` can be run here.
    static let isAvailable: Bool = {
        (try? run(["-c", "import jsonschema"]))?.status == 0
    }()

    /// CI must have the validator: there a missing one fails the test instead of skipping it.
    static var isRequired: Bool { ProcessInfo.processInfo.environment["CI"] != nil }

    static let missingMessage = """
        python3 with the jsonschema package is missing, so the schema tests cannot run. \
        Install it with `apt-get install python3-jsonschema` or `pip install jsonschema`.
        """

    private static let script = """
        import json, sys
        import jsonschema
        with open(sys.argv[1], encoding="utf-8") as handle:
            schema = json.load(handle)
        with open(sys.argv[2], encoding="utf-8") as handle:
            instances = json.load(handle)
        validator_class = jsonschema.validators.validator_for(schema)
        validator_class.check_schema(schema)
        validator = validator_class(schema)
        result = {}
        for name, instance in instances.items():
            errors = sorted(validator.iter_errors(instance), key=lambda e: list(map(str, e.absolute_path)))
            result[name] = ["/" + "/".join(map(str, e.absolute_path)) + ": " + e.message[:300] for e in errors]
        json.dump(result, sys.stdout, ensure_ascii=False)
        """

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The errors for each named instance (empty: valid).
    static func validate(schemaPath: String, instances: [(String, SchemaJSON)]) throws -> [String: [String]] {
        try validate(schemaPath: schemaPath, instancesJSON: SchemaJSON.object(instances).rendered())
    }

    /// The errors for each named document, each given as JSON text (e.g. a whole SARIF report).
    static func validate(schemaPath: String, documents: [(name: String, json: String)]) throws -> [String: [String]] {
        let members = documents.map { SchemaJSON.quote($0.name) + ": " + $0.json }
        return try validate(schemaPath: schemaPath, instancesJSON: "{" + members.joined(separator: ",\n") + "}")
    }

    private static func validate(schemaPath: String, instancesJSON: String) throws -> [String: [String]] {
        let folder = NSTemporaryDirectory() + "plancheck-schema-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let scriptPath = folder + "/validate.py"
        let inputPath = folder + "/instances.json"
        try script.write(toFile: scriptPath, atomically: true, encoding: .utf8)
        try instancesJSON.write(toFile: inputPath, atomically: true, encoding: .utf8)
        let result = try run([scriptPath, schemaPath, inputPath])
        guard result.status == 0,
              let decoded = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: [String]] else {
            throw Failure(description: "the validator failed (status \(result.status)): \(result.errors)")
        }
        return decoded
    }

    private static func run(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outputData, as: UTF8.self), String(decoding: errorData, as: UTF8.self))
    }
}

/// Our YAML tree as JSON, scalars typed by the YAML 1.2 core schema exactly as the loaders see them.
enum YAMLToJSON {
    static func document(_ text: String, path: String = "inline.yml") throws -> SchemaJSON {
        let stream = try YAMLReader.read(SourceFile(path: path, text: text))
        guard let root = stream.documents.first else { return .null }
        return value(root)
    }

    static func value(_ node: YAMLNode) -> SchemaJSON {
        switch node.content {
        case .scalar(let scalar):
            switch scalar.kind {
            case .null: return .null
            case .bool: return .bool(scalar.text.lowercased() == "true")
            case .int, .float:
                if let integer = Int(scalar.text) { return .integer(integer) }
                // Only the type matters to a schema here; non-finite floats (.inf, .nan) are not JSON numbers.
                guard let double = Double(scalar.text.replacingOccurrences(of: "_", with: "")), double.isFinite else {
                    return .string(scalar.text)
                }
                return .number(String(double))
            case .string: return .string(scalar.text)
            }
        case .sequence(let items, _):
            return .array(items.map(value))
        case .mapping(let pairs, _):
            return .object(pairs.map { ($0.key.scalar?.text ?? "?", value($0.value)) })
        }
    }
}

import Foundation
import Testing

/// The GitHub files this project ships or generates validate against the public workflow and action schemas, as
/// check-jsonschema (from PyPI) vendors them; the pre-commit files against pre-commit's own validators.
@Suite("GitHub workflow and action files")
struct WorkflowSchemaTests {
    static let checkJSONSchema = Run.tool("check-jsonschema")
    static let preCommit = Run.tool("pre-commit")
    static let missingValidator = "check-jsonschema is not installed (pip install check-jsonschema; .ci/run installs it): skipped"

    static func validate(_ files: [String], schema: String, in directory: String = CLITests.root) throws -> Run.Result {
        let tool = try #require(checkJSONSchema, "CI must have check-jsonschema: .ci/run installs it into .venv-ci")
        return try Run.program(tool, ["--builtin-schema", schema] + files, in: directory)
    }

    /// The workflows of docs/ci.md: its YAML blocks whose first line names a workflow file.
    static func documentedWorkflows() throws -> [String] {
        let text = try DataRepository.read(CLITests.root + "/docs/ci.md")
        var blocks: [String] = []
        var current: [Substring]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line.hasPrefix("```yaml") {
                current = []
            } else if current != nil, line.hasPrefix("```") {
                if let first = current?.first, first.hasPrefix("# .github/workflows/") {
                    blocks.append(current!.joined(separator: "\n") + "\n")
                }
                current = nil
            } else {
                current?.append(line)
            }
        }
        return blocks
    }

    @Test("this project's workflows and its composite action",
          .enabled(if: checkJSONSchema != nil || Run.inCI, "\(missingValidator)"))
    func projectFiles() throws {
        let workflows = try FileManager.default.contentsOfDirectory(atPath: CLITests.root + "/.github/workflows")
            .filter { $0.hasSuffix(".yml") || $0.hasSuffix(".yaml") }.map { ".github/workflows/" + $0 }
        #expect(!workflows.isEmpty)
        for schema in ["vendor.github-workflows", "custom.github-workflows-require-timeout"] {
            let result = try Self.validate(workflows, schema: schema)
            #expect(result.status == 0, "\(schema): \(result.output)")
        }
        let action = try Self.validate(["action.yml"], schema: "vendor.github-actions")
        #expect(action.status == 0, "\(action.output)")
    }

    @Test("the example workflows of docs/ci.md and the one `plancheck init` writes",
          .enabled(if: checkJSONSchema != nil || Run.inCI, "\(missingValidator)"))
    func dataRepositoryWorkflows() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let documented = try Self.documentedWorkflows()
        #expect(documented.count >= 2, "docs/ci.md shows a data repository's workflow and a scheduled one")
        var files: [String] = []
        for (index, text) in documented.enumerated() {
            files.append(folder + "/documented-\(index).yml")
            try DataRepository.write(text, to: files.last!)
        }
        #expect(try Run.plancheck(["init", "--directory", "repo"], in: folder).status == 0)
        files.append(folder + "/repo/.github/workflows/plancheck.yml")
        for schema in ["vendor.github-workflows", "custom.github-workflows-require-timeout"] {
            let result = try Self.validate(files, schema: schema)
            #expect(result.status == 0, "\(schema): \(result.output)")
        }
        // Each uses the composite action.
        for file in files {
            #expect(try DataRepository.read(file).contains("plancheck/plancheck@"), "\(file)")
        }
    }

    @Test("the validator does reject a broken workflow and a broken action",
          .enabled(if: checkJSONSchema != nil || Run.inCI, "\(missingValidator)"))
    func rejectsBrokenFiles() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try DataRepository.write("name: broken\non: push\njobs:\n  check:\n    steps: [{run: true, uses: 3}]\n",
                                 to: folder + "/workflow.yml")
        try DataRepository.write("name: broken\ndescription: d\nruns:\n  using: composite\n  step: []\n", to: folder + "/action.yml")
        #expect(try Self.validate(["workflow.yml"], schema: "vendor.github-workflows", in: folder).status != 0)
        #expect(try Self.validate(["action.yml"], schema: "vendor.github-actions", in: folder).status != 0)
    }

    @Test("the hook manifest and the pre-commit configuration `plancheck init` writes are valid for pre-commit",
          .enabled(if: preCommit != nil || Run.inCI, "pre-commit is not installed (pip install pre-commit; .ci/run installs it): skipped"))
    func preCommitFiles() throws {
        let tool = try #require(Self.preCommit, "CI must have pre-commit: .ci/run installs it into .venv-ci")
        let manifest = try Run.program(tool, ["validate-manifest", ".pre-commit-hooks.yaml"], in: CLITests.root)
        #expect(manifest.status == 0, "\(manifest.output)")
        let text = try DataRepository.read(CLITests.root + "/.pre-commit-hooks.yaml")
        // The hook that needs no Swift (it installs the wheel) and the one that builds from source, both as a hook.
        #expect(text.contains("- id: plancheck\n") && text.contains("language: python"))
        #expect(text.contains("- id: plancheck-swift\n") && text.contains("language: swift"))
        #expect(text.components(separatedBy: "entry: plancheck check --hook\n").count == 3)

        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try Run.plancheck(["init", "--directory", "repo"], in: folder).status == 0)
        let config = try Run.program(tool, ["validate-config", "repo/.pre-commit-config.yaml"], in: folder)
        #expect(config.status == 0, "\(config.output)")
    }
}

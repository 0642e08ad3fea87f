import Foundation
import Testing

/// Runs programs for the end-to-end tests: plancheck in a data repository, git, pre-commit, check-jsonschema.
enum Run {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        /// Both streams, as a person at a terminal sees them (a hook's output is read this way).
        var output: String { stdout + stderr }
    }

    /// Runs `executable` (a path, or a name looked up on PATH) in `directory`. Output is read while the program
    /// runs, so a long report cannot fill a pipe and stall it.
    static func program(_ executable: String, _ arguments: [String], in directory: String,
                        environment extra: [String: String?] = [:], input: Data? = nil) throws -> Result {
        let process = Process()
        if executable.contains("/") {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [executable] + arguments
        }
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = nil
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let inputPipe = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : inputPipe
        try process.run()
        if let input {
            // Written on another thread, so that a program that prints before it has read everything cannot stall.
            DispatchQueue.global().async {
                inputPipe.fileHandleForWriting.write(input)
                try? inputPipe.fileHandleForWriting.close()
            }
        }
        // Standard error is drained on another thread while standard output is read here.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// The built plancheck, run in `directory`.
    static func plancheck(_ arguments: [String], in directory: String, environment: [String: String?] = [:],
                          input: Data? = nil) throws -> Result {
        let binary = try #require(CLITests.binary, "the plancheck binary was not found next to the test bundle")
        return try program(binary, arguments, in: directory, environment: environment, input: input)
    }

    /// `name` on PATH or in the project's `.venv-ci/bin` (where `.ci/run` installs the Python tools).
    static func tool(_ name: String) -> String? {
        var folders = [CLITests.root + "/.venv-ci/bin", CLITests.root + "/.venv/bin"]
        folders += (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        for folder in folders {
            let candidate = folder + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// In CI (`CI` set) the tools the tests need must be there: a missing one fails instead of skipping.
    static var inCI: Bool { ProcessInfo.processInfo.environment["CI"] != nil }
}

/// Temporary data repositories made of the example submissions.
enum DataRepository {
    static let examples = CLITests.root + "/Examples/shenyang-2025"

    static func exampleNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: examples).filter { $0.hasSuffix(".yml") }.sorted()
    }

    /// A folder with `configuration` as its `.plancheck.yml` and the 13 example submissions in `2025/`.
    static func make(configuration: String) throws -> String {
        let root = try CLITests.temporaryFolder()
        try FileManager.default.createDirectory(atPath: root + "/2025", withIntermediateDirectories: true)
        for name in try exampleNames() {
            try FileManager.default.copyItem(atPath: examples + "/" + name, toPath: root + "/2025/" + name)
        }
        try write(configuration, to: root + "/.plancheck.yml")
        return root
    }

    static func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    static func read(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    static func replace(_ old: String, with new: String, in path: String) throws {
        let text = try read(path)
        #expect(text.contains(old), "\(path) does not contain \(old)")
        try write(text.replacingOccurrences(of: old, with: new), to: path)
    }
}

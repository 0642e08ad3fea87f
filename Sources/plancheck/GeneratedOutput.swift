import ArgumentParser
import PlancheckCore

/// Where generated documents go (`rules doc`, `init`, `schema`): standard output, or a file written atomically.
enum GeneratedOutput {
    /// Prints `text`, or writes it to `path`. An existing file is replaced only with `overwrite`; otherwise
    /// the command stops with exit status 2 and says how to overwrite.
    static func emit(_ text: String, to path: String?, overwrite: Bool, language: Language) throws {
        guard let path else {
            Output.print(text)
            return
        }
        try write(text, to: path, overwrite: overwrite, language: language)
        Output.error(Message(.outputWritten, ["path": .text(path)]).rendered(in: language, vocabulary: .neutral) + "\n")
    }

    /// Writes `text` to `path` atomically; a file that exists (without `overwrite`) or cannot be written is
    /// reported and ends the command with exit status 2.
    static func write(_ text: String, to path: String, overwrite: Bool, language: Language) throws {
        do {
            try AtomicFile.write(text, to: path, overwrite: overwrite)
        } catch {
            switch error {
            case .exists(let existing):
                Output.error("plancheck: " + Message(.outputExists, ["path": .text(existing)]).rendered(in: language, vocabulary: .neutral) + "\n")
            case .cannotWrite(let target, let code):
                Output.error("plancheck: " + Message(.outputUnwritable, [
                    "path": .text(target), "code": .number(Int(code))]).rendered(in: language, vocabulary: .neutral) + "\n")
            }
            throw ExitCode(2)
        }
    }
}

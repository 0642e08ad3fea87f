import PlancheckCore
import PlancheckSystem

enum Environment {
    static func value(_ name: String) -> String? {
        guard let text = CurrentProcess.environment(name) else { return nil }
        return text.isEmpty ? nil : text
    }

    /// Chinese when the locale says so (LC_ALL, LC_MESSAGES, LANG, in POSIX order of precedence), else English.
    static var defaultLanguage: Language {
        let locale = value("LC_ALL") ?? value("LC_MESSAGES") ?? value("LANG") ?? ""
        return locale.lowercased().hasPrefix("zh") ? .zh : .en
    }

    /// The working directory, so that reports can name files relative to it.
    static var currentDirectory: String? { CurrentProcess.currentDirectory }

    /// The system's text for an `errno` value.
    static func errorText(_ code: Int32) -> String { SystemError.text(for: code) }
}

enum FileSystem {
    static func exists(_ path: String) -> Bool { FilePaths.exists(path) }

    /// Creates `path` and its missing parents (`mkdir -p`); returns the `errno` of a failure, nil on success.
    static func makeFolders(_ path: String) -> Int32? {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/") {
            prefix += part
            do {
                try FilePaths.makeDirectory(prefix, mode: 0o755)
            } catch {
                if !error.isAlreadyExisting { return error.code }
            }
            prefix += "/"
        }
        return nil
    }
}

enum Output {
    static var stdoutIsTerminal: Bool { FileDescriptor.standardOutput.isTerminal }

    /// The columns text output to `descriptor` may fill: `COLUMNS` when set to a number (the shell's word, and a
    /// way to ask for a width), else the terminal window's width; when it is no terminal (a pipe, a file, a CI
    /// log), nil: lines are not broken at all, so that grep sees each sentence whole.
    static func width(of descriptor: FileDescriptor) -> Int? {
        if let text = Environment.value("COLUMNS"), let columns = Int(text), columns > 0 { return max(columns, 40) }
        guard descriptor.isTerminal else { return nil }
        return descriptor.terminalColumns.map { max($0, 40) } ?? 100
    }

    /// Writes all of `text` (short writes retried); a failure (a closed pipe) is not reported: there is nowhere to.
    static func print(_ text: String) { try? FileDescriptor.standardOutput.write(Array(text.utf8)) }

    static func print(bytes: [UInt8]) { try? FileDescriptor.standardOutput.write(bytes) }

    static func error(_ text: String) { try? FileDescriptor.standardError.write(Array(text.utf8)) }
}

/// Standard output for reports, written in large pieces as the run goes.
final class StandardOutputSink: TextSink {
    private var pending: [UInt8] = []

    func write(_ text: String) {
        pending.append(contentsOf: text.utf8)
        if pending.count >= 1 << 16 { flush() }
    }

    func flush() {
        guard !pending.isEmpty else { return }
        Output.print(bytes: pending)
        pending.removeAll(keepingCapacity: true)
    }
}


/// Ends the process with `status` (named apart from ArgumentParser's `exit(withError:)`).
func terminateProcess(_ status: Int32) -> Never {
    CurrentProcess.exit(status)
}

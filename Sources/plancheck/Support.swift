#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PlancheckCore

enum Environment {
    static func value(_ name: String) -> String? {
        guard let raw = getenv(name) else { return nil }
        let text = String(cString: raw)
        return text.isEmpty ? nil : text
    }

    /// Chinese when the locale says so (LC_ALL, LC_MESSAGES, LANG, in POSIX order of precedence), else English.
    static var defaultLanguage: Language {
        let locale = value("LC_ALL") ?? value("LC_MESSAGES") ?? value("LANG") ?? ""
        return locale.lowercased().hasPrefix("zh") ? .zh : .en
    }

    /// The working directory, so that reports can name files relative to it.
    static var currentDirectory: String? {
        guard let raw = getcwd(nil, 0) else { return nil }
        defer { free(raw) }
        return String(cString: raw)
    }

    /// The system's text for an `errno` value.
    static func errorText(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "errno \(code)" }
        return String(cString: text)
    }
}

enum FileSystem {
    static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    /// Creates `path` and its missing parents (`mkdir -p`); returns the `errno` of a failure, nil on success.
    static func makeFolders(_ path: String) -> Int32? {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/") {
            prefix += part
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST { return errno }
            prefix += "/"
        }
        return nil
    }
}

enum Output {
    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    static func print(_ text: String) { write(text, to: STDOUT_FILENO) }

    static func print(bytes: [UInt8]) { write(bytes[...], to: STDOUT_FILENO) }

    static func error(_ text: String) { write(text, to: STDERR_FILENO) }

    /// Writes all of `text`, retrying short writes (a pipe may take less than everything at once).
    private static func write(_ text: String, to descriptor: Int32) { write(Array(text.utf8)[...], to: descriptor) }

    private static func write(_ bytes: ArraySlice<UInt8>, to descriptor: Int32) {
        var bytes = bytes
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            bytes = bytes.dropFirst(written)
        }
    }
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

/// A report file's text, written atomically once the run is over (a reader never sees half a report).
final class FileSink: TextSink {
    private(set) var bytes: [UInt8] = []

    func write(_ text: String) { bytes.append(contentsOf: text.utf8) }
}

/// Ends the process with `status` (named apart from ArgumentParser's `exit(withError:)`).
func terminateProcess(_ status: Int32) -> Never {
    exit(status)
}

// The physical limit of `plancheck check`: read each file and drive libyaml's event parser over it, doing nothing
// with the events. Everything plancheck does beyond this (tree, figures, rules, report) is overhead measured against
// it. It walks folders as plancheck does (sorted, .yml/.yaml, hidden folders skipped) so both see the same files.
//
//   plancheck-parse-baseline [--jobs N] PATH...
//
// Prints the number of files, bytes and events to standard error, so the work cannot be optimised away.
import CYAML
import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

func walk(_ path: String, into files: inout [String]) {
    var status = stat()
    guard stat(path, &status) == 0 else { return }
    guard (status.st_mode & S_IFMT) == S_IFDIR else {
        files.append(path)
        return
    }
    guard let directory = opendir(path) else { return }
    var names: [String] = []
    while let entry = readdir(directory) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        if name.hasPrefix(".") { continue }
        names.append(name)
    }
    closedir(directory)
    for name in names.sorted() {
        let child = path + "/" + name
        var childStatus = stat()
        guard stat(child, &childStatus) == 0 else { continue }
        if (childStatus.st_mode & S_IFMT) == S_IFDIR {
            walk(child, into: &files)
        } else if name.hasSuffix(".yml") || name.hasSuffix(".yaml") {
            files.append(child)
        }
    }
}

/// Reads `path` into `buffer` (reused between files, so the baseline does not pay an allocation per file).
func readFile(_ path: String, into buffer: inout [UInt8]) -> Int {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return -1 }
    defer { close(descriptor) }
    var status = stat()
    _ = fstat(descriptor, &status)
    let size = Int(status.st_size)
    if buffer.count < size + 1 { buffer = [UInt8](repeating: 0, count: size + 1) }
    var filled = 0
    while true {
        let count = buffer.withUnsafeMutableBytes { raw in
            read(descriptor, raw.baseAddress! + filled, raw.count - filled)
        }
        if count < 0 { if errno == EINTR { continue } else { return -1 } }
        if count == 0 { break }
        filled += count
        if filled == buffer.count { buffer += [UInt8](repeating: 0, count: buffer.count) }
    }
    return filled
}

/// Parses `count` bytes of `buffer` and returns the number of events (or -1 on a YAML error).
func events(_ buffer: [UInt8], count: Int, parser: UnsafeMutablePointer<yaml_parser_t>,
            event: UnsafeMutablePointer<yaml_event_t>) -> Int {
    guard yaml_parser_initialize(parser) != 0 else { return -1 }
    defer { yaml_parser_delete(parser) }
    return buffer.withUnsafeBufferPointer { bytes in
        yaml_parser_set_input_string(parser, bytes.baseAddress, count)
        var total = 0
        while true {
            guard yaml_parser_parse(parser, event) != 0 else { return -1 }
            total += 1
            let done = event.pointee.type == YAML_STREAM_END_EVENT
            yaml_event_delete(event)
            if done { return total }
        }
    }
}

var arguments = Array(CommandLine.arguments.dropFirst())
var requestedJobs = 1
if let index = arguments.firstIndex(of: "--jobs"), index + 1 < arguments.count {
    requestedJobs = max(1, Int(arguments[index + 1]) ?? 1)
    arguments.removeSubrange(index...(index + 1))
}
let jobs = requestedJobs
var files: [String] = []
for path in arguments { walk(path, into: &files) }
let paths = files

struct Tally { var bytes = 0, events = 0, failed = 0 }
let tallies = UnsafeMutableBufferPointer<Tally>.allocate(capacity: jobs)
tallies.initialize(repeating: Tally())
nonisolated(unsafe) let shared = tallies
DispatchQueue.concurrentPerform(iterations: jobs) { worker in
    let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    var tally = Tally()
    for index in stride(from: worker, to: paths.count, by: jobs) {
        let count = readFile(paths[index], into: &buffer)
        if count < 0 { tally.failed += 1; continue }
        let n = events(buffer, count: count, parser: parser, event: event)
        if n < 0 { tally.failed += 1 } else { tally.events += n }
        tally.bytes += count
    }
    shared[worker] = tally
    parser.deallocate()
    event.deallocate()
}
let total = tallies.reduce(into: Tally()) { $0.bytes += $1.bytes; $0.events += $1.events; $0.failed += $1.failed }
let line = "files \(paths.count) bytes \(total.bytes) events \(total.events) failed \(total.failed)\n"
_ = line.utf8CString.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count - 1) }
exit(total.failed == 0 ? 0 : 1)

import PlancheckEngine

/// Where an output's text goes: standard output, or a file that appears whole when the run ends.
public protocol TextSink: AnyObject {
    func write(_ text: String)
}

/// Writes every output of a run as its results arrive: each result becomes one `ReportEntry`, which every streaming
/// format renders at once and sends to its sink; formats that need the whole run (HTML, JUnit, Markdown) get the
/// entries at the end. Only those formats make the writer keep entries.
public final class ReportWriter: ResultConsumer {
    /// Builds each result's entry and every streaming format's text for it, on the run's worker threads.
    public struct Preparer: ResultPreparer {
        let context: ReportContext
        let reporters: [any StreamingReporter]

        public func prepare(_ result: CheckResult) -> (entry: ReportEntry, texts: [String?]) {
            let entry = context.entry(result)
            return (entry, reporters.map { $0.text(for: entry, context) })
        }
    }

    public var preparer: Preparer {
        Preparer(context: context, reporters: destinations.compactMap {
            if case .streaming(let reporter, _) = $0 { return reporter }
            return nil
        })
    }

    private enum Destination {
        case streaming(any StreamingReporter, TextSink)
        case whole(any Reporter, TextSink)
    }

    private var context: ReportContext
    private var destinations: [Destination] = []
    private var entries: [ReportEntry] = []
    private var keepsEntries = false
    /// How many findings handed on carry a certain fix (`check --fix` would apply them).
    public private(set) var fixable = 0

    public init(context: ReportContext) {
        self.context = context
    }

    /// Adds an output: streamed when its format can be, else rendered whole at the end.
    public func add(_ reporter: any Reporter, to sink: TextSink) {
        if let streaming = reporter as? any StreamingReporter {
            destinations.append(.streaming(streaming, sink))
        } else {
            destinations.append(.whole(reporter, sink))
            keepsEntries = true
        }
    }

    public func begin(files: [String]) {
        context.files = files
        for index in destinations.indices {
            guard case .streaming(var reporter, let sink) = destinations[index] else { continue }
            sink.write(reporter.begin(context))
            destinations[index] = .streaming(reporter, sink)
        }
    }

    public func consume(_ prepared: (entry: ReportEntry, texts: [String?])) {
        var streamed = 0
        for index in destinations.indices {
            guard case .streaming(var reporter, let sink) = destinations[index] else { continue }
            let text = reporter.write(prepared.entry, text: prepared.texts[streamed], context)
            streamed += 1
            if !text.isEmpty { sink.write(text) }
            destinations[index] = .streaming(reporter, sink)
        }
        if keepsEntries { entries.append(prepared.entry) }
        if prepared.entry.result.diagnostic?.edits.isEmpty == false { fixable += 1 }
    }

    /// Ends every output once the run's counts are known.
    public func finish(_ summary: RunSummary) {
        for index in destinations.indices {
            switch destinations[index] {
            case .streaming(var reporter, let sink):
                sink.write(reporter.end(context, summary))
                destinations[index] = .streaming(reporter, sink)
            case .whole(let reporter, let sink):
                sink.write(reporter.render(Report(context: context, summary: summary, entries: entries)))
            }
        }
        entries = []
    }
}

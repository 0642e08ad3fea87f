import PlancheckEngine

/// Where an output's text goes: standard output, or a file that appears whole when the run ends.
public protocol TextSink: AnyObject {
    func write(_ text: String)
}

/// Writes every output of a run as its results arrive: each result becomes one `ReportEntry`, which every streaming
/// format renders at once and sends to its sink; formats that need the whole run (HTML, JUnit, Markdown) get the
/// entries at the end. Only those formats make the writer keep entries.
///
/// One document may hold several runs (a repository whose `2025/*.yml` are checked against one pack and
/// `2026/*.yml` against another): the writer is told how many when it is made, each run after the first starts with
/// `startRun(_:)` and its own context, each ends with `endRun(_:)`, and `finishDocument()` closes every output.
/// `finish(_:)` is the one call an ordinary run needs.
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
    /// How many runs the document holds, as the formats were told when they were added.
    public let runs: Int
    private var destinations: [Destination] = []
    /// Each streaming output's opening text, written when the first run begins.
    private var openings: [String] = []
    private var entries: [ReportEntry] = []
    /// The runs ended so far, for the formats rendered whole (nothing is kept when there are none).
    private var reports: [Report] = []
    private var keepsEntries = false
    /// Where the current run stands: not begun (no `begin(files:)` yet), begun, or ended (until `startRun`).
    private var runBegun = false
    private var runEnded = false
    private var documentOpened = false
    private var runsEnded = 0
    /// How many findings handed on carry a certain fix (`check --fix` would apply them), over all runs.
    public private(set) var fixable = 0

    /// A writer for a document of `runs` runs (known up front, so that each format chooses its framing at once);
    /// `context` is the first run's.
    public init(context: ReportContext, runs: Int = 1) {
        self.context = context
        self.runs = max(1, runs)
    }

    /// Adds an output: streamed when its format can be, else rendered whole at the end.
    public func add(_ reporter: any Reporter, to sink: TextSink) {
        if var streaming = reporter as? any StreamingReporter {
            openings.append(streaming.beginDocument(runs: runs))
            destinations.append(.streaming(streaming, sink))
        } else {
            openings.append("")
            destinations.append(.whole(reporter, sink))
            keepsEntries = true
        }
    }

    /// Starts the next run, with its own pack, words and files. The first run may start here too, or simply with
    /// the context the writer was made with.
    public func startRun(_ context: ReportContext) {
        // Misuse of the writer, not a problem of any input: the documents' framing was chosen for `runs` runs.
        precondition(!runBegun || runEnded, "ReportWriter.startRun before the current run's endRun")
        precondition(runsEnded < runs, "ReportWriter made for \(runs) run(s) is given another")
        self.context = context
        entries = []
        runBegun = false
        runEnded = false
    }

    public func begin(files: [String]) {
        openDocument()
        runBegun = true
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

    /// Ends the current run's part of every output once its counts are known. A run that never began (a group
    /// with no file to stream) begins here with the summary's files, so that every document stays whole.
    public func endRun(_ summary: RunSummary) {
        if !runBegun { begin(files: summary.files) }
        for index in destinations.indices {
            guard case .streaming(var reporter, let sink) = destinations[index] else { continue }
            sink.write(reporter.end(context, summary))
            destinations[index] = .streaming(reporter, sink)
        }
        if keepsEntries { reports.append(Report(context: context, summary: summary, entries: entries)) }
        entries = []
        runEnded = true
        runsEnded += 1
    }

    /// Writes each streaming output's opening, once: when the first run begins, or when the document is finished
    /// without any run (every group empty), so that it is still a whole document.
    private func openDocument() {
        guard !documentOpened else { return }
        documentOpened = true
        for (index, destination) in destinations.enumerated() {
            if case .streaming(_, let sink) = destination, !openings[index].isEmpty { sink.write(openings[index]) }
        }
    }

    /// Closes every output's document: the formats rendered whole are rendered now, with every run.
    public func finishDocument() {
        openDocument()
        for index in destinations.indices {
            switch destinations[index] {
            case .streaming(var reporter, let sink):
                let closing = reporter.endDocument()
                if !closing.isEmpty { sink.write(closing) }
                destinations[index] = .streaming(reporter, sink)
            case .whole(let reporter, let sink):
                sink.write(reports.count == 1 ? reporter.render(reports[0]) : reporter.render(reports))
            }
        }
        reports = []
    }

    /// Ends an ordinary run and its document: `endRun` then `finishDocument`.
    public func finish(_ summary: RunSummary) {
        endRun(summary)
        finishDocument()
    }
}

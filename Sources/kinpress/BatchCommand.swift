import ArgumentParser
import CSV
import Foundation
import Kinpress

struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Render many cases at once, in parallel, with a progress bar and a report.",
        discussion: """
            Each case's files go to DIR/<reference>/<document>-<audience>.<format> (packs: \
            pack-<audience>; letters: <letter>-letters/<person>.<format>), each written whole or \
            not at all. A case with errors is reported and \
            the others carry on. Cases whose files are newer than the case file and the templates \
            are skipped unless --force. DIR/quality.csv gets one row per case with the numbers a \
            quality-assurance team charts. Ctrl-C finishes the cases in hand, leaves no partial \
            file and still writes the report. Exit status: 0 every case rendered (or up to date), \
            1 some failed, 2 the command is mistyped, 130 stopped by Ctrl-C.
            """
    )

    @Argument(help: ArgumentHelp("Case files, or folders to search for .json, .yaml and .yml files.", valueName: "input"))
    var inputs: [String]

    @Option(help: ArgumentHelp("Where the documents go.", valueName: "dir"))
    var outputDir: String

    @Option(help: ArgumentHelp("Documents, separated by commas, all, or none (with --pack: packs only): \(DocumentKind.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "list"))
    var documents = "all"

    @Flag(help: "Also make a meeting pack for each case (for the chair, or for each of --audiences but the child).")
    var pack = false

    @Option(help: ArgumentHelp("Letters, separated by commas: invitation, decision. Each case's meeting sends them to the people they go to (see kinpress letters).", valueName: "list"))
    var letters: String?

    @Option(help: ArgumentHelp("pdf, html or both, separated by commas.", valueName: "list"))
    var formats = "pdf"

    @Option(help: ArgumentHelp("family, professional, child, separated by commas (default: each document's own reader).", valueName: "list"))
    var audiences: String?

    @Option(help: "How many cases to render at once (default: one per core).")
    var jobs: Int?

    @Option(help: ArgumentHelp("Write the report as JSON here.", valueName: "file.json"))
    var report: String?

    @Flag(help: "Render cases even when their files are up to date.")
    var force = false

    @OptionGroup var look: LookOptions

    @OptionGroup var templates: TemplatesOption

    @OptionGroup var council: CouncilOption

    func validate() throws {
        _ = try parsedDocuments()
        _ = try parsedFormats()
        _ = try parsedAudiences()
        _ = try parsedLetters()
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be 1 or more") }
    }

    private func parsedDocuments() throws -> [DocumentKind] {
        if documents == "all" { return DocumentKind.allCases }
        if documents == "none" {
            guard pack || letters != nil else { throw ValidationError("--documents none makes nothing without --pack or --letters") }
            return []
        }
        return try list(documents).map { name in
            guard let kind = DocumentKind(rawValue: name) else {
                throw ValidationError("\"\(name)\" is not a document. Documents: \(DocumentKind.allCases.map(\.rawValue).joined(separator: ", ")), all, or none")
            }
            return kind
        }
    }

    private func parsedLetters() throws -> [LetterKind] {
        try letters.map { text in
            try list(text).map { name in
                guard let kind = LetterKind(rawValue: name) else { throw ValidationError("\"\(name)\" is not a letter: use invitation, decision or invitation,decision") }
                return kind
            }
        } ?? []
    }

    private func parsedFormats() throws -> [Format] {
        try list(formats).map { name in
            guard let format = Format(rawValue: name) else { throw ValidationError("\"\(name)\" is not a format: use pdf, html or pdf,html") }
            return format
        }
    }

    private func parsedAudiences() throws -> [Audience]? {
        try audiences.map { text in
            try list(text).map { name in
                guard let audience = Audience(rawValue: name) else { throw ValidationError("\"\(name)\" is not a reader: use family, professional or child") }
                return audience
            }
        }
    }

    private func list(_ text: String) throws -> [String] {
        let items = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !items.isEmpty else { throw ValidationError("an empty list: give at least one name") }
        return items
    }

    func run() throws {
        let cases = try reporting { try Batch.findCases(inputs) }
        let kinpress = try council.apply(to: templates.kinpress())
        let products = try parsedDocuments().map(Request.Product.document) + (pack ? [.pack(draft: false)] : [])
        var request = Request(products, audiences: try parsedAudiences(), formats: try parsedFormats(), look: look.look)
        request.letters = try parsedLetters()
        let plan = Batch.Plan(outputFolder: URL(fileURLWithPath: outputDir), request: request, force: force)
        let workers = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        let stop = StopRequest()
        let progress = Progress(total: cases.count, onTerminal: isatty(STDERR_FILENO) != 0)
        let started = Date()
        let reports = Batch(kinpress: kinpress, plan: plan).run(cases, jobs: workers, isCancelled: { stop.requested }) { report in
            progress.ended(report)
        }
        let seconds = Date().timeIntervalSince(started)
        progress.finish(reports, seconds: seconds)

        try reporting {
            if let report {
                try writeAtomically(try Batch.reportJSON(reports, seconds: seconds, jobs: workers), to: URL(fileURLWithPath: report))
            }
            try writeAtomically(try Self.qualityCSV(zip(cases, reports).compactMap { input, report in report.quality.map { (input.path, $0) } }),
                                to: plan.outputFolder.appendingPathComponent("quality.csv"))
        }
        if stop.requested { throw ExitCode(130) }
        if reports.contains(where: { $0.status == .failed }) { throw ExitCode(1) }
    }

    /// One row per case that could be read, in input order.
    static func qualityCSV(_ rows: [(input: String, row: QualityRow)]) throws -> [UInt8] {
        let scales = rows.map(\.row.scales.count).max() ?? 0
        let stream = OutputStream(toMemory: ())
        stream.open()
        let writer = try CSVWriter(stream: stream)
        try writer.write(row: QualityRow.header(scales: scales))
        for (input, row) in rows {
            // A text starting with = + - @ would run as a formula in a spreadsheet: quote it.
            let fields = row.fields(input: input, scales: scales).enumerated().map { index, field in
                [0, 1].contains(index) || (index >= 8 && (index - 8) % 3 == 0) ? Self.safeForSpreadsheets(field) : field
            }
            try writer.write(row: fields)
        }
        stream.close()
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return Array(data) + Array("\n".utf8)
    }

    static func safeForSpreadsheets(_ text: String) -> String {
        guard let first = text.first, "=+-@\t\r".contains(first) else { return text }
        return "'" + text
    }
}

/// Ctrl-C (and SIGTERM) ask the batch to stop after the cases in hand.
private final class StopRequest: @unchecked Sendable {
    private let lock = NSLock()
    private var stopped = false
    private var sources: [DispatchSourceSignal] = []

    init() {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { [weak self] in
                guard let self else { return }
                self.lock.lock()
                let first = !self.stopped
                self.stopped = true
                self.lock.unlock()
                if first { FileHandle.standardError.write("\nStopping after the cases in hand…\n") }
            }
            source.resume()
            sources.append(source)
        }
    }

    var requested: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }
}

/// A progress bar on a terminal (done of total, rate, time left, failures); plain lines when the
/// output goes to a file or another program.
private final class Progress: @unchecked Sendable {
    private let total: Int
    private let onTerminal: Bool
    private let started = Date()
    private var done = 0
    private var failed = 0

    init(total: Int, onTerminal: Bool) {
        self.total = total
        self.onTerminal = onTerminal
    }

    /// Called with the batch's lock held, so never twice at once.
    func ended(_ report: Batch.CaseReport) {
        done += 1
        if report.status == .failed { failed += 1 }
        var standardError = FileHandle.standardError
        if onTerminal {
            if report.status == .failed {
                print("\r\u{1B}[2K\(report.input): failed", to: &standardError)
                for error in report.errors.prefix(5) { print("  \(error)", to: &standardError) }
            }
            let elapsed = Date().timeIntervalSince(started)
            let rate = elapsed > 0 ? Double(done) / elapsed : 0
            let left = rate > 0 ? Double(total - done) / rate : 0
            let width = 30, filled = total > 0 ? width * done / total : width
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            standardError.write("\r\u{1B}[2K\(bar) \(done)/\(total)  \(String(format: "%.1f", rate)) cases/s  \(Self.clock(left)) left  \(failed) failed")
        } else {
            let detail: String
            switch report.status {
            case .rendered: detail = "rendered \(report.outputs.count) files"
            case .skipped: detail = "up to date, skipped"
            case .cancelled: detail = "not rendered: stopped"
            case .failed: detail = "failed: " + (report.errors.first ?? "")
            }
            print("[\(done)/\(total)] \(report.input): \(detail)", to: &standardError)
            if report.status == .failed {
                for error in report.errors.dropFirst().prefix(4) { print("  \(error)", to: &standardError) }
            }
        }
    }

    func finish(_ reports: [Batch.CaseReport], seconds: Double) {
        var standardError = FileHandle.standardError
        if onTerminal { print("", to: &standardError) }
        func count(_ status: Batch.Status) -> Int { reports.filter { $0.status == status }.count }
        let files = reports.filter { $0.status == .rendered }.map(\.outputs.count).reduce(0, +)
        print("\(reports.count) cases in \(String(format: "%.1f", seconds)) s: \(count(.rendered)) rendered (\(files) files), \(count(.skipped)) up to date, "
              + "\(count(.failed)) failed, \(count(.cancelled)) not rendered", to: &standardError)
        for report in reports where report.status == .failed {
            print("failed: \(report.input): \(report.errors.first ?? "")", to: &standardError)
        }
    }

    static func clock(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return String(format: "%d:%02d", whole / 60, whole % 60)
    }
}

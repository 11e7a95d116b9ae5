import ArgumentParser
import Foundation
import Kinpress
import Yams

/// The benchmark's own steps; `scripts/bench` runs them with the batch and whole-process
/// timings and prints every figure beside the anchor engines'.
struct Benchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "benchmark",
        abstract: "Measure how fast Kinpress makes meeting packs (scripts/bench runs the whole benchmark).",
        discussion: "Build in release mode first (swift build -c release).",
        subcommands: [Packs.self, Cases.self]
    )

    /// Many distinct packs in one process: the time a chair's pack takes once Kinpress is loaded.
    struct Packs: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "packs",
            abstract: "Make distinct meeting packs of one case in one process and print the time each took.",
            discussion: "Each pack is a different copy of the case (its sentences' words rotated), so no cache can serve a repeat. Prints one line of figures: median and fastest ms per pack, packs per second, CPU ms per pack, pages, and the process's peak resident size in MB."
        )

        @OptionGroup var copies: Copies

        @Option(help: "How many distinct packs to make.")
        var count = 50

        @Option(help: "Whose pack: professional (the chair's) or family.")
        var audience: Audience = .professional

        @Option(help: ArgumentHelp("Make this one document of each copy (as kinpress render does) instead of its pack.", valueName: "document"))
        var document: DocumentKind?

        @Option(help: ArgumentHelp("Where each pack is written (overwritten each time).", valueName: "file.pdf"))
        var output = FileManager.default.temporaryDirectory.appendingPathComponent("kinpress-benchmark-pack.pdf").path

        func validate() throws {
            guard count >= 1 else { throw ValidationError("--count must be 1 or more") }
            guard audience != .child || document != nil else { throw ValidationError("a meeting pack is for the chair (professional) or the family") }
        }

        func run() throws {
            let source = try copies.source()
            let kinpress = try loadKinpress(templates: nil)
            let clock = ContinuousClock()
            let destination = URL(fileURLWithPath: output)
            let item = Request.Item(document.map(Request.Product.document) ?? .pack(draft: false), for: audience, as: .pdf)
            var times: [Double] = []
            var cpu = 0.0
            var pages = 0
            for number in 0..<count {
                // Each copy is read just before it is made and let go after, so the peak
                // resident size is what making one pack after another holds, not the copies.
                let bytes = Array(try Yams.serialize(node: source.variant(number)).utf8)
                let reading = Kinpress.read(bytes: bytes, displayName: "\(copies.file) copy \(number)", folder: source.folder)
                guard reading.isValid else {
                    throw ValidationError("copy \(number) of \(copies.file) has errors: run kinpress validate \(copies.file)")
                }
                let cpuBefore = Self.cpuSeconds()
                let elapsed = try clock.measure {
                    let made = try making { try kinpress.make(item, of: Request(item), from: reading) }
                    try writeAtomically(made.bytes, to: destination)
                    pages = made.pages ?? 0
                }
                cpu += Self.cpuSeconds() - cpuBefore
                times.append(elapsed.seconds)
            }
            let total = times.reduce(0, +)
            times.sort()
            print(String(format: "RESULT engine=kinpress n=%d median_ms=%.2f min_ms=%.2f total_s=%.3f packs_per_s=%.2f cpu_ms_per_pack=%.1f pages=%d peak_rss_mb=%.1f",
                         count, times[times.count / 2] * 1000, times[0] * 1000, total, Double(count) / total, cpu / Double(count) * 1000, pages,
                         Self.peakResidentMegabytes()))
        }

        /// The process's peak resident size so far (VmHWM), in MB.
        static func peakResidentMegabytes() -> Double {
            let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
            let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
            let kilobytes = line?.split(separator: " ").dropFirst().first.flatMap { Double($0) } ?? 0
            return kilobytes / 1024
        }

        /// User and system CPU time of the whole process (every thread) so far.
        static func cpuSeconds() -> Double {
            var usage = rusage()
            getrusage(RUSAGE_SELF.rawValue, &usage)
            return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        }
    }

    /// Distinct case files on disk, for timing the batch command.
    struct Cases: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cases",
            abstract: "Write distinct copies of one case file (its sentences' words rotated), with its pictures, for timing the batch."
        )

        @OptionGroup var copies: Copies

        @Option(help: "How many copies.")
        var count = 1000

        @Option(name: .customLong("output-dir"), help: ArgumentHelp("Where the copies go.", valueName: "dir"))
        var outputDir: String

        func validate() throws {
            guard count >= 1 else { throw ValidationError("--count must be 1 or more") }
        }

        func run() throws {
            let source = try copies.source()
            let folder = URL(fileURLWithPath: outputDir)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for number in 0..<count {
                var copy = source.variant(number)
                // Every copy is its own case, so the batch gives each its own folder.
                if case .mapping(var sections) = copy, case .mapping(var header)? = sections["case"], let reference = header["reference"]?.string {
                    header["reference"] = Node("\(reference)-\(number)")
                    sections["case"] = .mapping(header)
                    copy = .mapping(sections)
                }
                try source.write(copy, as: String(format: "case-%05d.yaml", number), in: folder)
            }
        }
    }

    /// The case file both steps copy, and how much longer to make it.
    struct Copies: ParsableArguments {
        @Argument(help: ArgumentHelp("The case file to copy.", valueName: "case"))
        var file: String

        @Option(help: "Repeat each list of events, statements, rules and steps this many times (for a pack of hundreds of pages).")
        var scale = 1

        func validate() throws {
            guard scale >= 1 else { throw ValidationError("--scale must be 1 or more") }
        }

        func source() throws -> BenchmarkCases {
            let source = try BenchmarkCases(file: URL(fileURLWithPath: file))
            return scale > 1 ? BenchmarkCases(root: source.scaled(scale), folder: source.folder) : source
        }
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

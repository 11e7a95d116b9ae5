import Foundation
import Testing
@testable import KinpressCase

/// The benchmark as CI runs it: a smoke run with tiny numbers, so it is known to work and to
/// print every figure. No time is asserted; `scripts/bench` measures.
@Suite("The benchmark", .serialized)
struct BenchmarkTests {
    static let anchorCase = "bench/anchor-case/anchor.yaml"

    @Test("the anchor case is a valid case file")
    func anchorCaseIsValid() throws {
        let run = try CommandLineTests.kinpress("validate", Self.anchorCase)
        #expect(run.status == 0, "\(run.output)\(run.errors)")
    }

    @Test("benchmark cases writes distinct, valid copies, each with its own reference, and longer ones when scaled")
    func cases() throws {
        let scratch = ScratchFolder()
        let folder = scratch.url.appendingPathComponent("cases")
        let made = try CommandLineTests.kinpress("benchmark", "cases", Self.anchorCase, "--count", "3", "--scale", "2", "--output-dir", folder.path)
        #expect(made.status == 0, "\(made.errors)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files == ["case-00000.yaml", "case-00001.yaml", "case-00002.yaml"])
        let texts = try files.map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
        #expect(Set(texts).count == 3, "every copy differs")
        #expect(texts[0].contains("NB-CP-BENCH-0001-0") && texts[1].contains("NB-CP-BENCH-0001-1"))
        for file in files {
            let run = try CommandLineTests.kinpress("validate", folder.appendingPathComponent(file).path)
            #expect(run.status == 0, "\(file): \(run.output)")
        }
        let original = try CaseReader.read(contentsOf: Repository.root.appendingPathComponent(Self.anchorCase)).case
        let scaled = try CaseReader.read(contentsOf: folder.appendingPathComponent(files[0])).case
        #expect(scaled?.file.timeline?.events.count == 2 * (original?.file.timeline?.events.count ?? 0))
        #expect(scaled?.file.safetyPlan?.rules.count == 2 * (original?.file.safetyPlan?.rules.count ?? 0))
    }

    @Test("benchmark packs prints its figures for distinct packs")
    func packs() throws {
        let scratch = ScratchFolder()
        try FileManager.default.createDirectory(at: scratch.url, withIntermediateDirectories: true)
        let output = scratch.url.appendingPathComponent("pack.pdf")
        let run = try CommandLineTests.kinpress("benchmark", "packs", Self.anchorCase, "--count", "2", "--output", output.path)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.hasPrefix("RESULT engine=kinpress n=2 median_ms="))
        for figure in ["min_ms=", "packs_per_s=", "cpu_ms_per_pack=", "pages="] { #expect(run.output.contains(figure)) }
        #expect(FileManager.default.fileExists(atPath: output.path))
    }

    /// Each run is its own process, so no other test's memory is counted. Every pack (or
    /// document) is a distinct copy, and growth of a megabyte or more each would show as tens
    /// of megabytes between the runs; a flat process differs by well under a megabyte.
    @Test("memory is flat: the peak after many distinct packs, or long documents, is within a few MB of the peak after a few",
          arguments: [(["--count"], 10, 60), (["--document", "assessment", "--count"], 20, 120)])
    func flatMemory(_ arguments: [String], few: Int, many: Int) throws {
        let scratch = ScratchFolder()
        try FileManager.default.createDirectory(at: scratch.url, withIntermediateDirectories: true)
        func peak(_ count: Int) throws -> Double {
            let run = try CommandLineTests.kinpress(["benchmark", "packs", Self.anchorCase, "--output", scratch.url.appendingPathComponent("made.pdf").path]
                                                    + arguments + [String(count)])
            #expect(run.status == 0, "\(run.errors)")
            let figure = run.output.firstMatch(of: /peak_rss_mb=([\d.]+)/).flatMap { Double($0.1) }
            return try #require(figure, "no peak_rss_mb in: \(run.output)")
        }
        let (first, second) = (try peak(few), try peak(many))
        #expect(second - first <= 6, "peak resident size \(first) MB after \(few), \(second) MB after \(many)")
    }

    @Test("the whole benchmark runs with tiny numbers and prints every figure")
    func smokeRun() throws {
        let scratch = ScratchFolder()
        try FileManager.default.createDirectory(at: scratch.url, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "bench/run.py"]
        process.currentDirectoryURL = Repository.root
        process.environment = ProcessInfo.processInfo.environment.merging([
            "KINPRESS": CommandLineTests.program.path, "RUNS": "1", "N": "2", "REPS": "1", "BATCH": "3", "SCALE": "2",
            "ANCHORS": "none", "WORK": scratch.url.path, "LETTER_COUNT": "15", "SERVE_RENDERS": "20",
        ]) { $1 }
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let err = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(err)")
        for figure in ["one chair's pack, in-process wall", "the same, CPU", "the same, whole process", "batch, --jobs 2", "peak memory, one pack",
                       "memory of one `kinpress serve` over 20 renders", "15 invitation letters, one process", "the service, one safety plan (",
                       "letters: 15 made", "batch --jobs 1:", "batch of 3 / of 1: --jobs 1", "loop of 3 / of 1 packs", "long pack:", "ms per page"] {
            #expect(out.contains(figure), "missing: \(figure)\n\(out)")
        }
        // Three cases' packs were written by each batch.
        let packs = try FileManager.default.subpathsOfDirectory(atPath: scratch.url.appendingPathComponent("out-2").path).filter { $0.hasSuffix(".pdf") }
        #expect(packs.count == 3)
    }
}

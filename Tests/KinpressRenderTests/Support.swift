import Foundation
import Kinpress
import KinpressCase

enum Repository {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func sampleFiles() -> [URL] {
        let samples = root.appendingPathComponent("SampleCases")
        let folders = (try? FileManager.default.contentsOfDirectory(at: samples, includingPropertiesForKeys: nil)) ?? []
        return folders.flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
                .filter { ["yaml", "yml", "json"].contains($0.pathExtension) }
        }.sorted { $0.path < $1.path }
    }

    /// The documents worth a reviewed picture for a case: a child's own documents (Three Houses,
    /// Safety House) only where a child made one; elsewhere they only say there is nothing to
    /// show, which other tests check.
    /// The papers after a meeting (its record, the review update, the network's pack) only
    /// where the meeting has decided: those samples show them whole.
    static func pictured(_ kinds: [DocumentKind], for found: Case) -> [DocumentKind] {
        let made = found.file.children.contains { !$0.threeHouses.isEmpty || !$0.safetyHouse.isEmpty }
        return afterDecision(kinds, for: found).filter { made || ![.threeHouses, .safetyHouse].contains($0) }
    }

    /// `kinds`, less the papers after a meeting where the case's meeting has not decided.
    static func afterDecision(_ kinds: [DocumentKind], for found: Case) -> [DocumentKind] {
        found.file.meeting?.outcome != nil ? kinds : kinds.filter { ![.meetingRecord, .reviewUpdate, .networkPack].contains($0) }
    }

    /// The sample PDFs the outside checkers read: every document and reader, the papers after
    /// a meeting where it has decided.
    static func checked(for found: Case) -> [(DocumentKind, Audience)] {
        let kinds = afterDecision(DocumentKind.allCases, for: found)
        return HTMLTests.combinations(for: found).filter { kinds.contains($0.0) }
    }

    /// Who reads a document, for the tests that go through each reader: a meeting's record and
    /// the review update the family and professionals, the network's pack the network; the
    /// rest a child, the family and professionals.
    static func readers(of kind: DocumentKind) -> [Audience] {
        switch kind {
        case .meetingRecord, .reviewUpdate: return [.family, .professional]
        case .networkPack: return [.network]
        default: return [.family, .professional, .child]
        }
    }

    /// The letters a sample's meeting sends that the outside checkers read: an invitation to the
    /// first family member and to the first professional it goes to, and, once the meeting has
    /// decided, the decision letter to the first parent; each with its file's name,
    /// `invitation-letter-PERSON`.
    static func sampleLetters(of found: Case, as format: Format) throws -> [(name: String, item: Request.Item)] {
        guard let meeting = found.file.meeting else { return [] }
        let invitations = try kinpress.letterItems(.invitation, of: found, format: format)
        var items = [Audience.family, .professional].compactMap { audience in invitations.first { $0.audience == audience } }
        if meeting.outcome != nil { items += try kinpress.letterItems(.decision, of: found, format: format).prefix(1) }
        return items.map { item in
            guard case .letter(_, let recipient) = item.product else { return (item.product.name, item) }
            return ("\(item.product.name)-\(recipient)", item)
        }
    }
}

extension DocumentKind {
    /// The documents a case can give: a meeting's record only where the case has a meeting.
    static func all(for found: Case) -> [DocumentKind] {
        allCases.filter { !$0.needsMeeting || found.file.meeting != nil }
    }
}

/// One pipeline for all tests: templates and fonts are loaded once.
let kinpress: Kinpress = {
    do {
        return try Kinpress(resources: Repository.root)
    } catch {
        fatalError("the templates or fonts in the repository do not load: \(error)")
    }
}()

/// The start of a small valid case (one child, the worker) that a test adds its own sections to.
func caseStart(child: String = "{id: ava, name: Ava, dateOfBirth: 2019-05-01}") -> String {
    """
    format: 1
    case: {reference: "T-1", localAuthority: Example Council, date: 2026-03-02, worker: sw}
    children: [\(child)]
    people: [{id: sw, name: Sam Okafor, relationship: Social worker, kind: professional, organisation: Example Council}]

    """
}

func readCase(_ text: String, folder: URL? = nil) throws -> Case {
    let reading = CaseReader.read(bytes: Array(text.utf8), displayName: "test.yaml", folder: folder)
    guard let found = reading.case else { throw Failed(message: reading.diagnostics.map(\.description).joined(separator: "\n")) }
    return found
}

func readSample(_ url: URL) throws -> Case {
    guard let found = CaseReader.read(contentsOf: url).case else { throw Failed(message: "\(url.lastPathComponent) does not read") }
    return found
}

struct Failed: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// A PDF written to a temporary file, and the tools that look inside it (poppler and qpdf).
struct PDFFile: ~Copyable {
    let url: URL

    init(_ bytes: [UInt8]) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("kinpress-\(UUID().uuidString).pdf")
        try Data(bytes).write(to: url)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// The text a reader (or a screen reader) gets, in reading order.
    func text(raw: Bool = false) throws -> String {
        try run("pdftotext", (raw ? ["-raw"] : []) + ["-enc", "UTF-8", url.path, "-"])
    }

    func text(page: Int) throws -> String {
        try run("pdftotext", ["-f", String(page), "-l", String(page), "-enc", "UTF-8", url.path, "-"])
    }

    func info() throws -> String { try run("pdfinfo", [url.path]) }
    func structure() throws -> String { try run("pdfinfo", ["-struct", url.path]) }
    func fonts() throws -> String { try run("pdffonts", [url.path]) }

    /// Every object, streams decompressed, as qpdf's QDF form: where metadata, bookmarks and
    /// alternative texts can be searched.
    func objects() throws -> String {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("kinpress-\(UUID().uuidString).qdf")
        defer { try? FileManager.default.removeItem(at: out) }
        _ = try run("qpdf", ["--qdf", "--object-streams=disable", url.path, out.path])
        return String(decoding: try Data(contentsOf: out), as: UTF8.self)
    }

    func pageCount() throws -> Int {
        let line = try info().split(separator: "\n").first { $0.hasPrefix("Pages:") } ?? ""
        return Int(line.split(separator: " ").last ?? "") ?? 0
    }
}

@discardableResult
func run(_ tool: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [tool] + arguments
    let output = Pipe(), errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    _ = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 || (tool == "qpdf" && process.terminationStatus == 3) else {
        throw Failed(message: "\(tool) \(arguments.joined(separator: " ")) failed with status \(process.terminationStatus)")
    }
    return String(decoding: data, as: UTF8.self)
}

/// Runs `python3 ARGUMENTS` and gives its exit status and what it printed (both streams).
func runPython(_ arguments: [String]) throws -> (status: Int32, printed: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, printed)
}

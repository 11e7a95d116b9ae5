import Foundation
import Testing
import Kinpress
import KinpressAudience
import KinpressCompose

/// Every sample × document × reader (a child's own documents where a child made one), its packs (the family's marked DRAFT) and
/// letters (`Repository.sampleLetters`), and the hostile case, opened in a real Chromium by
/// `Tests/tools/browser_check.py`: axe-core finds no violations at phone and desktop width, no
/// page scrolls sideways, nothing is fetched, and screenshots match the reviewed references in
/// `Tests/References/html` (RECORD_REFERENCES=1 writes them; look at every one you change).
@Suite("HTML in a real browser")
struct BrowserTests {
    @Test("axe finds nothing, no sideways scrolling, no requests, screenshots as reviewed")
    func browser() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kinpress-browser-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var cases = try Repository.sampleFiles().map { ($0.deletingLastPathComponent().lastPathComponent, try readSample($0)) }
        cases.append(("hostile", try HTMLTests.hostileCase().0))
        var pictured = 0
        for (name, found) in cases {
            let kinds = Repository.pictured(DocumentKind.allCases, for: found)
            for (kind, audience) in HTMLTests.combinations(for: found) where kinds.contains(kind) {
                pictured += 1
                let file = folder.appendingPathComponent("\(name)/\(kind.rawValue)-\(audience.rawValue).html")
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(try kinpress.html(kind, of: found, options: .init(audience: audience))).write(to: file)
            }
            for audience in [Audience.family, .professional] {
                let pack = try kinpress.pack(of: found, options: .init(audience: audience), format: .html, draft: audience == .family)
                try Data(pack.bytes).write(to: folder.appendingPathComponent("\(name)/pack-\(audience.rawValue).html"))
            }
            if name != "hostile" {
                let reading = Kinpress.read(Repository.sampleFiles().first { $0.deletingLastPathComponent().lastPathComponent == name }!.path)
                for (file, item) in try Repository.sampleLetters(of: found, as: .html) {
                    pictured += 1
                    try Data(try kinpress.make(item, of: Request(item), from: reading).bytes).write(to: folder.appendingPathComponent("\(name)/\(file).html"))
                }
            }
        }
        let references = Repository.root.appendingPathComponent("Tests/References/html")
        let report = folder.appendingPathComponent("report.json")
        var arguments = [Repository.root.appendingPathComponent("Tests/tools/browser_check.py").path, folder.path,
                         "--references", references.path, "--report", report.path]
        if ProcessInfo.processInfo.environment["RECORD_REFERENCES"] == "1" { arguments.append("--record") }

        let (status, printed) = try runPython(arguments)
        print(printed.split(separator: "\n").last ?? "")
        #expect(status == 0, "\(printed.split(separator: "\n").prefix(40).joined(separator: "\n"))")

        // The report really covers every page, at both widths, with axe run on each.
        let results = try JSONSerialization.jsonObject(with: Data(contentsOf: report)) as? [String: Any]
        let pages = results?["pages"] as? [[String: Any]] ?? []
        #expect(pages.count == pictured + cases.count * 2)
        #expect(pages.allSatisfy { ($0["violations"] as? [String: Any])?.count == 2 })
        #expect(results?["axeViolations"] as? Int == 0)
    }
}

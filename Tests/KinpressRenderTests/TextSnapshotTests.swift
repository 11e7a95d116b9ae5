import Foundation
import Testing

/// Every sample × document × reader and both packs (`SamplePDFs`) compared with recorded
/// snapshots in `Tests/References/text/CASE/` by `Tests/tools/text_snapshots.py`: the words
/// page by page (`pdftotext -layout`), so any changed word fails, and the tag tree (structure
/// types, nesting, /Lang, /Alt, /Scope). Run with RECORD_SNAPSHOTS=1 to record them afresh, then
/// read the changes (`git diff Tests/References/text`) before committing them.
@Suite("Words and tags as recorded")
struct TextSnapshotTests {
    @Test("every sample PDF's words and tags match their snapshots")
    func snapshots() throws {
        let files = try SamplePDFs.files.get()
        #expect(!files.isEmpty)
        let mode = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" ? "record" : "check"
        let (status, printed) = try SamplePDFs.python([Repository.root.appendingPathComponent("Tests/tools/text_snapshots.py").path, mode,
                                                      SamplePDFs.folder.path, Repository.root.appendingPathComponent("Tests/References/text").path])
        let lines = printed.split(separator: "\n")
        #expect(status == 0, "\((lines.prefix(400) + (lines.count > 400 ? ["…", lines.last!] : [])).joined(separator: "\n"))")
    }
}

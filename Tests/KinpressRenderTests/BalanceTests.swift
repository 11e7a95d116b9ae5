import Foundation
import Testing

/// A document, or a part of a pack, that runs over a page must not leave a line or two alone on
/// its last page: the last section moves over whole, or enough comes with the overflow.
@Suite("Short overflows are balanced")
struct BalanceTests {
    @Test("no sample document or pack ends with a page holding only one or two lines")
    func lastPages() throws {
        let files = try SamplePDFs.files.get()
        var checked = 0
        for file in files {
            let pdf = try PDFFile(Array(try Data(contentsOf: file)))
            let count = try pdf.pageCount()
            guard count > 1 else { continue }
            // The running title and the page number are the page's first and last lines.
            let lines = try pdf.text(page: count).split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }
            #expect(lines.count - 2 > 2, "\(file.deletingLastPathComponent().lastPathComponent)/\(file.lastPathComponent): its last page holds only \(lines.dropFirst().dropLast())")
            checked += 1
        }
        #expect(checked > 100)
    }
}

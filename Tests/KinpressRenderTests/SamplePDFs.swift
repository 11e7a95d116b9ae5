import Foundation
import Kinpress
import KinpressAudience
import KinpressCompose

/// Every sample × document × reader, both packs and some letters as PDF files, as `kinpress
/// render`, `kinpress pack` and `kinpress letters` write them, rendered once for the tests that
/// check them with outside tools: `CASE/DOCUMENT-READER.pdf`, `CASE/pack-READER.pdf` and
/// `CASE/invitation-letter-PERSON.pdf` in `folder`, which is removed when the tests end.
enum SamplePDFs {
    static let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kinpress-sample-pdfs-\(UUID().uuidString)")

    /// The files' paths, or why they could not be made.
    static let files: Result<[URL], Failed> = {
        atexit { try? FileManager.default.removeItem(at: SamplePDFs.folder) }
        do {
            var files: [URL] = []
            func write(_ bytes: [UInt8], _ name: String, _ file: String) throws {
                let url = folder.appendingPathComponent("\(name)/\(file).pdf")
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(bytes).write(to: url)
                files.append(url)
            }
            for sample in Repository.sampleFiles() {
                let name = sample.deletingLastPathComponent().lastPathComponent
                let found = try readSample(sample)
                for (kind, audience) in Repository.checked(for: found) {
                    try write(try kinpress.pdf(kind, of: found, options: .init(audience: audience)), name, "\(kind.rawValue)-\(audience.rawValue)")
                }
                for audience in [Audience.family, .professional] {
                    try write(try kinpress.pack(of: found, options: .init(audience: audience), format: .pdf, draft: false).bytes,
                              name, "pack-\(audience.rawValue)")
                }
                let reading = Kinpress.read(sample.path)
                for (file, item) in try Repository.sampleLetters(of: found, as: .pdf) {
                    try write(try kinpress.make(item, of: Request(item), from: reading).bytes, name, file)
                }
            }
            return .success(files)
        } catch {
            return .failure(Failed(message: "the sample PDFs could not be made: \(error)"))
        }
    }()

    /// Runs a Python tool on these files: what it prints names them by case and file only.
    static func python(_ arguments: [String]) throws -> (status: Int32, printed: String) {
        let (status, printed) = try runPython(arguments)
        return (status, printed.replacingOccurrences(of: folder.path + "/", with: ""))
    }
}

import Foundation

/// Writes to a temporary file beside the target, then renames it into place, so a reader never
/// sees half a file and a failure (or a stop) leaves nothing behind.
public func writeAtomically(_ bytes: [UInt8], to url: URL) throws {
    let folder = url.deletingLastPathComponent()
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).partial")
    do {
        try Data(bytes).write(to: temporary)
        if rename(temporary.path, url.path) != 0 { throw CocoaError(.fileWriteUnknown) }
    } catch {
        try? FileManager.default.removeItem(at: temporary)
        throw error
    }
}

/// Whether a file name is one of `writeAtomically`'s temporary files, left behind only when a
/// process was killed mid-write.
func isPartialFile(_ name: String) -> Bool {
    name.hasPrefix(".") && name.hasSuffix(".partial")
}

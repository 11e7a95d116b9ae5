import Foundation
import KinpressCase
import KinpressLayout

extension Kinpress {
    /// Reads a council profile (`--council DIR`) and opens its logo as a case's pictures are
    /// opened, so a damaged or enormous logo is found by `validate`, not by the first render.
    public static func readCouncil(folder: URL, displayName: String) -> CouncilReading {
        var reading = CouncilProfile.read(folder: folder, displayName: displayName)
        guard reading.isValid, let logo = reading.logoFile else { return reading }
        do {
            _ = try PictureLoader.load(logo, field: "logo")
        } catch {
            let field = FieldPath.root.appending("logo")
            reading.diagnostics.append(Diagnostic(severity: .error, code: .pictureFile, file: displayName, location: reading.locations[field], path: field, message: error.message))
            reading.profile = nil
        }
        return reading
    }

    /// The profile a case is printed with: the one the front end was given (`--council`), else
    /// the one among the templates' `councils/*/` that serves the case's `localAuthority`, else
    /// none. A given profile or a template's profile with errors stops the output: a council's
    /// papers never go out quietly without its numbers.
    public func council(for localAuthority: String) throws(RenderFailure) -> CouncilProfile? {
        if let council {
            guard let profile = council.profile else { throw .council(council.errors) }
            return profile
        }
        return try templateCouncils.serving(localAuthority)
    }
}

/// The council profiles in the templates' `councils/*/`, read (with their logos opened) when a
/// case first needs one, then kept for the process.
final class TemplateCouncils: @unchecked Sendable {
    private let folder: URL
    private let lock = NSLock()
    private var readings: [CouncilReading]?

    init(folder: URL) {
        self.folder = folder
    }

    /// The first profile, by folder name, that serves `localAuthority`.
    func serving(_ localAuthority: String) throws(RenderFailure) -> CouncilProfile? {
        lock.lock()
        defer { lock.unlock() }
        if readings == nil {
            let folders = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: [.isDirectoryKey])) ?? []
            readings = folders.filter { (try? $0.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true }
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
                .map { Kinpress.readCouncil(folder: $0, displayName: "\(folder.lastPathComponent)/\($0.lastPathComponent)/council.yaml") }
        }
        if let broken = readings?.first(where: { !$0.isValid }) { throw .council(broken.errors) }
        return readings?.lazy.compactMap(\.profile).first { $0.serves(localAuthority) }
    }
}

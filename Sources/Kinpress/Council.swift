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

    /// The profile a case is printed with: the one given, else the one among the templates'
    /// `councils/*/` that serves the case's `localAuthority`, else none.
    public func council(for localAuthority: String, given: CouncilReading? = nil) -> CouncilReading? {
        given ?? CouncilProfile.matching(localAuthority, in: templates.folder.appendingPathComponent("councils"))
    }
}

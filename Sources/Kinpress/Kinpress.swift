import Foundation
import KinpressAudience
import KinpressCase
import KinpressCompose

/// The whole pipeline behind one call: case file → audience → compose → layout → render.
/// The command-line program and, later, a service call this; neither knows the stages.
public struct Kinpress: Sendable {
    public let templates: TemplateSet

    /// Loads and checks the templates once; reuse one `Kinpress` for many cases.
    public init(templatesFolder: URL) throws(TemplateError) {
        templates = try TemplateSet(folder: templatesFolder)
    }

    /// The document model of one document for one reader.
    public func document(_ kind: DocumentKind, of source: Case, for audience: Audience) throws(TemplateError) -> Document {
        try Composer(templates: templates).compose(kind, for: audience.project(source))
    }

    /// The markup a template writes for one case, before it is parsed: for template authors.
    public func markup(_ kind: DocumentKind, of source: Case, for audience: Audience) throws(TemplateError) -> String {
        try Composer(templates: templates).markup(kind, for: audience.project(source))
    }

    /// Where the `Templates/` folder is: given explicitly, or beside the program (an installed
    /// `share/kinpress/Templates`, or the source tree the program was built in), or in the
    /// current folder.
    public static func templatesFolder(explicit: String? = nil) -> URL? {
        if let explicit { return URL(fileURLWithPath: explicit) }
        let program = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        let candidates = [
            program.appendingPathComponent("../share/kinpress/Templates"),
            program.appendingPathComponent("../../../Templates"),
            program.appendingPathComponent("../../Templates"),
            URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Templates"),
        ]
        return candidates.map(\.standardizedFileURL).first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("strings/en.yaml").path) }
    }
}

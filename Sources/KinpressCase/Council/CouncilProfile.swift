import Foundation

/// A council's name, logo, colour and numbers: what every family and child document carries
/// besides the case. Read from a folder holding `council.yaml` and the logo it names.
public struct CouncilProfile: Sendable, Equatable, Decodable {
    /// A way to reach someone: at least a phone, an email or a web address.
    public struct Contact: Sendable, Equatable, Decodable {
        public var name: String?
        public var phone: String?
        public var email: String?
        public var web: String?
        public var hours: String?
    }

    /// Which days are not working days, for working-day timescales.
    public enum BankHolidays: Sendable, Equatable, Decodable {
        case region(String)
        case dates([String])

        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let region = try? container.decode(String.self) {
                self = .region(region)
            } else {
                self = .dates(try container.decode([String].self))
            }
        }
    }

    public var name: String
    public var matches: [String]
    /// The logo's path in the profile's folder.
    public var logo: String?
    public var logoDescription: String?
    /// `#RRGGBB`, already checked to be dark enough on white.
    public var accent: String?
    public var contact: Contact?
    public var outOfHours: Contact?
    public var complaints: Contact?
    public var otherFormats: String?
    public var advocacy: Contact?
    public var returnAddress: String?
    public var bankHolidays: BankHolidays?
    /// The logo's file: `logo` in the profile's folder, set when the profile is read.
    public internal(set) var logoFile: URL?

    enum CodingKeys: String, CodingKey {
        case name, matches, logo, logoDescription, accent, contact, outOfHours, complaints, otherFormats, advocacy, returnAddress, bankHolidays
    }

    /// Whether this council serves a case whose `case.localAuthority` is `name` (letter case and
    /// spaces at either end aside).
    public func serves(_ localAuthority: String) -> Bool {
        let wanted = Self.comparable(localAuthority)
        return matches.contains { Self.comparable($0) == wanted }
    }

    private static func comparable(_ name: String) -> String {
        name.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }
}

/// A council profile as read: the profile, or every problem with its line and field.
public struct CouncilReading: Sendable {
    public let fileName: String
    public let folder: URL
    public var diagnostics: [Diagnostic]
    /// Nil when any diagnostic is an error.
    public var profile: CouncilProfile?
    /// Where each value was written, by field path.
    public internal(set) var locations: [FieldPath: SourceLocation] = [:]

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
    public var isValid: Bool { errors.isEmpty }

    /// The logo's file, when the profile names one.
    public var logoFile: URL? { profile?.logoFile }
}

extension CouncilProfile {
    /// Reads `council.yaml` in `folder`; `displayName` is how problems name the file.
    public static func read(folder: URL, displayName: String? = nil) -> CouncilReading {
        let file = folder.appendingPathComponent("council.yaml")
        let name = displayName ?? file.path
        func failure(_ message: String, _ path: FieldPath = .root, _ location: SourceLocation? = nil) -> Diagnostic {
            Diagnostic(severity: .error, code: .unreadable, file: name, location: location, path: path, message: message)
        }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            let reason = FileManager.default.fileExists(atPath: folder.path) ? "it has no council.yaml, or it cannot be read" : "there is no such folder"
            return CouncilReading(fileName: name, folder: folder, diagnostics: [failure("cannot read the council profile: \(reason). A profile is a folder holding council.yaml and its logo")])
        }
        let tree: SourceNode
        do {
            tree = try SourceFile(displayName: name, bytes: Array(data)).read()
        } catch {
            return CouncilReading(fileName: name, folder: folder, diagnostics: [failure(error.message, error.path, error.location)])
        }
        var checker = FormatChecker(fileName: name, pictures: .folder(folder))
        let checked = checker.check(file: tree, root: CouncilFormat.profile)
        var diagnostics = checker.problems
        if let logo = checked?.value(at: FieldPath.root.appending("logo")), case .string(let path) = logo {
            if path.hasPrefix("pictogram:") || PictureKind(fileName: path) == .jpeg {
                diagnostics.append(Diagnostic(severity: .error, code: .invalidValue, file: name, location: checker.locations[FieldPath.root.appending("logo")],
                                              path: FieldPath.root.appending("logo"), message: "a council's logo is a PNG or SVG file in the profile's folder, not \(path)"))
            }
        }
        diagnostics.sort(by: Diagnostic.readingOrder)
        var profile: CouncilProfile?
        if diagnostics.allSatisfy({ $0.severity != .error }), let checked {
            profile = try? JSONValueDecoder.decode(CouncilProfile.self, from: checked)
            if let logo = profile?.logo { profile?.logoFile = folder.appendingPathComponent(logo).standardizedFileURL }
            if profile == nil {
                diagnostics.append(failure("Kinpress accepted the profile but could not read it. This is a fault in Kinpress, not in the file: please report it"))
            }
        }
        return CouncilReading(fileName: name, folder: folder, diagnostics: diagnostics, profile: profile, locations: checker.locations)
    }
}

import Foundation

/// One family's case at one date, exactly as the case file says it, with defaults filled in.
/// Field names are the format's (`spec/case-format.md`); encoding one gives a valid case file.
public struct CaseFile: Codable, Equatable, Sendable {
    public var format: Int
    public var `case`: CaseInfo
    public var children: [Child]
    public var people: [Person]
    public var assessment: Assessment?
    public var safetyPlan: SafetyPlan?
    public var timeline: Timeline?
    public var wordsAndPictures: [Story]
    public var meeting: Meeting?
}

extension CaseFile {
    /// The model of a checked file (defaults filled in, one language chosen).
    init(checked: JSONValue) throws {
        self = try JSONValueDecoder.decode(CaseFile.self, from: checked)
    }
}

/// Who may see an item: everyone, adults only (not in child documents), or professionals only.
public enum Visibility: String, Codable, Sendable, CaseIterable {
    case all, adults, professionals
}

public enum Service: String, Codable, Sendable {
    case earlyHelp = "early-help"
    case childInNeed = "child-in-need"
    case childProtection = "child-protection"
    case childInCare = "child-in-care"
}

public struct CaseInfo: Codable, Equatable, Sendable {
    public var reference: String
    public var localAuthority: String
    public var date: CaseDate
    public var service: Service
    public var language: String
    public var alsoInEnglish: Bool
    public var protectiveMarking: String
    public var worker: String
    public var manager: String?
}

/// A picture file beside the case file, or one of Kinpress's own pictograms.
public enum Picture: Codable, Equatable, Sendable {
    /// A path relative to the case file's folder.
    case file(String)
    case pictogram(String)

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        self = text.hasPrefix("pictogram:") ? .pictogram(String(text.dropFirst("pictogram:".count))) : .file(text)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .file(let path): try container.encode(path)
        case .pictogram(let name): try container.encode("pictogram:" + name)
        }
    }
}

public struct Child: Codable, Equatable, Sendable {
    public enum Pronouns: String, Codable, Sendable { case he, she, they }

    public var id: String
    public var name: String
    public var fullName: String?
    public var dateOfBirth: CaseDate?
    public var expectedDate: CaseDate?
    public var pronouns: Pronouns
    public var picture: Picture?
    public var livesWith: [String]
    /// The child's own words.
    public var says: [Said]
    public var threeHouses: [ThreeHouses]
    public var safetyHouse: [SafetyHouse]
    public var visibility: Visibility
}

/// A phone number, email address or address, which may be hidden from some readers.
public struct Contact: Codable, Equatable, Sendable {
    public var value: String
    public var visibility: Visibility
}

public struct Person: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, Sendable { case parent, carer, family, friend, community, professional }

    public var id: String
    public var name: String
    public var relationship: String
    public var kind: Kind
    public var organisation: String?
    public var childCalls: String?
    /// Nil when nobody has recorded it: never printed as a "no".
    public var informedOfWorries: Bool?
    public var circle: Int
    public var inSafetyNetwork: Bool
    public var phone: Contact?
    public var email: Contact?
    public var address: Contact?
    public var picture: Picture?
    public var visibility: Visibility
}

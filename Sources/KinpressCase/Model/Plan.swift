public struct SafetyPlan: Codable, Equatable, Sendable {
    /// The title a plan has when the case file gives none; documents say it in the reader's language.
    public static let defaultTitle = "Our safety plan"

    public struct Rule: Codable, Equatable, Sendable {
        public var id: String
        public var area: String?
        public var rule: String
        public var why: String?
        public var who: [String]
        public var when: String?
        public var howWeCheck: String?
        public var howChildKnows: String?
        public var ifBroken: String?
        public var visibility: Visibility
    }

    public struct WarningSign: Codable, Equatable, Sendable {
        public var sign: String
        public var whatToDo: String
        public var visibility: Visibility
    }

    public struct EmergencyContact: Codable, Equatable, Sendable {
        public var name: String
        public var number: String
        public var when: String
        public var visibility: Visibility
    }

    public struct Review: Codable, Equatable, Sendable {
        public var date: CaseDate
        public var what: String
        public var visibility: Visibility
    }

    public var title: String
    public var agreedOn: CaseDate?
    public var rules: [Rule]
    public var warningSigns: [WarningSign]
    public var emergencyContacts: [EmergencyContact]
    public var reviews: [Review]
    public var signatures: [String]
}

/// What has happened (events) and the steps still to come (the safety journey).
public struct Timeline: Codable, Equatable, Sendable {
    public struct Event: Codable, Equatable, Sendable {
        public enum Kind: String, Codable, Sendable { case harm, worry, strength, safety, service, move, meeting, other }

        public var id: String?
        public var date: CaseDate
        public var approximate: Bool
        public var title: String
        public var detail: String?
        public var kind: Kind
        public var people: [String]
        public var visibility: Visibility
    }

    public struct Milestone: Codable, Equatable, Sendable {
        public enum Status: String, Codable, Sendable { case planned, done, missed }

        public var id: String?
        public var date: CaseDate
        public var title: String
        public var detail: String?
        public var status: Status
        public var visibility: Visibility
    }

    public var events: [Event]
    public var journey: [Milestone]
}

/// A Words and Pictures story for one child.
public struct Story: Codable, Equatable, Sendable {
    public struct Page: Codable, Equatable, Sendable {
        public var heading: String?
        public var text: String
        public var picture: Picture?
        public var pictureDescription: String?
        public var visibility: Visibility
    }

    public var id: String
    public var child: String
    public var title: String?
    public var told: CaseDate?
    public var pages: [Page]
    public var visibility: Visibility
}

public struct Meeting: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, Sendable {
        case initialConference = "initial-conference"
        case reviewConference = "review-conference"
        case preBirthConference = "pre-birth-conference"
        case coreGroup = "core-group"
        case networkMeeting = "network-meeting"
        case familyMeeting = "family-meeting"
    }

    public struct Report: Codable, Equatable, Sendable {
        public var person: String
        public var title: String
        public var visibility: Visibility
    }

    public var kind: Kind
    public var date: CaseDate
    public var time: String?
    public var place: String?
    public var chair: String
    public var invited: [String]
    public var agenda: [String]
    public var reportsFrom: [Report]
}

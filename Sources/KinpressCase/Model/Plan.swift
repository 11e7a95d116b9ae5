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
        /// When the chair received it.
        public var received: CaseDate?
        /// When the family was given it.
        public var sharedWithFamily: CaseDate?
        public var visibility: Visibility
    }

    /// Someone asked to come, and what happened.
    public struct Invitee: Codable, Equatable, Sendable {
        public enum Attendance: String, Codable, Sendable {
            case invited, attended, apologies
            case reportOnly = "report-only"
            case didNotAttend = "did-not-attend"
            case leftForPart = "left-for-part"
        }

        public var person: String
        public var attendance: Attendance
        /// The language of an interpreter booked for them.
        public var interpreter: String?
        /// Who comes with them: a supporter or an advocate.
        public var supporter: String?

        public init(person: String, attendance: Attendance = .invited, interpreter: String? = nil, supporter: String? = nil) {
            self.person = person
            self.attendance = attendance
            self.interpreter = interpreter
            self.supporter = supporter
        }
    }

    /// What someone said at the meeting, for the record.
    public struct View: Codable, Equatable, Sendable {
        public var person: String
        public var said: String
        public var visibility: Visibility
    }

    /// What the meeting decided.
    public struct Outcome: Codable, Equatable, Sendable {
        public struct Decision: Codable, Equatable, Sendable {
            public enum Plan: String, Codable, Sendable {
                case childProtection = "child-protection"
                case childInNeed = "child-in-need"
                case noPlan = "no-plan"
                case `continue`, end
            }

            public enum Category: String, Codable, Sendable {
                case neglect
                case physicalAbuse = "physical-abuse"
                case emotionalAbuse = "emotional-abuse"
                case sexualAbuse = "sexual-abuse"
            }

            public var child: String
            public var plan: Plan
            /// Named in professional papers and the parents' decision letter only.
            public var category: Category?
            public var reasons: String
        }

        public struct Dissent: Codable, Equatable, Sendable {
            public var person: String
            public var why: String
        }

        public struct Next: Codable, Equatable, Sendable {
            public var kind: Kind
            public var date: CaseDate
            public var time: String?
            public var place: String?
        }

        public var decidedOn: CaseDate
        public var decisions: [Decision]
        public var dissent: [Dissent]
        public var chairSummary: String?
        public var next: [Next]
        public var coreGroup: [String]
    }

    public var kind: Kind
    public var date: CaseDate
    public var time: String?
    public var place: String?
    public var chair: String
    /// Everyone asked to come, in the file's order.
    public var invitees: [Invitee]
    public var agenda: [String]
    public var reportsFrom: [Report]
    public var strategyDiscussion: CaseDate?
    public var previousMeeting: CaseDate?
    public var views: [View]
    public var outcome: Outcome?

    enum CodingKeys: String, CodingKey {
        case kind, date, time, place, chair, agenda, reportsFrom, strategyDiscussion, previousMeeting, views, outcome
        case invitees = "invited"
    }

    /// The ids of everyone asked to come; setting it keeps only those invitees.
    public var invited: [String] {
        get { invitees.map(\.person) }
        set { invitees = invitees.filter { newValue.contains($0.person) } }
    }
}

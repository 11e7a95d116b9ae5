import Foundation
import KinpressAudience
import KinpressCase
import KinpressSupport

/// The letters sent around a meeting, one to each person.
public enum LetterKind: String, CaseIterable, Sendable {
    /// Before the meeting: why, when and where, who comes, the reports, who may come with you,
    /// what can be decided and what happens after; with a page on what happens at the meeting.
    case invitation
    /// After it: what was decided for each child and why, the plan in outline, who to talk to,
    /// the small team and the next dates, and how to get the notes, correct them or complain.
    case decision

    /// The template that writes it: `documents/invitation-letter.mustache`.
    var template: String { "\(rawValue)-letter" }
}

/// One person a letter goes to: who they are to the case, and what only their own letter may
/// print — their name as written and their postal address.
public struct Recipient: Sendable, Equatable {
    /// Their id in `people` or `children`.
    public var id: String
    /// Their name as the case writes it, for the envelope and "Dear …".
    public var name: String
    /// Their postal address, a line each; empty where the case has none this letter may print.
    public var address: [String]
    /// A parent or carer: the only family readers told the category of a child's plan.
    public var isParent: Bool
    /// What the meeting knows of them as an invitee (interpreter, supporter), when invited.
    public var invitee: Meeting.Invitee?

    /// `address`: the postal address as the case writes it, split into lines at its line
    /// breaks, or at its commas when it is written on one line.
    public init(id: String, name: String, address: String?, isParent: Bool, invitee: Meeting.Invitee?) {
        self.id = id
        self.name = name
        self.address = Self.lines(address)
        self.isParent = isParent
        self.invitee = invitee
    }

    /// An address or return address as lines: one per line of the text, or per comma.
    static func lines(_ text: String?) -> [String] {
        guard let text else { return [] }
        let lines = text.split(whereSeparator: \.isNewline)
        let parts = lines.count > 1 ? lines : text.split(separator: ",")
        return parts.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

/// A letter's view model: the letterhead in its places, then the body in plain words for the
/// recipient as a reader (a child, a family member, a professional), in their language.
struct LetterBuilder {
    let words: Words
    let kind: LetterKind
    let recipient: Recipient

    struct View {
        /// The document's title, language and case facts, and who it is for.
        var header: HeaderView
        /// The string catalogue: `strings.letter.invitation.why`.
        var strings: [String: Any]
        /// The top of the first page: logo, council and return address, recipient, date.
        var letterhead: LetterheadView
        /// "Dear Zelda,".
        var dear: String
        /// The letter's heading: "Please come to a meeting about Ava".
        var heading: String
        /// The opening paragraphs.
        var intro: [String]
        /// An invitation's parts; nil in a decision letter.
        var invitation: InvitationView?
        /// A decision letter's parts; nil in an invitation.
        var decision: DecisionView?
        /// "Best wishes,".
        var signOff: String
        /// Who signs, and as what: "Hannah Whitfield, who runs the meeting".
        var signedAs: String
        /// "What happens at the meeting", a page of its own after an invitation to a family
        /// member or a child; nil otherwise.
        var leaflet: LeafletView?
    }

    struct LetterheadView {
        /// The council's logo, when its profile has one.
        var logo: PictureView?
        /// The council's name and return address, a line each.
        var from: [String]
        /// The recipient's name and address, a line each: what the envelope's window shows.
        var to: [String]
        /// The letter's date in words.
        var date: String
    }

    struct InvitationView {
        /// Why the meeting is held, for this kind of meeting.
        var why: String
        /// The day, time and place, a line each.
        var when: [String]
        /// Everyone asked to come, with who they are, as this reader may know them; empty for a
        /// big meeting, which says them in `whoInWords`.
        var who: [String]
        /// A big meeting's people in a few sentences, names only: family and friends, then workers.
        var whoInWords: [String]
        /// Whether anyone is asked to come.
        var hasWho: Bool
        /// What the person who runs the meeting does.
        var chair: String
        /// The reports and when this reader gets them; nil when there are none.
        var reports: ReportsView?
        /// Who may come with them: a supporter, an advocate, an interpreter (named when booked);
        /// empty for professionals and children.
        var bring: [String]
        /// What the meeting can decide; nil where the leaflet with the letter says it.
        var decide: String?
        /// What happens after; nil where the leaflet with the letter says it.
        var after: String?
        /// What to do if they cannot come; nil for a child, who is told how to be heard instead.
        var cannotCome: String?
        /// "There is a page about the meeting with this letter.", when there is.
        var enclosed: String?
        /// How a child can say what they think without coming; nil for adults.
        var childSay: String?
    }

    struct ReportsView {
        /// What the reports are and when they come (for the family).
        var explained: String?
        /// Each report: its title, who writes it and, for the family, the day they get it.
        var items: [String]
        /// For a professional who writes one: when to send it.
        var asked: String?
    }

    struct LeafletView {
        /// "What happens at the meeting".
        var heading: String
        /// What the meeting is for.
        var purpose: String
        /// What happens, a sentence each, in order.
        var steps: [String]
    }

    func view() throws(TemplateError) -> View {
        let catalogue = words.catalogue
        let file = words.visible.file
        let meeting = file.meeting
        let forChild = words.audience == .child
        let professional = words.audience == .professional
        let children = try words.childrenNames()
        // A decision letter is dated the day of the decision and is about it; an invitation is
        // dated with the case and is about the meeting.
        let decided = meeting?.outcome?.decidedOn ?? file.case.date
        let letterDate = try words.date(kind == .decision ? decided : file.case.date)
        let date = kind == .decision ? letterDate : try words.date(meeting?.date ?? file.case.date)
        let recipientName = words.name(written: recipient.name)
        let title = try catalogue.text("letter.title.\(kind.rawValue)", ["name": recipientName, "date": date])
        var header = try words.header(title: title, runningTitle: try catalogue.text("letter.runningTitle.\(kind.rawValue)", ["date": date]))
        header.children = []
        let council = words.council
        let name = council?.name ?? file.case.localAuthority
        // A return address that starts with the council's name does not say it twice.
        let from = [name] + Recipient.lines(council?.returnAddress).drop { $0 == name }
        let letterhead = LetterheadView(
            logo: header.masthead.logo,
            from: from.map(Bidi.isolate), to: ([recipientName] + recipient.address).map(Bidi.isolate), date: letterDate)
        var view = View(header: header, strings: words.strings, letterhead: letterhead,
                        dear: try catalogue.text("letter.dear", ["name": recipientName]), heading: "", intro: [],
                        invitation: nil, decision: nil, signOff: try catalogue.text("letter.signOff"), signedAs: "", leaflet: nil)
        let chairName = try words.name(meeting?.chair ?? file.case.worker)
        switch kind {
        case .invitation:
            view.heading = forChild ? try catalogue.text("letter.invitation.forChildren.heading")
                : try catalogue.text(professional ? "letter.invitation.headingProfessional" : "letter.invitation.heading", ["children": children])
            view.intro = forChild ? [try catalogue.text("letter.invitation.forChildren.intro")] : []
            view.invitation = try invitation()
            view.signedAs = try catalogue.text("letter.chairSigns", ["name": chairName])
            if !professional { view.leaflet = try leaflet() }
        case .decision:
            view.heading = forChild ? try catalogue.text("letter.decision.forChildren.heading")
                : try catalogue.text("letter.decision.heading", ["children": children])
            view.intro = [try catalogue.text(forChild ? "letter.decision.forChildren.intro" : "letter.decision.intro", ["date": date, "children": children])]
            // The category is named to professionals and to the child's parents and carers only.
            var decision = try words.outcome(namesCategory: professional || (words.audience == .family && recipient.isParent),
                                             onlyChild: forChild ? recipient.id : nil)
            if !forChild {
                let worker = try words.name(file.case.worker)
                decision.record = [try catalogue.text("letter.decision.getRecord", ["worker": worker]), try catalogue.text("letter.decision.correct", ["worker": worker])]
            }
            view.decision = decision
            view.signedAs = try catalogue.text("letter.chairSigned", ["name": chairName])
        }
        return view
    }

    /// More people than this are said by name only, in sentences, not one a line.
    static let listedInFull = 12

    private var meetingKind: String { words.visible.file.meeting?.kind.rawValue ?? Meeting.Kind.familyMeeting.rawValue }

    private func invitation() throws(TemplateError) -> InvitationView {
        let catalogue = words.catalogue
        let file = words.visible.file
        let meeting = file.meeting
        let worker = try words.name(file.case.worker)
        let forChild = words.audience == .child
        let professional = words.audience == .professional
        var when: [String] = []
        if let meeting {
            when.append(try catalogue.text("letter.invitation.day", ["date": words.date(meeting.date)]))
            if let time = meeting.time { when.append(try catalogue.text("letter.invitation.time", ["time": Bidi.leftToRight(time)])) }
            if let place = meeting.place {
                when.append(try catalogue.text("letter.invitation.place", ["place": place]))
            } else {
                when.append(try catalogue.text("letter.invitation.noPlace", ["worker": worker]))
            }
        }
        let invited = (meeting?.invitees ?? []).filter { words.visible.party($0.person) != nil }
        // A child knows the people by the names they use; "Mason's dad" in a letter to Mason is
        // a stranger's way of saying Dad.
        var who: [String] = [], whoInWords: [String] = []
        if invited.count > Self.listedInFull {
            // A big meeting: names only, family and friends first, so a letter stays one or two pages.
            let workers = invited.map(\.person).filter(words.isProfessional)
            let others = invited.map(\.person).filter { !words.isProfessional($0) }
            if !others.isEmpty { whoInWords.append(try catalogue.text("letter.invitation.whoFamily", ["names": words.names(others)])) }
            if !workers.isEmpty { whoInWords.append(try catalogue.text("letter.invitation.whoWorkers", ["names": words.names(workers)])) }
            whoInWords.append(try catalogue.text("letter.invitation.whoAsk", ["worker": worker]))
        } else {
            who = try invited.map { invitee throws(TemplateError) in forChild ? try words.name(invitee.person) : try words.described(invitee.person) }
        }
        var reports: ReportsView?
        let written = meeting?.reportsFrom ?? []
        if !written.isEmpty {
            let items = try written.map { report throws(TemplateError) -> String in
                let values = ["title": report.title, "name": try words.name(report.person)]
                if !professional, let shared = report.sharedWithFamily {
                    return try catalogue.text("letter.invitation.reportOn", values.merging(["date": words.date(shared)]) { $1 })
                }
                return try catalogue.text("letter.invitation.report", values)
            }
            var asked: String?
            if professional, written.contains(where: { $0.person == recipient.id }), let meeting {
                // By the day the family should have it, in the council's working days.
                let chair = try words.name(meeting.chair)
                if let due = Timescale.reportsDue(meeting, calendar: words.workingDays) {
                    asked = try catalogue.text("letter.invitation.reportAsked", ["chair": chair, "date": words.date(due.caseDate)])
                } else {
                    asked = try catalogue.text("letter.invitation.reportAskedNoDate", ["chair": chair])
                }
            }
            reports = ReportsView(explained: professional ? nil : try catalogue.text("letter.invitation.reportsIntro"), items: items, asked: asked)
        }
        var bring: [String] = []
        if !professional, !forChild {
            var lines = [try catalogue.text("letter.invitation.supporter")]
            if let supporter = recipient.invitee?.supporter { lines.append(try catalogue.text("letter.invitation.supporterComing", ["name": supporter])) }
            if let language = recipient.invitee?.interpreter {
                lines.append(try catalogue.text("letter.invitation.interpreter", ["language": words.languageName(language)]))
            } else {
                lines.append(try catalogue.text("letter.invitation.interpreterOffer", ["worker": worker]))
            }
            bring = lines
        }
        return InvitationView(
            why: try catalogue.text("meeting.purposes.\(meetingKind)"), when: when, who: who, whoInWords: whoInWords, hasWho: !invited.isEmpty,
            chair: try catalogue.text("letter.invitation.chair", ["name": words.name(meeting?.chair ?? file.case.worker)]),
            reports: forChild ? nil : reports, bring: bring,
            decide: professional ? try catalogue.text("letter.decides.\(meetingKind)") : nil,
            after: professional ? try catalogue.text("pack.after.\(meetingKind)") : nil,
            cannotCome: forChild ? nil : try catalogue.text("letter.invitation.cannotCome", ["worker": worker]),
            enclosed: professional ? nil : try catalogue.text("letter.invitation.leaflet"),
            childSay: forChild ? try catalogue.text("letter.invitation.forChildren.say", ["worker": worker]) : nil)
    }

    private func leaflet() throws(TemplateError) -> LeafletView {
        let catalogue = words.catalogue
        let worker = try words.name(words.visible.file.case.worker)
        let purpose = try catalogue.text("meeting.purposes.\(meetingKind)")
        if words.audience == .child {
            let steps = try ["who", "talk", "scale", "voice", "after", "help"].map { key throws(TemplateError) in
                try catalogue.text("letter.leaflet.forChildren.\(key)", ["worker": worker])
            }
            return LeafletView(heading: try catalogue.text("letter.leaflet.forChildren.heading"), purpose: purpose, steps: steps)
        }
        var steps = try ["start", "talk", "scale", "yourTurn", "private"].map { key throws(TemplateError) in try catalogue.text("letter.leaflet.\(key)") }
        steps.append(try catalogue.text("letter.decides.\(meetingKind)"))
        steps.append(try catalogue.text("pack.after.\(meetingKind)"))
        return LeafletView(heading: try catalogue.text("letter.leaflet.heading"), purpose: purpose, steps: steps)
    }
}

import Foundation
import KinpressCase
import KinpressSupport

/// The record of a meeting, the family's version of the minutes: who came and which reports
/// were shared, why the meeting was held, what the children and the adults said, the map and
/// the scores, the chair's summary, what was decided (and who disagreed), the plan and the
/// dates. What a reader was asked to leave the room for is not in their copy, and the copy says so.
struct MeetingRecordBuilder {
    let words: Words

    struct View {
        /// The document's title, language and case facts, and who it is for.
        var header: HeaderView
        /// The string catalogue: `strings.record.why`.
        var strings: [String: Any]
        /// Headings that depend on the service (worry or danger statements).
        var service: [String: Any]
        /// "These are the notes of the review meeting about Mason on …".
        var intro: String
        /// "Part of the meeting happened without …", in a copy that leaves something out.
        var leftOut: [String]
        /// Who came, who sent apologies, who sent a report …, a group each.
        var attendance: [AttendanceGroupView]
        /// Each report, who wrote it, and when the family had it.
        var reports: [String]
        /// Why the meeting was held.
        var why: String
        /// What the parents and the network said at the meeting.
        var views: [SaidView]
        /// The map as the meeting saw it: worries, what is working well, what needs to happen, the
        /// scores, and what each child says.
        var map: AssessmentBuilder.View
        /// The chair's summary, a paragraph each.
        var summary: [String]
        /// What was decided; nil before the outcome is written.
        var decision: DecisionView?
        /// "The meeting has not written down what it decided yet.", before it has.
        var noDecision: String?
        /// How to put the notes right.
        var correct: String
    }

    /// One group of the people asked to come.
    struct AttendanceGroupView {
        /// "Who came".
        var heading: String
        /// Each person, with who they are and who helped them.
        var people: [String]
    }

    /// What one person said at the meeting.
    struct SaidView {
        /// "Kerry Hughes, Mason's mum".
        var name: String
        /// Their words, a paragraph each.
        var paragraphs: [String]
    }

    func view() throws(TemplateError) -> View {
        let catalogue = words.catalogue
        let file = words.visible.file
        let meeting = file.meeting
        let professional = words.audience == .professional
        let children = try words.childrenNames()
        let kind = try catalogue.text("meeting.kinds.\((meeting?.kind ?? .familyMeeting).rawValue)")
        let title = try catalogue.text("record.title", ["children": children])
        var header = try words.header(title: title, runningTitle: catalogue.text("record.runningTitle"))
        header.subtitle = try catalogue.text("record.subtitle", ["chair": words.name(meeting?.chair ?? file.case.worker)])
        let intro = try catalogue.text("record.intro", ["kind": kind, "children": children, "date": words.date(meeting?.date ?? file.case.date)])

        var groups: [AttendanceGroupView] = []
        let order: [Meeting.Invitee.Attendance] = [.attended, .leftForPart, .apologies, .reportOnly, .didNotAttend, .invited]
        let invited = (meeting?.invitees ?? []).filter { words.visible.party($0.person) != nil }
        for status in order {
            let people = try invited.filter { $0.attendance == status }.map { invitee throws(TemplateError) -> String in
                var line = try words.described(invitee.person)
                if let language = invitee.interpreter {
                    line += " " + (try catalogue.text("record.interpreter", ["language": words.languageName(language)]))
                }
                if let supporter = invitee.supporter { line += " " + (try catalogue.text("record.supporter", ["name": supporter])) }
                return line
            }
            if !people.isEmpty { groups.append(AttendanceGroupView(heading: try catalogue.text("record.attendance.\(status.rawValue)"), people: people)) }
        }

        let reports = try (meeting?.reportsFrom ?? []).map { report throws(TemplateError) -> String in
            var line = try catalogue.text("record.report", ["title": report.title, "name": words.name(report.person)])
            if let shared = report.sharedWithFamily {
                line += " " + (try catalogue.text("record.reportShared", ["date": words.date(shared)]))
            } else {
                line += " " + (try catalogue.text("record.reportNotShared"))
            }
            return line
        }

        // What this copy leaves out: the parts of the meeting family members left the room for,
        // and anything said at it that this reader may not read.
        var leftOut: [String] = []
        if !professional {
            let family = invited.filter { $0.attendance == .leftForPart && !words.isProfessional($0.person) }
            if !family.isEmpty {
                leftOut.append(try catalogue.plural("record.leftForPart", count: family.count,
                                                    ["names": words.names(family.map(\.person))]))
            }
            if words.visible.withheld.contains(where: { $0.field.description.hasPrefix("meeting.") }) {
                leftOut.append(try catalogue.text("record.notInCopy", ["worker": words.reachable(file.case.worker)]))
            }
        }

        let views = try (meeting?.views ?? []).map { said throws(TemplateError) in
            SaidView(name: try words.described(said.person), paragraphs: paragraphs(said.said))
        }
        let outcome = meeting?.outcome
        // The category of a plan is named in professional documents only (and a parent's letter).
        let decision = outcome == nil ? nil : try words.outcome(namesCategory: professional, onlyChild: nil)
        return View(
            header: header, strings: words.strings, service: words.serviceWords(), intro: intro, leftOut: leftOut,
            attendance: groups, reports: reports,
            why: try catalogue.text("meeting.purposes.\((meeting?.kind ?? .familyMeeting).rawValue)"),
            views: views, map: try AssessmentBuilder(words: words).view(),
            summary: outcome?.chairSummary.map(paragraphs) ?? [],
            decision: decision, noDecision: decision == nil ? try catalogue.text("record.noDecision") : nil,
            correct: try catalogue.text("record.correct", ["worker": words.reachable(file.case.worker)]))
    }
}

import Foundation

/// Things a case file may say that Kinpress can render but that are probably mistakes: the
/// warnings a worker should look at before printing.
/// Each section is decoded on its own, so a file with errors in one section still gets the
/// warnings of the others.
enum PracticeChecks {
    struct Sections {
        var caseInfo: CaseInfo?
        var children: [Child]?
        var assessment: Assessment?
        var timeline: Timeline?
        var meeting: Meeting?

        init(_ checked: JSONValue) {
            guard case .object(let pairs) = checked else { return }
            func section<T: Decodable>(_ key: String) -> T? {
                guard let value = pairs.first(where: { $0.0 == key })?.1 else { return nil }
                return try? JSONValueDecoder.decode(T.self, from: value)
            }
            caseInfo = section("case")
            children = section("children")
            assessment = section("assessment")
            timeline = section("timeline")
            meeting = section("meeting")
        }
    }

    static func warnings(for file: Sections, fileName: String, locations: [FieldPath: SourceLocation]) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        func warn(_ path: FieldPath, _ message: String) {
            warnings.append(Diagnostic(severity: .warning, code: .practice, file: fileName, location: locations[path], path: path, message: message))
        }
        guard let today = file.caseInfo?.date else { return [] }

        if let timeline = file.timeline {
            for (index, milestone) in timeline.journey.enumerated() where milestone.status == .planned && milestone.date.latest < today {
                warn(FieldPath.root.appending("timeline").appending("journey").appending(index).appending("status"),
                     "\"\(milestone.title)\" is planned for \(milestone.date), which is before the case date \(today). Mark it done or missed, or give it a new date")
            }
        }
        if let assessment = file.assessment {
            let answered = Set(assessment.safetyGoals.flatMap(\.dangerStatements))
            for (index, statement) in assessment.dangerStatements.enumerated() where !answered.contains(statement.id) {
                warn(FieldPath.root.appending("assessment").appending("dangerStatements").appending(index),
                     "no safety goal answers the danger statement \"\(statement.id)\". Add a safety goal whose dangerStatements lists it, so the family knows what needs to happen")
            }
            for (index, scale) in assessment.scaling.enumerated() where scale.scores.isEmpty {
                warn(FieldPath.root.appending("assessment").appending("scaling").appending(index),
                     "the scale \"\(scale.id)\" has no scores yet. Add each person's score, or leave the scale out until it has been asked")
            }
            for (index, step) in assessment.nextSteps.enumerated() where !step.done {
                if let due = step.by, due < today {
                    warn(FieldPath.root.appending("assessment").appending("nextSteps").appending(index).appending("by"),
                         "this next step was due by \(due), before the case date \(today), and is not marked done. Mark it done: true, or give it a new date")
                }
            }
        }
        for (index, child) in (file.children ?? []).enumerated() {
            if let born = child.dateOfBirth, today < born {
                warn(FieldPath.root.appending("children").appending(index).appending("dateOfBirth"),
                     "\(child.name)'s date of birth \(born) is after the case date \(today). For a baby not born yet, use expectedDate")
            }
        }
        if let meeting = file.meeting, meeting.date < today {
            warn(FieldPath.root.appending("meeting").appending("date"),
                 "the meeting on \(meeting.date) is before the case date \(today). Check the meeting date, or the case date")
        }
        return warnings
    }
}

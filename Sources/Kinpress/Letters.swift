import KinpressAudience
import KinpressCase
import KinpressCompose

extension Kinpress {
    /// The letters of one kind a case's meeting sends, one item each with its recipient's
    /// reader: to `recipients`, or by default an invitation to everyone invited but the chair
    /// and a decision letter to the parents and carers. Refused, saying what the case lacks,
    /// when there is no meeting, a decision letter has no outcome, or a recipient is unknown.
    public func letterItems(_ kind: LetterKind, of source: Case, to recipients: [String]? = nil, format: Format) throws(RenderFailure) -> [Request.Item] {
        let file = source.file
        guard let meeting = file.meeting else { throw .noMeeting("\(kind.rawValue) letter") }
        if kind == .decision, meeting.outcome == nil { throw .noOutcome }
        let known = file.people.map(\.id) + file.children.map(\.id)
        for id in recipients ?? [] where !known.contains(id) {
            throw .noSuchRecipient(id, known: known)
        }
        var chosen: [String]
        switch kind {
        case .invitation: chosen = recipients ?? meeting.invited.filter { $0 != meeting.chair }
        case .decision: chosen = recipients ?? file.people.filter { $0.kind == .parent || $0.kind == .carer }.map(\.id)
        }
        var seen: Set<String> = []
        chosen = chosen.filter { seen.insert($0).inserted }
        return chosen.map { Request.Item(.letter(kind, to: $0), for: Self.reader(of: $0, in: file), as: format) }
    }

    /// How a person reads their letter: a child as a child, a professional as a professional,
    /// everyone else as the family.
    static func reader(of id: String, in file: CaseFile) -> Audience {
        if file.children.contains(where: { $0.id == id }) { return .child }
        return file.people.first { $0.id == id }?.kind == .professional ? .professional : .family
    }

    /// The letter to one person as a document: read as they read, in their language (the
    /// interpreter's they asked for, else the family's; English for professionals), with their
    /// own name and address in the envelope's window. An address marked for professionals (a
    /// refuge) is never printed, whoever the letter is to.
    func letter(_ kind: LetterKind, to id: String, of source: Case, for audience: Audience) throws(RenderFailure) -> Document {
        let file = source.file
        let invitee = file.meeting?.invitees.first { $0.person == id }
        let recipient: Recipient
        if let person = file.people.first(where: { $0.id == id }) {
            let address = person.address.flatMap { $0.visibility == .professionals ? nil : $0.value }
            recipient = Recipient(id: id, name: person.name, address: address, isParent: person.kind == .parent || person.kind == .carer,
                                  invitee: invitee)
        } else if let child = file.children.first(where: { $0.id == id }) {
            recipient = Recipient(id: id, name: child.name, address: nil, isParent: false, invitee: invitee)
        } else {
            throw .noSuchRecipient(id, known: file.people.map(\.id) + file.children.map(\.id))
        }
        let language = audience == .professional ? invitee?.interpreter ?? "en" : invitee?.interpreter ?? file.case.language
        let composer = try composer(for: source)
        do {
            return try composer.composeLetter(kind, to: recipient, for: audience.project(source), language: language)
        } catch {
            throw .template(error)
        }
    }
}

import KinpressAudience
import KinpressCase
import KinpressSupport

/// The documents Kinpress makes from a case.
public enum DocumentKind: String, CaseIterable, Sendable {
    case assessment
    case safetyPlan = "safety-plan"
    case networkMap = "network-map"
    case timeline
    case wordsAndPictures = "words-and-pictures"
    case threeHouses = "three-houses"
    case safetyHouse = "safety-house"
    case meetingRecord = "meeting-record"
    case reviewUpdate = "review-update"
    case networkPack = "network-pack"

    /// Who the document is for when the user does not say: the child, for what was made for or
    /// with a child; the safety network, for its pack.
    public var defaultAudience: Audience {
        switch self {
        case .wordsAndPictures, .threeHouses, .safetyHouse: return .child
        case .networkPack: return .network
        default: return .family
        }
    }

    /// The record of a meeting cannot be made from a case without one.
    public var needsMeeting: Bool { self == .meetingRecord }
}

/// The compose stage: a visible case, a view model per document, a template, and the markup
/// parsed into a `Document`.
public struct Composer: Sendable {
    public let templates: TemplateSet
    /// The council whose numbers family and child documents give; nil: only the worker's and 999.
    public var council: CouncilProfile?
    /// The one child whose own documents (Three Houses, Safety House, the child's safety plan)
    /// are made; nil: every child's, each child's on pages of their own.
    public var child: String?

    public init(templates: TemplateSet) {
        self.templates = templates
    }

    /// Families and children read their own language (with each section then in English when the
    /// case asks for both); professionals read English.
    ///
    /// The English half of a section is printed only where it says something the family's half
    /// does not: where the case gives its texts in both languages. Otherwise it would repeat the
    /// same case texts under English headings (a child would get the story twice).
    public func compose(_ kind: DocumentKind, for visible: VisibleCase) throws(TemplateError) -> Document {
        let language = language(for: visible)
        var document = try compose(kind, for: visible, language: language)
        if visible.audience != .professional, visible.file.case.alsoInEnglish, document.language.prefix(2) != "en",
           visible.hasTranslations(language, "en") {
            // Sections whose case texts are the same in both languages are left single.
            let untranslated = try compose(kind, for: visible, catalogue: "en", texts: language)
            document = try bilingual(document, english: try compose(kind, for: visible, language: "en"), untranslated: untranslated)
        }
        document.pictureFiles = visible.pictures
        document.accent = council?.accent
        return document
    }

    private func compose(_ kind: DocumentKind, for visible: VisibleCase, language: String) throws(TemplateError) -> Document {
        try compose(kind, for: visible, catalogue: language, texts: language)
    }

    /// A document with fixed sentences from one catalogue and the case's texts in one language.
    private func compose(_ kind: DocumentKind, for visible: VisibleCase, catalogue language: String, texts: String) throws(TemplateError) -> Document {
        let words = try self.words(visible.inLanguage(texts), catalogue: templates.catalogue(for: language))
        let kind = kind.made(for: words)
        return try parse(try templates.render(try view(kind, words: words), document: kind.rawValue), template: kind.rawValue)
    }

    /// A document template's markup read into a document; problems name the template's file.
    private func parse(_ markup: String, template: String) throws(TemplateError) -> Document {
        try MarkupParser.parse(markup, source: "\(templates.folder.lastPathComponent)/documents/\(template).mustache", pictograms: templates.pictograms)
    }

    /// The markup a document template writes, for checking templates and for tests.
    public func markup(_ kind: DocumentKind, for visible: VisibleCase) throws(TemplateError) -> String {
        let words = try self.words(visible.inLanguage(language(for: visible)), catalogue: templates.catalogue(for: language(for: visible)))
        let kind = kind.made(for: words)
        return try templates.render(try view(kind, words: words), document: kind.rawValue)
    }

    private func words(_ visible: VisibleCase, catalogue: Catalogue) throws(TemplateError) -> Words {
        var words = try Words(visible: visible, catalogue: catalogue, pictograms: templates.pictograms, council: council)
        words.onlyChild = child
        return words
    }

    private func language(for visible: VisibleCase) -> String {
        visible.audience == .professional ? "en" : visible.file.case.language
    }

    /// Each section in the family's language, then the same section in English, marked as
    /// English (its own language for screen readers, its own direction), under a label.
    /// `untranslated` is the English half with the family's case texts: where a section of it is
    /// the same as in `english`, the case says nothing new in English there.
    private func bilingual(_ family: Document, english: Document, untranslated: Document) throws(TemplateError) -> Document {
        let label = try templates.catalogue(for: family.language).text("document.inEnglish")
        var merged = family
        merged.blocks = []
        func sections(_ document: Document) -> [Block] {
            document.blocks.filter { if case .section = $0 { return true } else { return false } }
        }
        var englishSections = zip(sections(english), sections(untranslated)).makeIterator()
        for block in family.blocks {
            merged.blocks.append(block)
            guard case .section = block, let (section, same) = englishSections.next(), case .section(let id, let inner) = section,
                  section != same else { continue }
            // The label is in the family's language; what follows it is English.
            merged.blocks.append(.paragraph(style: .label, text: [TextRun(text: label, bold: true)]))
            merged.blocks.append(.language(code: "en", rightToLeft: false,
                                           blocks: [.section(id: id.map { "\($0)-en" }, blocks: inner.map { $0.inPart("en", shift: 0) })]))
        }
        return merged
    }

    /// A meeting pack (`documents/pack.mustache`) for one reader: each `<insert document=…>` is
    /// that document as it is always composed, less its own title and contents, its top headings
    /// one level under the part's heading and its ids made unique to the part. `glossary` picks
    /// the hard words the composed pack uses, listed at its end (words a family pack could not
    /// avoid): the pack's own page is then written again, its documents are not. `draft` marks
    /// every page.
    public func composePack(for visible: VisibleCase, draft: Bool = false,
                            glossary: (Document) -> [GlossaryEntry] = { _ in [] }) throws(TemplateError) -> Document {
        let visible = visible.inLanguage(language(for: visible))
        let catalogue = try templates.catalogue(for: language(for: visible))
        let words = try self.words(visible, catalogue: catalogue)
        let source = "\(templates.folder.lastPathComponent)/documents/pack.mustache"
        func outline(_ entries: [GlossaryEntry]) throws(TemplateError) -> PackOutline {
            let markup = try templates.render(try PackBuilder(words: words, glossary: entries, draft: draft).view(), document: "pack")
            return try MarkupParser.parsePack(markup, source: source, pictograms: templates.pictograms)
        }
        var pack = try outline([])
        let parts = try composeParts(pack.inserts, for: visible, catalogue: catalogue)
        let entries = glossary(pack.filled(with: parts))
        if !entries.isEmpty { pack = try outline(entries) }
        var document = pack.filled(with: parts)
        document.pictureFiles = visible.pictures
        document.accent = council?.accent
        return document
    }

    /// Each document of a pack composed as it always is, less its own title and contents, its top
    /// headings one level under the part's heading and its ids made unique to the part. The
    /// documents are independent, so they are composed at the same time, one per core.
    private func composeParts(_ kinds: [DocumentKind], for visible: VisibleCase, catalogue: Catalogue) throws(TemplateError) -> [DocumentKind: [Block]] {
        let results = concurrentMap(kinds) { kind in
            Result { () throws(TemplateError) -> [Block] in
                // Each part has its own words: their date formatters are not shared between threads.
                var words = try self.words(visible, catalogue: catalogue)
                words.inPack = true
                let markup = try templates.render(try view(kind, words: words), document: kind.rawValue)
                let document = try parse(markup, template: kind.rawValue)
                let top = Document.headings(in: document.blocks).map(\.level).min() ?? 2
                return document.blocks.map { $0.inPart(kind.rawValue, shift: max(0, 2 - top)) }
            }
        }
        var parts: [DocumentKind: [Block]] = [:]
        for (kind, result) in zip(kinds, results) { parts[kind] = try result.get() }
        return parts
    }

    /// A letter to one person in `language` (their own, or the interpreter's they asked for):
    /// fixed words from that language's catalogue, the case's texts in it where the file gives
    /// them. `visible` is the case as the recipient, as a reader, may see it.
    ///
    /// A family's letter follows each section with its English twin when the case asks for both
    /// languages, as their documents do.
    public func composeLetter(_ kind: LetterKind, to recipient: Recipient, for visible: VisibleCase, language: String) throws(TemplateError) -> Document {
        func letter(catalogue: String, texts: String) throws(TemplateError) -> Document {
            let words = try self.words(visible.inLanguage(texts), catalogue: templates.catalogue(for: catalogue))
            let markup = try templates.render(try LetterBuilder(words: words, kind: kind, recipient: recipient).view(), document: kind.template)
            return try parse(markup, template: kind.template)
        }
        var document = try letter(catalogue: language, texts: language)
        if visible.audience != .professional, visible.file.case.alsoInEnglish, document.language.prefix(2) != "en", visible.hasTranslations(language, "en") {
            document = try bilingual(document, english: try letter(catalogue: "en", texts: "en"), untranslated: try letter(catalogue: "en", texts: language))
        }
        document.pictureFiles = visible.pictures
        document.accent = council?.accent
        return document
    }

    /// The view model a document's template gets (not private: a test lists its variables in
    /// `docs/markup.md`).
    func view(_ kind: DocumentKind, words: Words) throws(TemplateError) -> Any {
        switch kind {
        case .assessment: return try AssessmentBuilder(words: words).view()
        case .safetyPlan: return try SafetyPlanBuilder(words: words).view()
        case .networkMap: return try NetworkMapBuilder(words: words).view()
        case .timeline: return try TimelineBuilder(words: words).view()
        case .wordsAndPictures: return try StoryBuilder(words: words).view()
        case .threeHouses: return try ThreeHousesBuilder(words: words).view()
        case .safetyHouse: return try SafetyHouseBuilder(words: words).view()
        case .meetingRecord: return try MeetingRecordBuilder(words: words).view()
        case .reviewUpdate: return try ReviewUpdateBuilder(words: words).view()
        case .networkPack: return try NetworkPackBuilder(words: words).view()
        }
    }
}

extension DocumentKind {
    /// The document a reader gets for this one: a child's copy of the safety plan is their
    /// Safety House when every child it is for has one this reader may see.
    func made(for words: Words) -> DocumentKind {
        guard self == .safetyPlan, words.audience == .child else { return self }
        let children = words.ownChildren
        return !children.isEmpty && children.allSatisfy { !$0.safetyHouse.isEmpty } ? .safetyHouse : self
    }
}

extension Words {
    func header(title: String, runningTitle: String) throws(TemplateError) -> HeaderView {
        let file = visible.file
        let professional = audience == .professional
        return HeaderView(
            lang: catalogue.language == "en" && audience == .professional ? "en" : file.case.language,
            direction: rightToLeft ? "rtl" : "ltr",
            title: title, runningTitle: runningTitle,
            subtitle: professional
                ? try catalogue.text("document.subtitle", ["date": date(file.case.date), "council": file.case.localAuthority])
                : try catalogue.text("document.madeWith", ["date": date(file.case.date), "worker": name(file.case.worker)]),
            marking: professional ? file.case.protectiveMarking : nil,
            children: try ownChildren.map { child throws(TemplateError) in ChildView(name: try name(child.id), age: try age(of: child)) },
            childrenNames: try childrenNames(), worker: try name(file.case.worker),
            localAuthority: file.case.localAuthority, reference: file.case.reference,
            date: try date(file.case.date), forProfessionals: professional, forChild: audience == .child, inPack: inPack, chairCopy: inPack && professional,
            team: professional ? try team() : nil,
            contact: professional ? nil : try contact(),
            masthead: MastheadView(name: council?.name ?? file.case.localAuthority,
                                   logo: council?.logoFile.map { PictureView(src: $0.path, alt: council?.logoDescription ?? council?.name ?? "", field: "logo") }),
            disagree: professional ? nil : try disagree())
    }

    /// "Social worker: Hannah Whitfield, Northmoor Council. Team manager: …": who holds the
    /// case, for professional copies.
    func team() throws(TemplateError) -> String {
        let file = visible.file
        func described(_ id: String) throws(TemplateError) -> String {
            guard case .person(let person)? = visible.party(id), let organisation = person.organisation else { return try name(id) }
            return Bidi.isolate("\(try name(id)), \(organisation)")
        }
        guard let manager = file.case.manager else { return try catalogue.text("document.worker", ["worker": described(file.case.worker)]) }
        return try catalogue.text("document.team", ["worker": described(file.case.worker), "manager": described(manager)])
    }

    /// How to reach us, from the case (the worker's own phone and email, as this reader may see
    /// them) and the council's profile; nothing is made up where neither says.
    func contact() throws(TemplateError) -> ContactView {
        let file = visible.file
        let worker = try name(file.case.worker)
        let person = file.people.first { $0.id == file.case.worker }
        if audience == .child {
            return ContactView(heading: try catalogue.text("contact.forChildren.heading"),
                               lines: [try catalogue.text("contact.forChildren.worker", ["worker": reachable(file.case.worker)])],
                               emergency: try catalogue.text("contact.forChildren.emergency"))
        }
        var lines = [try catalogue.text("contact.worker", ["worker": worker])]
        lines += try ways(phone: person?.phone?.value, email: person?.email?.value)
        // A profile's own words (its hours) are English: a document in another language gives the
        // numbers without them rather than mix languages in one sentence.
        let ownWords = catalogue.language.hasPrefix("en")
        if let council, let team = council.contact?.phone {
            let hours = ownWords ? council.contact?.hours : nil
            let values = ["council": council.name, "phone": Bidi.leftToRight(team), "hours": hours ?? ""]
            lines.append(try catalogue.text(hours == nil ? "contact.teamNoHours" : "contact.team", values))
        }
        if let council, let phone = council.outOfHours?.phone {
            let hours = ownWords ? council.outOfHours?.hours : nil
            lines.append(try catalogue.text(hours == nil ? "contact.outOfHoursNoHours" : "contact.outOfHours", ["phone": Bidi.leftToRight(phone), "hours": hours ?? ""]))
        }
        return ContactView(heading: try catalogue.text("contact.heading"), lines: lines, emergency: try catalogue.text("contact.emergency"))
    }

    /// How to disagree or complain, who helps a family or a child be heard, and other formats:
    /// the worker always; the council's complaints line, advocacy service and other-formats
    /// offer only where its profile gives them.
    func disagree() throws(TemplateError) -> ContactView {
        let worker = try reachable(visible.file.case.worker)
        let words = audience == .child ? "contact.forChildren.disagree" : "contact.disagree"
        var lines = [try catalogue.text("\(words).worker", ["worker": worker])]
        if audience != .child, let complaints = council?.complaints {
            lines.append(try catalogue.text("contact.disagree.complain"))
            lines += try ways(phone: complaints.phone, email: complaints.email, web: complaints.web)
        }
        if let advocacy = council?.advocacy, let name = advocacy.name {
            lines.append(try catalogue.text("\(words).advocacy", ["name": name]))
            lines += try ways(phone: advocacy.phone, email: advocacy.email, web: advocacy.web)
        }
        if let offer = council?.otherFormats, audience != .child {
            // The profile's own sentence is English; other languages say the same offer in theirs.
            lines.append(catalogue.language.hasPrefix("en") ? offer : try catalogue.text("contact.disagree.otherFormats", ["worker": worker]))
        }
        return ContactView(heading: try catalogue.text("\(words).heading"), lines: lines, emergency: nil)
    }

    /// "Phone: …", "Email: …", "Website: …" for the ways to reach someone that are known, each
    /// kept left to right.
    private func ways(phone: String?, email: String? = nil, web: String? = nil) throws(TemplateError) -> [String] {
        var lines: [String] = []
        for (key, value) in [("phone", phone), ("email", email), ("web", web)] {
            if let value { lines.append(try catalogue.text("contact.\(key)", [key: Bidi.leftToRight(value)])) }
        }
        return lines
    }

    /// A person's name as this reader knows them, with their phone when the reader may see it:
    /// "Rachel Green (01632 960534)", for the sentences that say "tell the social worker".
    func reachable(_ id: String) throws(TemplateError) -> String {
        let name = try name(id)
        guard let phone = visible.file.people.first(where: { $0.id == id })?.phone?.value else { return name }
        return "\(name) (\(Bidi.leftToRight(phone)))"
    }

    /// The catalogue's tree, for templates: `{{strings.assessment.title}}`. A child's copy reads
    /// each part's `forChildren` words in place of the adults' ones, and a word with plural
    /// forms (`one`, `other`) is the form for the number of children in the case.
    var strings: [String: Any] {
        let count = visible.file.children.count
        let category = PluralRule.category(of: count, language: catalogue.language)
        let forms: Set<String> = ["zero", "one", "two", "few", "many", "other"]
        func adapt(_ branch: [String: any Sendable]) -> any Sendable {
            if !branch.isEmpty, Set(branch.keys).isSubset(of: forms), branch.values.allSatisfy({ $0 is String }) {
                return branch[category] ?? branch["other"] ?? branch.values.first!
            }
            var result = branch.mapValues { value -> any Sendable in (value as? [String: any Sendable]).map(adapt) ?? value }
            if audience == .child, let children = result["forChildren"] as? [String: any Sendable] {
                result = overlay(result, children)
            }
            return result
        }
        func overlay(_ base: [String: any Sendable], _ top: [String: any Sendable]) -> [String: any Sendable] {
            base.merging(top) { old, new in
                if let old = old as? [String: any Sendable], let new = new as? [String: any Sendable] { return overlay(old, new) }
                return new
            }
        }
        return adapt(catalogue.tree) as? [String: Any] ?? catalogue.tree
    }

    /// Headings that depend on the service: early help says worry statements where child
    /// protection says danger statements.
    func serviceWords() -> [String: Any] {
        // A child reads the same worries and goals without the practice words.
        let key = audience == .child ? "service.forChildren" : "service.\(visible.file.case.service.rawValue)"
        var words = (catalogue.lookup(key) as? [String: any Sendable]) ?? [:]
        // Professionals read the practice word too ("Danger statements: …").
        if audience == .professional {
            for name in ["worries", "goals"] { if let term = words["\(name)Professional"] { words[name] = term } }
        }
        return words
    }

    func statement(_ statement: Statement) throws(TemplateError) -> StatementView {
        var said: String?
        if let source = statement.source {
            if let when = statement.date {
                said = try catalogue.sentence("statement.saidOn", ["name": name(source), "date": date(when)])
            } else {
                said = try catalogue.sentence("statement.said", ["name": name(source)])
            }
        } else if let when = statement.date {
            said = try catalogue.text("statement.on", ["date": date(when)])
        }
        return StatementView(paragraphs: paragraphs(statement.text), said: said, disputed: try disputed(statement.disputedBy))
    }

    func disputed(_ ids: [String]) throws(TemplateError) -> String? {
        let people = try distinctNames(ids)
        return people.isEmpty ? nil : try catalogue.pluralSentence("statement.disputed", count: people.count, ["names": catalogue.list(people)])
    }

    /// A danger statement's words: as written with the family, or put together from its parts
    /// ("Sam and Priya are worried that …").
    func statementText(_ danger: DangerStatement) throws(TemplateError) -> [String] {
        if let written = danger.text { return paragraphs(written) }
        var worry = danger.worry.trimmingCharacters(in: .whitespacesAndNewlines)
        if worry.lowercased().hasPrefix("that ") { worry = String(worry.dropFirst(5)) }
        if let last = worry.last, !".!?".contains(last) { worry += "." }
        let worried = try distinctNames(danger.worriedPeople)
        return [try catalogue.pluralSentence("danger.composed", count: worried.count, ["worried": catalogue.list(worried), "worry": worry])]
    }

    /// A worry, numbered as the assessment numbers it, with what could happen if nothing
    /// changes, who disagrees, what the family says, which children it is about when not all of
    /// them, and the goals that answer it.
    func danger(_ danger: DangerStatement, number: Int, goals: [GoalView]) throws(TemplateError) -> DangerView {
        let all = Set(visible.file.children.map(\.id))
        let about = danger.children.filter(all.contains)
        return DangerView(
            id: "worry-\(number)", heading: try catalogue.text("danger.heading", ["number": String(number)]), paragraphs: try statementText(danger),
            about: about.isEmpty || Set(about) == all ? nil : try catalogue.text("danger.about", ["children": names(about)]),
            ifNothingChanges: try danger.text == nil ? danger.ifNothingChanges.map { t throws(TemplateError) in try catalogue.text("danger.ifNothingChanges", ["what": t]) } : nil,
            disputed: try disputed(danger.disputedBy), familyView: danger.familyView.map(paragraphs) ?? [], goals: goals)
    }

    /// A safety goal, saying which worries (by their numbers in `numbers`) it answers.
    func goal(_ goal: SafetyGoal, numbers: [String: Int]) throws(TemplateError) -> GoalView {
        let answered = goal.dangerStatements.compactMap { numbers[$0] }.map(String.init)
        return GoalView(paragraphs: paragraphs(goal.text),
                        howLong: try goal.howLong.map { t throws(TemplateError) in try catalogue.text("goal.howLong", ["howLong": t]) },
                        answers: answered.isEmpty ? nil : try catalogue.plural("goal.answers", count: answered.count, ["numbers": catalogue.list(answered)]))
    }

    /// The case's network map drawing the people `shown` picks: everyone the reader may see
    /// keeps their place on it in the case's order, so each person sits in the same place in
    /// every document, and those drawn are said in words for the alternative text.
    func networkMap(showing shown: (Person) -> Bool = { _ in true }) throws(TemplateError) -> NetworkMapView {
        let people = visible.file.people
        let group: (Person.Kind) -> String = { kind in
            switch kind {
            case .parent, .carer, .family: return "family"
            case .friend: return "friends"
            case .community: return "community"
            case .professional: return "professionals"
            }
        }
        let entries = try people.map { person throws(TemplateError) in
            // Someone not drawn here is only a place: no name, nothing about them.
            guard shown(person) else {
                return NetworkEntryView(name: "", relationship: "", group: group(person.kind), circle: person.circle, network: false, informed: false, shown: false)
            }
            return NetworkEntryView(name: try name(person.id), relationship: person.relationship, group: group(person.kind), circle: person.circle,
                                    network: person.inSafetyNetwork, informed: person.informedOfWorries == true, shown: true)
        }
        var circles: [String] = []
        for circle in 1...3 {
            let here = try NetworkPerson.inReadingOrder(entries.filter { $0.shown && $0.circle == circle }, group: \.group)
                .map { entry throws(TemplateError) in try catalogue.text("pack.person", ["name": entry.name, "relationship": entry.relationship]) }
            if !here.isEmpty { circles.append(try catalogue.text("network.circle\(circle)", ["people": catalogue.list(here)])) }
        }
        let children = try visible.file.children.map { child throws(TemplateError) in try name(child.id) }
        let about = try catalogue.text("network.alternative", ["children": catalogue.list(children)])
        return NetworkMapView(children: children, people: entries, about: about, alternative: about + " " + circles.joined(separator: " "))
    }

    func meeting() throws(TemplateError) -> MeetingView? {
        guard let meeting = visible.file.meeting else { return nil }
        let kind = try catalogue.text("meeting.kinds.\(meeting.kind.rawValue)")
        var sentence = try catalogue.text("meeting.when", ["kind": kind, "date": date(meeting.date)])
        if let time = meeting.time { sentence = try catalogue.text("meeting.whenAt", ["kind": kind, "date": date(meeting.date), "time": time]) }
        return MeetingView(sentence: sentence, place: meeting.place, purpose: try catalogue.text("meeting.purposes.\(meeting.kind.rawValue)"))
    }
}

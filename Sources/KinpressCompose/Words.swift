import Foundation
import KinpressAudience
import KinpressCase
import KinpressSupport

/// Turns case data into the words a reader sees: names as this reader knows them, dates and
/// ages in words, lists joined as sentences. All wording comes from the catalogue.
struct Words {
    let visible: VisibleCase
    let catalogue: Catalogue
    /// Whether the catalogue's language is written right to left.
    let rightToLeft: Bool
    /// Where Kinpress's own pictograms are.
    let pictograms: URL
    /// Words for a document inside a meeting pack.
    var inPack = false
    /// The one child whose own documents (Three Houses, Safety House, the child's plan) are
    /// made; nil: every child's, each on their own pages.
    var onlyChild: String?
    private let dateFormatters: [String: DateFormatter]

    /// The council's profile, when the case has one.
    let council: CouncilProfile?

    /// The council's working days, for timescales: weekends and its bank holidays left out.
    var workingDays: WorkingCalendar { WorkingCalendar(council?.bankHolidays) }

    init(visible: VisibleCase, catalogue: Catalogue, pictograms: URL, council: CouncilProfile? = nil) throws(TemplateError) {
        self.visible = visible
        self.catalogue = catalogue
        rightToLeft = Catalogue.isRightToLeft(catalogue.language)
        self.pictograms = pictograms
        self.council = council
        var formatters: [String: DateFormatter] = [:]
        for form in ["full", "month", "year"] {
            let formatter = DateFormatter()
            // Dates are words of the catalogue's language, so they match the sentences around them.
            formatter.locale = Locale(identifier: catalogue.language)
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.calendar = Calendar(identifier: .gregorian)
            formatter.dateFormat = try catalogue.text("dates.\(form)")
            formatters[form] = formatter
        }
        dateFormatters = formatters
    }

    var audience: Audience { visible.audience }

    /// A person or child as this reader knows them: the name a child uses in child documents,
    /// and only a role for someone the reader may not know about.
    func name(_ id: String) throws(TemplateError) -> String {
        switch visible.party(id) {
        case .person(let person)?:
            return name(written: audience == .child ? person.childCalls ?? person.name : person.name)
        case .child(let child)?:
            return name(written: audience == .professional ? child.fullName ?? child.name : child.name)
        case .hidden(let role)?:
            return try catalogue.text("roles.\(role.rawValue)")
        case nil:
            return try catalogue.text("roles.someone")
        }
    }

    /// A name as the case writes it, ready to print: one mixing scripts keeps the page's
    /// direction (`Bidi.name`).
    func name(written name: String) -> String {
        Bidi.name(name, rightToLeft: rightToLeft)
    }

    /// The distinct names of these people, in order (two hidden people may both be "a worker").
    func distinctNames(_ ids: [String]) throws(TemplateError) -> [String] {
        var seen: Set<String> = []
        var names: [String] = []
        for id in ids {
            let name = try name(id)
            if seen.insert(name).inserted { names.append(name) }
        }
        return names
    }

    func names(_ ids: [String]) throws(TemplateError) -> String {
        try catalogue.list(distinctNames(ids))
    }

    /// "Tuesday 10 March 2026"; "March 2026" and "2026" for dates that leave out the day or month.
    func date(_ date: CaseDate, approximate: Bool = false) throws(TemplateError) -> String {
        var components = DateComponents()
        components.year = date.year
        components.month = date.month ?? 1
        components.day = date.day ?? 1
        components.hour = 12
        guard let day = Calendar(identifier: .gregorian).date(from: components) else { return date.description }
        let form = date.day != nil ? "full" : date.month != nil ? "month" : "year"
        let words = dateFormatters[form]!.string(from: day)
        return approximate ? try catalogue.text("dates.approximate", ["date": words]) : words
    }

    /// "Zofia is 7", "Cal is 8 months old", "Baby is due on Friday 3 July 2026".
    func age(of child: Child) throws(TemplateError) -> String {
        let name = try self.name(child.id)
        switch visible.ages[child.id] {
        case .years(let years)?:
            return try catalogue.plural("age.years", count: years, ["name": name])
        case .months(let months)?:
            return try catalogue.plural("age.months", count: months, ["name": name])
        case .unborn(let expected)?:
            return try catalogue.text("age.unborn", ["name": name, "date": date(expected)])
        case nil:
            return name
        }
    }

    /// "Mason is 8. He lives with Kelly and Dean.": a child's age and who they live with (as
    /// this reader may see them), with the child's own pronoun; nil when the case does not say.
    func home(of child: Child) throws(TemplateError) -> String? {
        let people = child.livesWith.filter { visible.party($0) != nil }
        guard !people.isEmpty else { return nil }
        return try catalogue.text("home.livesWith.\(child.pronouns.rawValue)", ["age": age(of: child), "people": names(people)])
    }

    /// "Gareth Hughes (Mason's dad)": a name with who they are, as this reader knows them (a
    /// child or a hidden person: the name or role alone).
    func described(_ id: String) throws(TemplateError) -> String {
        guard case .person(let person)? = visible.party(id) else { return try name(id) }
        return try catalogue.text("pack.person", ["name": name(id), "relationship": relationship(of: person)])
    }

    /// A person's relationship as this reader reads it: in professional copies a professional's
    /// organisation too ("Social worker, Northmoor Council").
    func relationship(of person: Person) -> String {
        guard audience == .professional, person.kind == .professional, let organisation = person.organisation,
              !person.relationship.localizedCaseInsensitiveContains(organisation) else { return Bidi.isolate(person.relationship) }
        return Bidi.isolate("\(person.relationship), \(organisation)")
    }

    /// A score as it is written in this language: 6, 6.5 (or 6,5).
    func score(_ value: Double) -> String {
        let formatter = NumberFormatter()
        formatter.locale = Locale(identifier: catalogue.language)
        formatter.minimumFractionDigits = 0
        formatter.maximumFractionDigits = 1
        return formatter.string(from: NSNumber(value: value)) ?? String(value)
    }

    /// The file a picture reference names: beside the case file, or one of Kinpress's pictograms.
    func pictureFile(_ picture: Picture) -> String? {
        switch picture {
        case .pictogram(let name): return pictograms.appendingPathComponent("\(name).svg").path
        case .file(let path): return visible.folder?.appendingPathComponent(path).standardizedFileURL.path
        }
    }

    /// The children a child's own documents are about: the one asked for, or all of them.
    var ownChildren: [Child] {
        guard let onlyChild else { return visible.file.children }
        return visible.file.children.filter { $0.id == onlyChild }
    }

    /// Whether this person works with the family (a hidden one too, by the role shown for them).
    func isProfessional(_ id: String) -> Bool {
        switch visible.party(id) {
        case .person(let person)?: return person.kind == .professional
        case .hidden(.professional)?: return true
        default: return false
        }
    }

    /// A language's name in this catalogue's language, for an interpreter: "Polish", "polski".
    func languageName(_ tag: String) -> String {
        Locale(identifier: catalogue.language).localizedString(forIdentifier: tag) ?? tag
    }

    /// "What Tolu says", or for several children "What the children say": the heading of the
    /// children's own words wherever adults read them.
    func voiceHeading() throws(TemplateError) -> String {
        try catalogue.plural("voice.sectionHeading", count: visible.file.children.count, ["children": childrenNames()])
    }

    /// The case's children, as a list: "Zosia and Antek".
    func childrenNames() throws(TemplateError) -> String {
        try names(visible.file.children.map(\.id))
    }
}

/// Case text split into paragraphs at its line breaks, each made safe (`isolated`).
/// The template engine escapes what is left.
func paragraphs(_ text: String) -> [String] {
    text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.map(Bidi.isolate)
}




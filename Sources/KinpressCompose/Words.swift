import Foundation
import KinpressAudience
import KinpressCase

/// Turns case data into the words a reader sees: names as this reader knows them, dates and
/// ages in words, lists joined as sentences. All wording comes from the catalogue.
struct Words {
    let visible: VisibleCase
    let catalogue: Catalogue
    /// Where Kinpress's own pictograms are.
    let pictograms: URL
    /// Words for a document inside a meeting pack.
    var inPack = false
    private let dateFormatters: [String: DateFormatter]

    init(visible: VisibleCase, catalogue: Catalogue, pictograms: URL) throws(TemplateError) {
        self.visible = visible
        self.catalogue = catalogue
        self.pictograms = pictograms
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
            return clean(audience == .child ? person.childCalls ?? person.name : person.name)
        case .child(let child)?:
            return clean(audience == .professional ? child.fullName ?? child.name : child.name)
        case .hidden(let role)?:
            return try catalogue.text("roles.\(role.rawValue)")
        case nil:
            return try catalogue.text("roles.someone")
        }
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

    /// The case's children, as a list: "Zosia and Antek".
    func childrenNames() throws(TemplateError) -> String {
        try names(visible.file.children.map(\.id))
    }
}

/// Case text split into paragraphs at its line breaks, each made safe (`isolated`).
/// The template engine escapes what is left.
func paragraphs(_ text: String) -> [String] {
    text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.map(isolated)
}

/// Case text printed on its own, made safe (`clean`) and set as a bidi isolate: an English
/// sentence on an Arabic page keeps its full stop at its own end, and an Arabic sentence on an
/// English page reads from the right.
func isolated(_ text: String) -> String {
    Catalogue.isolate(clean(text))
}

/// A phone number or address kept left to right (a left-to-right isolate), so that on a
/// right-to-left page "07700 900326" does not come out as "900326 07700".
func leftToRight(_ text: String) -> String {
    "\u{2066}\(text)\u{2069}"
}

/// Case text made safe to print: the control characters XML 1.0 does not allow (all but tab and
/// line breaks) replaced, direction controls paired.
func clean(_ text: String) -> String {
    var result = String.UnicodeScalarView()
    // Direction controls are kept only in pairs, each closed inside its own field, so a stray
    // closing mark cannot end the isolate Kinpress puts round a value and let an override
    // reorder the sentence around it.
    var closers: [Unicode.Scalar] = []
    for scalar in text.unicodeScalars {
        switch scalar.value {
        case 0x2066...0x2068:
            closers.append("\u{2069}")
            result.append(scalar)
        case 0x202A, 0x202B, 0x202D, 0x202E:
            closers.append("\u{202C}")
            result.append(scalar)
        case 0x2069:
            guard let isolate = closers.lastIndex(of: "\u{2069}") else { continue }
            result.append(contentsOf: closers[(isolate + 1)...].reversed())
            closers.removeSubrange(isolate...)
            result.append(scalar)
        case 0x202C:
            guard closers.last == "\u{202C}" else { continue }
            closers.removeLast()
            result.append(scalar)
        default:
            let value = scalar.value
            let allowed = value == 0x9 || value == 0xA || value == 0xD || (0x20...0xD7FF).contains(value) || (0xE000...0xFFFD).contains(value) || value >= 0x10000
            result.append(allowed ? scalar : "\u{FFFD}")
        }
    }
    result.append(contentsOf: closers.reversed())
    return String(result)
}

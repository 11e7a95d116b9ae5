import KinpressCase
import KinpressSupport

/// "What Tolu says": a child's own words where adults decide — what they said (with when and how
/// they were seen), and what their Three Houses and Safety House say where the child agreed to
/// share them with this reader — or a sentence saying nobody has written any down, so the gap
/// shows.
struct VoiceView {
    /// "What Tolu says".
    var heading: String
    /// Whether the case has several children, each under their own heading.
    var several: Bool
    /// What the child said, each with when and how they were seen.
    var quotes: [QuoteView]
    /// The child's Three Houses records this reader may see.
    var threeHouses: [HousesView]
    /// The child's Safety House records this reader may see.
    var safetyHouses: [LinesView]
    /// "No one has written down what Tolu says yet.", when nothing above is there.
    var nothing: String?
}

struct QuoteView {
    /// The child's words, as they said them.
    var text: String
    /// "Tolu said this on Monday 2 March 2026. Tolu was seen on their own at school."
    var note: String?
}

struct HousesView {
    /// "From Tolu's Three Houses, made on 2 March 2026:".
    var intro: String
    /// Each house with its items, in the order the houses are drawn.
    var houses: [HouseView]
}

struct HouseView {
    /// The house's name: the child's own ("Sunny house") with the house it is, or the house.
    var name: String
    /// The child's words in it, each as written.
    var items: [String]
}

/// A heading-less group of sentences under a lead-in.
struct LinesView {
    /// "From Tolu's Safety House, made on 2 March 2026:".
    var intro: String
    /// A sentence each.
    var lines: [String]
}

extension Words {
    /// What each child this reader may see says, in the case's order.
    func voices() throws(TemplateError) -> [VoiceView] {
        var views: [VoiceView] = []
        for child in visible.file.children { views.append(try voice(of: child)) }
        return views
    }

    func voice(of child: Child) throws(TemplateError) -> VoiceView {
        let name = try self.name(child.id)
        var quotes: [QuoteView] = []
        for said in child.says {
            var notes: [String] = []
            if let date = said.date { notes.append(try catalogue.text("voice.saidOn", ["name": name, "date": self.date(date)])) }
            if let how = said.how { notes.append(try catalogue.text("voice.seen", ["name": name, "how": how])) }
            quotes.append(QuoteView(text: try catalogue.text("voice.quote", ["text": said.text]), note: notes.isEmpty ? nil : notes.joined(separator: " ")))
        }
        var houses: [HousesView] = []
        for record in child.threeHouses {
            var views: [HouseView] = []
            for house in House.allCases {
                let items = record.items(in: house).map { Bidi.isolate($0.text) }
                guard !items.isEmpty else { continue }
                let own: String? = switch house {
                case .worries: record.houseNames?.worries
                case .goodThings: record.houseNames?.goodThings
                case .dreams: record.houseNames?.dreams
                }
                let standard = try catalogue.text("voice.houses.\(house.rawValue)")
                views.append(HouseView(name: try own.map { n throws(TemplateError) in try catalogue.text("voice.houses.named", ["name": n, "house": standard]) } ?? standard,
                                       items: items))
            }
            houses.append(HousesView(intro: try catalogue.text("voice.threeHouses", ["name": name, "date": date(record.date)]), houses: views))
        }
        var safety: [LinesView] = []
        for record in child.safetyHouse {
            var lines: [String] = []
            for (key, people) in [("inside", record.inside), ("visitors", record.visitors), ("outside", record.outside)] where !people.isEmpty {
                lines.append(try catalogue.text("voice.safetyHouse.\(key)", ["name": name, "people": names(people.map(\.person))]))
            }
            for rule in record.rules {
                // Joined to the adults' rule it matches, when this reader may see that rule.
                if let id = rule.rule, let planRule = visible.file.safetyPlan?.rules.first(where: { $0.id == id }) {
                    lines.append(try catalogue.text("voice.safetyHouse.ruleJoined", ["rule": rule.text, "planRule": planRule.rule]))
                } else {
                    lines.append(try catalogue.text("voice.safetyHouse.rule", ["rule": rule.text]))
                }
            }
            if let broken = record.ifRuleBroken { lines.append(try catalogue.text("voice.safetyHouse.ifBroken", ["what": broken])) }
            // Where the child put themselves, with the child's own pronoun.
            lines.append(try catalogue.text("voice.safetyHouse.path.\(child.pronouns.rawValue)", ["name": name, "score": score(record.path.now)]))
            if let closer = record.path.closerWhen { lines.append(try catalogue.text("voice.safetyHouse.closer", ["name": name, "what": closer])) }
            safety.append(LinesView(intro: try catalogue.text("voice.safetyHouse.intro", ["name": name, "date": date(record.date)]), lines: lines))
        }
        let empty = quotes.isEmpty && houses.isEmpty && safety.isEmpty
        return VoiceView(heading: try catalogue.text("voice.heading", ["name": name]), several: visible.file.children.count > 1, quotes: quotes, threeHouses: houses, safetyHouses: safety,
                         nothing: empty ? try catalogue.text("voice.nothing", ["name": name]) : nil)
    }
}

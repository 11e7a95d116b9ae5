import KinpressCase
import KinpressSupport

/// A child's Safety House: the drawing (who lives in the house, who may visit, who stays
/// outside, the path with the child where they put themselves), then the same in words with
/// what the child said about each person, the house rules in the child's words joined to the
/// adults' rules they match, what happens if a rule is broken and what would bring the child
/// closer. It is also the child's copy of the safety plan where the child has one.
struct SafetyHouseBuilder {
    let words: Words

    struct View {
        /// The document's title, language and case facts, and who it is for.
        var header: HeaderView
        /// The string catalogue: `strings.safeHouse.inside`.
        var strings: [String: Any]
        /// Each child the document is for who has a record this reader may see, in the case's order.
        var children: [ChildView]
        /// "There is no safe house to show for Femi yet.": the children without one, in one sentence.
        var nothing: String?
    }

    struct ChildView {
        /// "Tolu's safe house", when several children have one.
        var heading: String?
        /// The child's Safety Houses this reader may see, newest first.
        var records: [RecordView]
        /// Whether a new page starts here (every child after the first).
        var newPage: Bool
    }

    struct RecordView {
        /// The date, when the child has several.
        var dateHeading: String?
        /// Whether a new page starts here (a child's earlier records).
        var newPage: Bool
        /// "Tolu made this with Aisha on Thursday 12 March 2026."
        var made: String
        /// The drawing.
        var drawing: DrawingView
        /// The drawing in words, for people who cannot see it.
        var alternative: String
        /// "Who lives in the house" and the people, with what the child says about them.
        var zones: [ZoneView]
        /// The house rules in the child's words.
        var rules: [HouseRuleView]
        /// What happens if someone breaks a rule, in the child's words.
        var ifBroken: String?
        /// "Tolu put herself at 7 out of 10 on the path to the house. 10 is at the door."
        var path: String
        /// What would help the child come closer, in the child's words.
        var closer: String?
    }

    struct DrawingView {
        /// Where the child put themselves, as a number markup reads: 0 far away, 10 at the door.
        var now: String
        /// "Tolu is here".
        var here: String
        /// Who lives in the house, names as drawn.
        var inside: [String]
        /// Who may come to visit, names as drawn.
        var visitors: [String]
        /// Whom the child does not feel safe with, names as drawn.
        var outside: [String]
    }

    struct ZoneView {
        /// "Who lives in the house".
        var heading: String
        /// The zone's pictogram: home (inside), visiting (visitors) or scared (outside).
        var icon: String
        /// The zone's people, in the child's order.
        var people: [PlacedView]
    }

    struct PlacedView {
        /// The person as the child calls them (with their name for adult readers).
        var name: String
        /// What the child said about them, in the child's words, in quotation marks.
        var says: String?
        /// Their picture, when the case has one.
        var picture: PictureView?
    }

    struct HouseRuleView {
        /// The rule in the child's words.
        var text: String
        /// "In the grown-ups' plan: …", the adults' rule it matches, when this reader may see it.
        var planRule: String?
    }

    func view() throws(TemplateError) -> View {
        let catalogue = words.catalogue
        let children = words.ownChildren
        // Named in the title: the children with a record, each under their own heading when
        // there are several.
        let made = children.filter { !$0.safetyHouse.isEmpty }
        let named = made.isEmpty ? children : made
        // "Tolu: my safe house"; for several children, "Safe houses: Tolu and Femi".
        let title = try catalogue.text(named.count > 1 ? "safeHouse.titleSeveral" : "safeHouse.title", ["name": words.names(named.map(\.id))])
        var views: [ChildView] = []
        for child in children where !child.safetyHouse.isEmpty {
            let name = try words.name(child.id)
            // The newest first: it is the plan the child has now.
            let records = child.safetyHouse.sorted { $0.date > $1.date }
            var recordViews: [RecordView] = []
            for (index, record) in records.enumerated() {
                recordViews.append(try self.record(record, of: child, name: name,
                                                   heading: records.count > 1 ? try words.date(record.date) : nil, newPage: index > 0))
            }
            views.append(ChildView(heading: made.count > 1 ? try catalogue.text("safeHouse.childHeading", ["name": name]) : nil,
                                   records: recordViews, newPage: !views.isEmpty))
        }
        let without = children.filter { $0.safetyHouse.isEmpty }.map(\.id)
        let nothing = without.isEmpty ? nil : try catalogue.text("safeHouse.nothing", ["name": words.names(without)])
        var header = try words.header(title: title, runningTitle: title)
        // The page keeps its height for the drawing: the children know their ages.
        header.children = []
        return View(header: header, strings: words.strings, children: views, nothing: nothing)
    }

    private func record(_ record: SafetyHouse, of child: Child, name: String, heading: String?, newPage: Bool) throws(TemplateError) -> RecordView {
        let catalogue = words.catalogue
        var zones: [ZoneView] = []
        var drawn: [String: [String]] = [:]
        var described: [String] = []
        for (kind, icon, people) in [("inside", "home", record.inside), ("visitors", "visiting", record.visitors), ("outside", "scared", record.outside)] {
            let placed = try people.map { placed throws(TemplateError) in
                PlacedView(name: try self.name(placed.person), says: try placed.says.map { said throws(TemplateError) in try catalogue.text("voice.quote", ["text": Bidi.isolate(said)]) },
                           picture: try picture(of: placed.person))
            }
            drawn[kind] = placed.map(\.name)
            let heading = try catalogue.text("safeHouse.\(kind)", ["name": name])
            if !placed.isEmpty {
                zones.append(ZoneView(heading: heading, icon: icon, people: placed))
                described.append(try catalogue.text("safeHouse.described", ["zone": heading, "people": catalogue.list(placed.map(\.name))]))
            }
        }
        let rules = try record.rules.map { rule throws(TemplateError) in
            // Joined to the adults' rule it matches, when this reader may see that rule.
            let planRule = rule.rule.flatMap { id in words.visible.file.safetyPlan?.rules.first { $0.id == id } }
            return HouseRuleView(text: Bidi.isolate(rule.text),
                                 planRule: try planRule.map { r throws(TemplateError) in try catalogue.text("safeHouse.planRule", ["rule": Bidi.isolate(r.rule)]) })
        }
        let score = words.score(record.path.now)
        let path = try catalogue.text("voice.safetyHouse.path.\(child.pronouns.rawValue)", ["name": name, "score": score])
        described.append(path)
        return RecordView(
            dateHeading: heading, newPage: newPage,
            made: try catalogue.text("safeHouse.made", ["name": name, "worker": words.name(record.by), "date": words.date(record.date)]),
            drawing: DrawingView(now: String(record.path.now), here: try catalogue.text("safeHouse.here", ["name": name]),
                                 inside: drawn["inside"] ?? [], visitors: drawn["visitors"] ?? [], outside: drawn["outside"] ?? []),
            alternative: try catalogue.text("safeHouse.alternative", ["name": name]) + " " + described.joined(separator: " "),
            zones: zones, rules: rules, ifBroken: record.ifRuleBroken.map { Bidi.isolate($0) }, path: path,
            closer: record.path.closerWhen.map { Bidi.isolate($0) })
    }

    /// Someone in the house as the reader knows them: a child reads the name they use; adults
    /// read the name with what the child calls them ("Sade Adeyemi (Mum)").
    private func name(_ id: String) throws(TemplateError) -> String {
        let name = try words.name(id)
        guard words.audience != .child, case .person(let person)? = words.visible.party(id), let calls = person.childCalls,
              calls != person.name else { return name }
        return Bidi.isolate("\(name) (\(calls))")
    }

    /// The picture the case has of someone: "A picture of Femi" (not the name alone, which the
    /// line beside it already says).
    private func picture(of id: String) throws(TemplateError) -> PictureView? {
        let file = words.visible.file
        let found: (picture: Picture, field: String)?
        if let index = file.people.firstIndex(where: { $0.id == id }), let picture = file.people[index].picture {
            found = (picture, "people[\(index)].picture")
        } else if let index = file.children.firstIndex(where: { $0.id == id }), let picture = file.children[index].picture {
            found = (picture, "children[\(index)].picture")
        } else {
            found = nil
        }
        guard let found, let src = words.pictureFile(found.picture) else { return nil }
        return PictureView(src: src, alt: try words.catalogue.text("safeHouse.picture", ["name": words.name(id)]), field: found.field)
    }
}

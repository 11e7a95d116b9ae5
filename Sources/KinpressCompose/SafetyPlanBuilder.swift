import KinpressCase
import KinpressSupport

/// The safety plan: why it is needed, what it aims for, who is in the network, the rules by
/// area, warning signs, who to call, reviews and signatures.
struct SafetyPlanBuilder {
    let words: Words

    struct View {
        /// The document's title, language and case facts, and who it is for.
        var header: HeaderView
        /// The string catalogue: `strings.plan.why.heading`.
        var strings: [String: Any]
        /// Headings that depend on the service (worry or danger statements).
        var service: [String: Any]
        /// The opening paragraph.
        var intro: String
        /// When the plan was agreed.
        var agreed: String?
        /// The worries the plan answers, numbered as in the assessment.
        var worries: [DangerView]
        /// The safety goals.
        var goals: [GoalView]
        /// The safety network, with how to reach each person.
        var network: [PersonView]
        /// In the chair's copy of a pack, the network in one sentence, pointing to the network
        /// map's table in place of a second table of the same people.
        var networkInMap: String?
        /// The map of the people around the children, drawing the safety network only.
        var networkMap: NetworkMapView
        /// The rules, grouped by the part of life they are about.
        var areas: [AreaView]
        /// Signs that things are going wrong, and what to do.
        var warningSigns: [WarningView]
        /// Who to call in an emergency.
        var emergencyContacts: [EmergencyView]
        /// When the plan will be looked at again.
        var reviews: [ReviewView]
        /// Who signs the plan.
        var signatures: [SignatureView]
        /// Said once under the table when someone in it has no number or email written.
        var noContact: String?
        /// A child's copy: a short plan in the child's words in place of the adults' tables.
        var childPlan: ChildPlanView?
    }

    /// The child's own plan: what the grown-ups will do, who helps and how to reach them, and
    /// what the child can do.
    struct ChildPlanView {
        /// Each rule, with who makes sure of it and how the child will know.
        var grownUps: [ChildRuleView]
        /// "Mum: 07700 900462", a line for each person in the safety network.
        var helpers: [String]
        /// "If a rule is not kept, or you feel worried or scared, you can tell Mum, Nan or Hannah."
        var tell: String
        /// "Childline: 0800 1111", a line for each number in the plan.
        var calls: [String]
    }

    struct ChildRuleView {
        /// The rule.
        var rule: String
        /// "Mum and Nan make sure this happens."
        var whoDoes: String
        /// "How you will know: …", when the plan says.
        var howYouKnow: String?
    }

    func view() throws(TemplateError) -> View {
        let catalogue = words.catalogue
        let file = words.visible.file
        let plan = file.safetyPlan
        let children = try words.childrenNames()
        let title = if let plan, plan.title != SafetyPlan.defaultTitle { Bidi.isolate(plan.title) } else { try catalogue.text("plan.defaultTitle") }
        let header = try words.header(title: title, runningTitle: title)

        let assessment = file.assessment
        // The worries as the assessment gives them (numbered the same), and each goal saying
        // which worry it answers.
        var numbers: [String: Int] = [:]
        for (index, danger) in (assessment?.dangerStatements ?? []).enumerated() { numbers[danger.id] = index + 1 }
        let worries = try (assessment?.dangerStatements ?? []).enumerated().map { index, danger throws(TemplateError) in
            try words.danger(danger, number: index + 1, goals: [])
        }
        let goals = try (assessment?.safetyGoals ?? []).map { goal throws(TemplateError) in try words.goal(goal, numbers: numbers) }
        let network = try file.people.filter(\.inSafetyNetwork).map { person throws(TemplateError) in
            let contacts = [person.phone, person.email].compactMap { $0?.value }.map(Bidi.leftToRight)
            return PersonView(name: try words.name(person.id), relationship: Bidi.isolate(person.relationship),
                              contact: contacts.joined(separator: ", "))
        }
        var areas: [AreaView] = []
        for rule in (plan?.rules ?? []) {
            let view = RuleView(
                rule: Bidi.isolate(rule.rule), why: rule.why.map(Bidi.isolate), who: try words.names(rule.who), when: rule.when.map(Bidi.isolate),
                howWeCheck: rule.howWeCheck.map(Bidi.isolate), howChildKnows: rule.howChildKnows.map(Bidi.isolate), ifBroken: rule.ifBroken.map(Bidi.isolate))
            let area = rule.area.map(Bidi.isolate)
            if let index = areas.firstIndex(where: { $0.area == area }) { areas[index].rules.append(view) } else { areas.append(AreaView(area: area, rules: [view])) }
        }
        return View(
            header: header, strings: words.strings, service: words.serviceWords(),
            intro: try catalogue.text("plan.intro", ["children": children]),
            agreed: try plan?.agreedOn.map { d throws(TemplateError) in try catalogue.text("plan.agreed", ["date": words.date(d)]) },
            worries: worries, goals: goals, network: network,
            networkInMap: words.inPack && words.audience == .professional && !network.isEmpty
                ? try catalogue.text("chair.networkInMap", ["names": words.names(file.people.filter(\.inSafetyNetwork).map(\.id))]) : nil,
            networkMap: try words.networkMap(showing: \.inSafetyNetwork), areas: areas,
            warningSigns: (plan?.warningSigns ?? []).map { WarningView(sign: Bidi.isolate($0.sign), whatToDo: Bidi.isolate($0.whatToDo)) },
            emergencyContacts: (plan?.emergencyContacts ?? []).map { EmergencyView(name: $0.name, number: Bidi.leftToRight($0.number), when: Bidi.isolate($0.when)) },
            reviews: try (plan?.reviews ?? []).map { review throws(TemplateError) in ReviewView(date: try words.date(review.date), what: Bidi.isolate(review.what)) },
            signatures: try (plan?.signatures ?? []).map { id throws(TemplateError) in SignatureView(name: try words.name(id), role: try role(id)) },
            noContact: network.contains { $0.contact.isEmpty } ? try catalogue.text("plan.noContact", ["worker": words.reachable(file.case.worker)]) : nil,
            childPlan: words.audience == .child ? try childPlan(plan, network: network) : nil)
    }

    /// The plan a child reads: never the adults' tables, a sentence or two for each thing.
    private func childPlan(_ plan: SafetyPlan?, network: [PersonView]) throws(TemplateError) -> ChildPlanView {
        let catalogue = words.catalogue
        var rules: [ChildRuleView] = []
        for rule in plan?.rules ?? [] {
            rules.append(ChildRuleView(
                rule: Bidi.isolate(rule.rule),
                whoDoes: try catalogue.pluralSentence("plan.child.whoDoes", count: rule.who.count, ["who": words.names(rule.who)]),
                howYouKnow: try rule.howChildKnows.map { text throws(TemplateError) in try catalogue.text("plan.child.howYouKnow", ["text": text]) }))
        }
        let helpers = try network.map { person throws(TemplateError) in
            person.contact.isEmpty ? person.name : try catalogue.text("plan.child.line", ["name": person.name, "how": person.contact])
        }
        let file = words.visible.file
        let people = try file.people.filter(\.inSafetyNetwork).map { person throws(TemplateError) in try words.name(person.id) } + [try words.name(file.case.worker)]
        var seen: Set<String> = []
        let tell = try catalogue.text("plan.child.tell", ["people": catalogue.list(people.filter { seen.insert($0).inserted })])
        let calls = try (plan?.emergencyContacts ?? []).map { contact throws(TemplateError) in
            try catalogue.text("plan.child.line", ["name": Bidi.isolate(contact.name), "how": Bidi.leftToRight(contact.number)])
        }
        return ChildPlanView(grownUps: rules, helpers: helpers, tell: tell, calls: calls)
    }

    private func role(_ id: String) throws(TemplateError) -> String {
        switch words.visible.party(id) {
        case .person(let person)?: return Bidi.isolate(person.relationship)
        case .child?: return try words.catalogue.text("roles.childSigning")
        default: return ""
        }
    }
}

import KinpressCase

/// The safety plan: why it is needed, what it aims for, who is in the network, the rules by
/// area, warning signs, who to call, reviews and signatures.
struct SafetyPlanBuilder {
    let words: Words

    struct View {
        var header: HeaderView
        var strings: [String: Any]
        var service: [String: Any]
        var intro: String
        var agreed: String?
        var worries: [DangerView]
        var goals: [GoalView]
        var network: [PersonView]
        var networkMap: NetworkMapView
        var areas: [AreaView]
        var warningSigns: [WarningView]
        var emergencyContacts: [EmergencyView]
        var reviews: [ReviewView]
        var signatures: [SignatureView]
        /// Said once under the table when someone in it has no number or email written.
        var noContact: String?
    }

    func view() throws(TemplateError) -> View {
        let catalogue = words.catalogue
        let file = words.visible.file
        let plan = file.safetyPlan
        let children = try words.childrenNames()
        let title = if let plan, plan.title != SafetyPlan.defaultTitle { isolated(plan.title) } else { try catalogue.text("plan.defaultTitle") }
        let header = try words.header(title: title, runningTitle: title)

        let assessment = file.assessment
        let worries = try (assessment?.dangerStatements ?? []).enumerated().map { index, danger throws(TemplateError) in
            DangerView(id: "worry-\(index + 1)", heading: try catalogue.text("danger.heading", ["number": String(index + 1)]),
                       paragraphs: try words.statementText(danger), ifNothingChanges: nil, disputed: nil, familyView: [], goals: [])
        }
        let goals = try (assessment?.safetyGoals ?? []).map { goal throws(TemplateError) in try words.goal(goal, answers: nil) }
        let network = try file.people.filter(\.inSafetyNetwork).map { person throws(TemplateError) in
            let contacts = [person.phone, person.email].compactMap { $0?.value }.map(clean).map(leftToRight)
            return PersonView(name: try words.name(person.id), relationship: isolated(person.relationship),
                              contact: contacts.joined(separator: ", "))
        }
        var areas: [AreaView] = []
        for rule in (plan?.rules ?? []) {
            let view = RuleView(
                rule: isolated(rule.rule), why: rule.why.map(isolated), who: try words.names(rule.who), when: rule.when.map(isolated),
                howWeCheck: rule.howWeCheck.map(isolated), howChildKnows: rule.howChildKnows.map(isolated), ifBroken: rule.ifBroken.map(isolated))
            let area = rule.area.map(isolated)
            if let index = areas.firstIndex(where: { $0.area == area }) { areas[index].rules.append(view) } else { areas.append(AreaView(area: area, rules: [view])) }
        }
        return View(
            header: header, strings: words.strings, service: words.serviceWords(),
            intro: try catalogue.text("plan.intro", ["children": children]),
            agreed: try plan?.agreedOn.map { d throws(TemplateError) in try catalogue.text("plan.agreed", ["date": words.date(d)]) },
            worries: worries, goals: goals, network: network, networkMap: try words.networkMap(showing: \.inSafetyNetwork), areas: areas,
            warningSigns: (plan?.warningSigns ?? []).map { WarningView(sign: isolated($0.sign), whatToDo: isolated($0.whatToDo)) },
            emergencyContacts: (plan?.emergencyContacts ?? []).map { EmergencyView(name: clean($0.name), number: leftToRight(clean($0.number)), when: isolated($0.when)) },
            reviews: try (plan?.reviews ?? []).map { review throws(TemplateError) in ReviewView(date: try words.date(review.date), what: isolated(review.what)) },
            signatures: try (plan?.signatures ?? []).map { id throws(TemplateError) in SignatureView(name: try words.name(id), role: try role(id)) },
            noContact: network.contains { $0.contact.isEmpty } ? try catalogue.text("plan.noContact", ["worker": words.name(file.case.worker)]) : nil)
    }

    private func role(_ id: String) throws(TemplateError) -> String {
        switch words.visible.party(id) {
        case .person(let person)?: return isolated(person.relationship)
        case .child?: return try words.catalogue.text("roles.childSigning")
        default: return ""
        }
    }
}

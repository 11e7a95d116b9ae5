import KinpressCase
import KinpressSupport

/// The pack for the safety network — the family and friends asked to help keep the children
/// safe: why they have been asked, the worries, the goals, what must happen, the rules and the
/// part each of them is asked to play, the warning signs and what to do, and the dates. It
/// holds what the network may read (`Audience.network`), and a child's own record only where
/// the child agreed to share it with the network.
struct NetworkPackBuilder {
    let words: Words

    struct View {
        /// The document's title, language and case facts, and who it is for.
        var header: HeaderView
        /// The string catalogue: `strings.networkPack.why`.
        var strings: [String: Any]
        /// Headings that depend on the service (worry or danger statements).
        var service: [String: Any]
        /// "You have been asked to help keep Mason safe …".
        var intro: String
        /// Why they have been asked, a paragraph each.
        var why: [String]
        /// The safety plan's parts the network reads: its worries, goals, network, rules,
        /// warning signs, numbers and reviews.
        var plan: SafetyPlanBuilder.View
        /// What must happen, whatever else changes.
        var bottomLines: [StatementView]
        /// Each member of the network and the rules they are named in.
        var roles: [RoleView]
        /// What each child says, where the child agreed to share it with the network.
        var voices: [VoiceView]
        /// "What Mason says", or for several children "What the children say".
        var voiceHeading: String
        /// The dates ahead: meetings, looking at the plan again, the safety journey.
        var dates: [String]
    }

    /// What one person in the network is asked to do.
    struct RoleView {
        /// "Pat Hughes (Mason's nan)".
        var name: String
        /// The parts of the plan whose rules name them, as "Our rules" heads them: "Evenings and nights, Mornings".
        var areas: String
    }

    func view() throws(TemplateError) -> View {
        let catalogue = words.catalogue
        let file = words.visible.file
        let children = try words.childrenNames()
        var plan = try SafetyPlanBuilder(words: words).view()
        let title = try catalogue.text("networkPack.title", ["children": children])
        plan.header = try words.header(title: title, runningTitle: catalogue.text("networkPack.runningTitle", ["children": children]))
        plan.header.subtitle = try catalogue.text("networkPack.subtitle", ["worker": words.name(file.case.worker), "date": words.date(file.case.date)])
        let members = file.people.filter(\.inSafetyNetwork)
        // Each person once, pointing to the parts of "Our rules" they help with, so no rule is
        // printed twice.
        let other = try catalogue.text("plan.rules.other")
        var roles: [RoleView] = []
        for person in members {
            var areas: [String] = []
            for rule in file.safetyPlan?.rules ?? [] where rule.who.contains(person.id) {
                let area = rule.area.map(Bidi.isolate) ?? other
                if !areas.contains(area) { areas.append(area) }
            }
            // Commas only: names of parts often hold an "and" themselves ("Food and shopping").
            if !areas.isEmpty {
                roles.append(RoleView(name: try words.described(person.id), areas: areas.joined(separator: try catalogue.text("join.comma"))))
            }
        }
        var dates: [String] = []
        if let meeting = try words.meeting(), let date = file.meeting?.date, date >= file.case.date { dates.append(meeting.sentence) }
        if !(file.meeting?.outcome?.next ?? []).isEmpty { dates += try words.nextMeetings() }
        for review in file.safetyPlan?.reviews ?? [] where review.date >= file.case.date {
            dates.append(try catalogue.text("networkPack.review", ["date": words.date(review.date), "what": review.what]))
        }
        for milestone in file.timeline?.journey ?? [] where milestone.status == .planned && milestone.date >= file.case.date {
            dates.append(try catalogue.text("review.milestone", ["date": words.date(milestone.date), "what": milestone.title]))
        }
        return View(
            header: plan.header, strings: words.strings, service: words.serviceWords(),
            intro: try catalogue.text("networkPack.intro", ["children": children]),
            why: [try catalogue.text("networkPack.why", ["children": children]),
                  try catalogue.text("networkPack.whyYou", ["worker": words.reachable(file.case.worker)])],
            plan: plan,
            bottomLines: try (file.assessment?.bottomLines ?? []).map { s throws(TemplateError) in try words.statement(s) },
            // Only a child's words the network may read; no "nothing written down" where a record was not shared.
            roles: roles, voices: try words.voices().filter { $0.nothing == nil },
            voiceHeading: try words.voiceHeading(),
            dates: dates)
    }
}

/// A case with a unique marker in every field some reader must not see. Professional-only
/// content is marked PROFMARK, adults-only content ADULTMARK, and what a child shared with the
/// family and professionals but not with the safety network NETMARK.
let markedCase = """
    format: 1
    case:
      reference: "LEAK-1"
      localAuthority: Example Council
      date: 2026-03-02
      worker: sw
    children:
      - id: ava
        name: Ava
        dateOfBirth: 2019-05-01
        threeHouses:
          - {id: h1, date: 2026-02-01, by: sw, worries: [Ava's worry], goodThings: [Ava's good thing, NETMARK-house], dreams: [], shareWith: [family, conference]}
          - {id: h2, date: 2026-02-02, by: sw, worries: [PROFMARK-house], goodThings: [], dreams: [], shareWith: [family, conference], visibility: professionals}
          - {id: h4, date: 2026-02-04, by: sw, worries: [Ava's worry for the network], goodThings: [], dreams: [], shareWith: [network]}
          - {id: h3, date: 2026-02-03, by: sw, worries: [ADULTMARK-house], goodThings: [], dreams: [], shareWith: [family, conference], visibility: adults}
        safetyHouse:
          - {id: sh1, date: 2026-02-01, by: sw, inside: [{person: mum}, {person: informant}, {person: uncle}], visitors: [], outside: [], rules: [Ava's rule, NETMARK-house-rule], path: {now: 5}, shareWith: [family, conference]}
          - {id: sh2, date: 2026-02-02, by: sw, inside: [{person: mum}], visitors: [], outside: [], rules: [PROFMARK-house-rule], path: {now: 5}, shareWith: [family, conference], visibility: professionals}
          - {id: sh3, date: 2026-02-03, by: sw, inside: [{person: mum}], visitors: [], outside: [], rules: [ADULTMARK-house-rule], path: {now: 5}, shareWith: [family, conference], visibility: adults}
      - {id: hidden-child, name: ADULTMARK-child, dateOfBirth: 2010-01-01, visibility: adults}
    people:
      - id: sw
        name: Sam Okafor
        relationship: Social worker
        kind: professional
        organisation: Example Council
        inSafetyNetwork: true
        phone: {value: "PROFMARK-worker-phone", visibility: professionals}
        email: {value: "ADULTMARK-worker-email", visibility: adults}
        address: "WORKERADDRESS, Civic Centre"
      - id: mum
        name: Jo Reed
        relationship: Ava's mum
        kind: parent
        inSafetyNetwork: true
        phone: {value: "PROFMARK-phone", visibility: professionals}
        email: {value: "ADULTMARK-email", visibility: adults}
        address: {value: "PROFMARK-refuge-address", visibility: professionals}
      - {id: informant, name: PROFMARK-informant, relationship: PROFMARK-relationship, kind: community, visibility: professionals, inSafetyNetwork: true, childCalls: PROFMARK-calls}
      - {id: uncle, name: ADULTMARK-uncle, relationship: ADULTMARK-uncle-relationship, kind: family, visibility: adults, inSafetyNetwork: true,
         address: {value: "UNCLEADDRESS, Hill Road", visibility: adults}}
    assessment:
      harm:
        - Ava was left alone at night.
        - {text: PROFMARK-harm, visibility: professionals, source: informant}
        - {text: ADULTMARK-harm, visibility: adults}
        - {text: The police came., source: informant}
      complicatingFactors: [{text: PROFMARK-complicating, visibility: professionals}]
      strengths: [Jo loves Ava., {text: ADULTMARK-strength, visibility: adults}]
      existingSafety: [{text: PROFMARK-safety, visibility: professionals}]
      dangerStatements:
        - {id: d1, worriedPeople: [sw, informant], worry: Ava could be hurt at night, children: [ava], disputedBy: [informant]}
        - {id: d2, worriedPeople: [sw], worry: PROFMARK-danger, children: [ava], visibility: professionals, familyView: PROFMARK-view}
      safetyGoals:
        - {id: g1, text: A grown-up is always with Ava at night., dangerStatements: [d1]}
        - {id: g2, text: PROFMARK-goal, dangerStatements: [d2], visibility: professionals}
      bottomLines: [{text: PROFMARK-bottom-line, visibility: professionals}]
      nextSteps:
        - {text: Jo to see her doctor., who: [mum, informant]}
        - {text: PROFMARK-step, who: [sw], visibility: professionals}
      scaling:
        - id: s1
          question: How safe is Ava?
          zero: Not safe
          ten: Safe
          scores:
            - {person: mum, score: 6, said: Things are better.}
            - {person: informant, score: 3, said: It is getting better.}
            - {person: sw, score: 4, said: PROFMARK-score, visibility: professionals}
        - {id: s2, question: PROFMARK-scale, zero: a, ten: b, visibility: professionals, scores: [{person: sw, score: 5}]}
      grey: [{text: PROFMARK-grey, visibility: professionals}, {text: ADULTMARK-grey, visibility: adults}]
    safetyPlan:
      rules:
        - {id: r1, area: Nights, rule: A grown-up stays with Ava., who: [mum, informant]}
        - {id: r2, area: PROFMARK-area, rule: PROFMARK-rule, who: [sw], visibility: professionals}
        - {id: r3, rule: ADULTMARK-rule, who: [uncle], visibility: adults}
      warningSigns: [{sign: PROFMARK-sign, whatToDo: PROFMARK-do, visibility: professionals}]
      emergencyContacts: [{name: PROFMARK-contact, number: "01632 960000", when: PROFMARK-when, visibility: professionals}]
      reviews: [{date: 2026-05-01, what: PROFMARK-review, visibility: professionals}]
      signatures: [mum, informant, uncle]
    timeline:
      events: [{date: 2026-01-10, title: PROFMARK-event, kind: worry, visibility: professionals}]
    wordsAndPictures:
      - id: st1
        child: ava
        pages:
          - {text: Mum and Ava made a plan.}
          - {text: PROFMARK-page, visibility: professionals}
          - {text: ADULTMARK-page, heading: ADULTMARK-heading, visibility: adults}
    meeting:
      kind: core-group
      date: 2026-03-20
      chair: sw
      invited: [mum, informant, uncle, ava, sw]
      reportsFrom: [{person: informant, title: PROFMARK-report, visibility: professionals}]
      views: [{person: mum, said: Things are better.}, {person: sw, said: PROFMARK-view-said, visibility: professionals}, {person: uncle, said: ADULTMARK-view-said, visibility: adults}]
      outcome:
        decidedOn: 2026-03-20
        decisions: [{child: ava, plan: child-protection, category: neglect, reasons: Ava was left alone at night.}]
        dissent: [{person: mum, why: I think Ava is safe now.}]
        next: [{kind: review-conference, date: 2026-06-19}]
        coreGroup: [mum, sw, informant, uncle]
    """

/// The council profile's shape (`council.yaml`): checked by the same checker as a case file, so
/// its problems come with line, column and field, and unknown keys are errors.
enum CouncilFormat {
    static let regions = ["england-and-wales", "scotland", "northern-ireland"]

    static let contact = ObjectShape(name: "councilContact", noun: "contact", fields: [
        .optional("name", .text, "who answers, such as a service's name"),
        .optional("phone", .text, "a phone number, as it is dialled"),
        .optional("email", .text, "an email address"),
        .optional("web", .text, "a web address"),
        .optional("hours", .text, "when it answers, in words"),
    ], rules: [.atLeastOne(["phone", "email", "web"])])

    static let profile = ObjectShape(name: "council", noun: "council profile", fields: [
        .required("name", .text, "the council's name, as it is printed"),
        .optional("matches", .list(.text, minimumCount: 1), "the case.localAuthority values it serves", default: .constant(.array([]))),
        .optional("logo", .picture, "a PNG or SVG file in the profile's folder"),
        .optional("logoDescription", .text, "what the logo shows, for screen readers"),
        .optional("accent", .colour, "the colour of headings and rules: at least 4.5:1 on white"),
        .optional("contact", .object(contact), "the team's phone, email and hours"),
        .optional("outOfHours", .object(contact), "who answers when the team is closed"),
        .optional("complaints", .object(contact), "how to complain"),
        .optional("otherFormats", .text, "how to ask for large print, easy read, audio or another language"),
        .optional("advocacy", .object(contact), "the advocacy service"),
        .optional("returnAddress", .text, "the address letters come from"),
        .optional("bankHolidays", .either(.choice(regions), .list(.date(partial: false), minimumCount: 0)),
                  "england-and-wales, scotland, northern-ireland, or a list of dates"),
    ], rules: [.presentWith(field: "logo", then: "logoDescription")])
}

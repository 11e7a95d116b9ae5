/// What a value in the case format must be. One description drives the checker (types,
/// unknown keys, required fields, limits), the defaults, and the JSON Schema, so the three
/// cannot drift apart.
indirect enum Shape: Sendable {
    /// Text of at most 10,000 characters. A bare number is read as its digits (`number: 999`).
    case text
    /// Text the family reads, which may be given in several languages: a text, or a map from
    /// language tag to text (`{en: …, pl: …}`). Each document picks its reader's language.
    case translatable
    /// An id that other values may refer to. Which kind of thing it names comes from the object.
    case identifier
    /// The id of something defined elsewhere in the file.
    case reference(ReferenceTarget)
    /// `YYYY-MM-DD`; `YYYY-MM` and `YYYY` too when `partial`.
    case date(partial: Bool)
    case boolean
    case integer(ClosedRange<Int>)
    /// 0 to 10 in steps of a half.
    case score
    case choice([String])
    /// A BCP 47 language tag.
    case language
    /// A path relative to the case file's folder, or `pictogram:NAME`.
    case picture
    /// `#RRGGBB`, dark enough for text on white (at least 4.5:1).
    case colour
    /// One of two shapes, told apart by whether the value is a list: `bankHolidays` is a
    /// region's name or a list of dates.
    case either(Shape, Shape)
    case list(Shape, minimumCount: Int)
    case object(ObjectShape)
    /// A bare text is shorthand for an object with only `field` set: `- "Ava is safe"`.
    case textOrObject(ObjectShape, field: String)
    /// Anything at all; Kinpress ignores it (`extensions`).
    case anything
}

extension Shape {
    /// Text a person writes: left out with a warning when a case-management system exports it empty.
    var isText: Bool {
        switch self {
        case .text, .translatable, .textOrObject: return true
        default: return false
        }
    }
}

/// Which ids a reference may name.
enum ReferenceTarget: Sendable {
    /// An entry of `people`.
    case person
    /// An entry of `people` or of `children`: anyone in the story.
    case personOrChild
    case child
    case dangerStatement
    /// A rule in `safetyPlan.rules`.
    case rule

    var spaces: Set<IDSpace> {
        switch self {
        case .person: return [.person]
        case .personOrChild: return [.person, .child]
        case .child: return [.child]
        case .dangerStatement: return [.dangerStatement]
        case .rule: return [.rule]
        }
    }

    /// Said in messages: `"x" is not the id of anyone in people`.
    var wording: String {
        switch self {
        case .person: return "anyone in people"
        case .personOrChild: return "anyone in people or children"
        case .child: return "a child in children"
        case .dangerStatement: return "a danger statement in assessment.dangerStatements"
        case .rule: return "a rule in safetyPlan.rules"
        }
    }
}

/// The kind of thing an id names; every id is unique across the whole file.
enum IDSpace: Sendable, Hashable {
    case person, child, dangerStatement, rule, other
}

/// A value filled in when a field is left out.
enum DefaultValue: Sendable {
    case constant(JSONValue)
    /// Depends on another field of the same object: a person's `circle` on their `kind`.
    case derived(from: String, values: [String: JSONValue], otherwise: JSONValue)
}

struct Field: Sendable {
    var name: String
    var shape: Shape
    var required: Bool
    var defaultValue: DefaultValue?
    /// One line for the JSON Schema's description.
    var summary: String

    static func required(_ name: String, _ shape: Shape, _ summary: String) -> Field {
        Field(name: name, shape: shape, required: true, defaultValue: nil, summary: summary)
    }

    static func optional(_ name: String, _ shape: Shape, _ summary: String, default defaultValue: DefaultValue? = nil) -> Field {
        Field(name: name, shape: shape, required: false, defaultValue: defaultValue, summary: summary)
    }
}

/// A rule that ties fields of one object together.
enum ObjectRule: Sendable {
    /// At least one of these fields must be present.
    case atLeastOne([String])
    /// When `field` is present, `then` must be too.
    case presentWith(field: String, then: String)
    /// When `field` has the value `equals`, `then` must be present.
    case requiredWhen(field: String, equals: String, then: String)
}

extension ObjectShape {
    /// What a bare value standing for this object (`.textOrObject`) may be: its `field`'s
    /// reference, or any text the family reads.
    func bareShape(_ field: String) -> Shape {
        if case .reference(let target)? = fields.first(where: { $0.name == field })?.shape { return .reference(target) }
        return .translatable
    }
}

struct ObjectShape: Sendable {
    /// The name used in the JSON Schema's `$defs`.
    var name: String
    /// Said in messages: `"whoo" is not a field of a safety plan rule`.
    var noun: String
    var fields: [Field]
    var rules: [ObjectRule] = []
    /// What the object's `id` names, when it has one.
    var idSpace: IDSpace = .other

    func field(named name: String) -> Field? {
        fields.first { $0.name == name }
    }
}

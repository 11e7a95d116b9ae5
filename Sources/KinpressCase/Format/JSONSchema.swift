import Foundation

/// Writes the JSON Schema (draft 2020-12) of the case format from the same shapes the checker
/// uses. The schema cannot say everything the checker does — ids being unique, references
/// resolving, picture files existing, dates being real days — and says so in its description.
public enum CaseFormatSchema {
    /// The schema as pretty-printed JSON with sorted keys, ending in a newline.
    public static func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding a JSONValue tree cannot fail: it holds only strings, numbers, booleans and containers.
        let data = (try? encoder.encode(document())) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func document() -> JSONValue {
        var definitions: [(String, JSONValue)] = []
        var seen: Set<String> = []
        collect(CaseFormat.file, into: &definitions, seen: &seen)
        var root = object(CaseFormat.file)
        guard case .object(var pairs) = root else { return root }
        pairs.insert(("$schema", .string("https://json-schema.org/draft/2020-12/schema")), at: 0)
        pairs.append(("$id", .string("urn:kinpress:case-format:1")))
        pairs.append(("title", .string("Kinpress case file, format 1")))
        pairs.append(("description", .string("One family's case at one date. Beyond this schema, Kinpress also checks that every id is unique, that every reference names an id of the right kind, that dates are real days, and that picture files exist inside the case file's folder.")))
        pairs.append(("$defs", .object(definitions.sorted { $0.0 < $1.0 })))
        root = .object(pairs)
        return root
    }

    private static func collect(_ shape: ObjectShape, into definitions: inout [(String, JSONValue)], seen: inout Set<String>) {
        for field in shape.fields {
            var nested = field.shape
            while true {
                switch nested {
                case .list(let item, _): nested = item; continue
                case .object(let object), .textOrObject(let object, _):
                    if seen.insert(object.name).inserted {
                        definitions.append((object.name, Self.object(object)))
                        collect(object, into: &definitions, seen: &seen)
                    }
                default: break
                }
                break
            }
        }
    }

    private static func object(_ shape: ObjectShape) -> JSONValue {
        var properties: [(String, JSONValue)] = []
        for field in shape.fields {
            var schema = value(field.shape)
            if case .object(var pairs) = schema {
                pairs.append(("description", .string(field.summary)))
                if case .constant(let value)? = field.defaultValue { pairs.append(("default", value)) }
                schema = .object(pairs)
            }
            if !field.required {
                // Kinpress reads a field written with no value (`fullName:`) as left out, and an
                // empty text (`detail: ""`) too, with a warning.
                var absent: [JSONValue] = [.object([("type", .string("null"))])]
                if field.shape.isText { absent.append(.object([("type", .string("string")), ("pattern", .string(#"^\s*$"#))])) }
                schema = .object([("anyOf", .array([schema] + absent))])
            }
            properties.append((field.name, schema))
        }
        var pairs: [(String, JSONValue)] = [
            ("type", .string("object")),
            ("properties", .object(properties)),
            ("additionalProperties", .bool(false)),
        ]
        let required = shape.fields.filter(\.required).map { JSONValue.string($0.name) }
        if !required.isEmpty { pairs.append(("required", .array(required))) }
        var conditions: [JSONValue] = []
        for rule in shape.rules {
            switch rule {
            case .atLeastOne(let names):
                conditions.append(.object([("anyOf", .array(names.map { .object([("required", .array([.string($0)]))]) }))]))
            case .presentWith(let field, let then):
                pairs.append(("dependentRequired", .object([(field, .array([.string(then)]))])))
            case .requiredWhen(let field, let equals, let then):
                conditions.append(.object([
                    ("if", .object([("properties", .object([(field, .object([("const", .string(equals))]))])), ("required", .array([.string(field)]))])),
                    ("then", .object([("required", .array([.string(then)]))])),
                ]))
            }
        }
        if !conditions.isEmpty { pairs.append(("allOf", .array(conditions))) }
        return .object(pairs)
    }

    private static func reference(_ name: String) -> JSONValue {
        .object([("$ref", .string("#/$defs/\(name)"))])
    }

    private static let fullDatePattern = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
    private static let partialDatePattern = "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
    private static let picturePathPattern = #"^(?!pictogram:)(?![/\\])(?![A-Za-z]:)(?!(.*[/\\])?\.\.([/\\]|$)).*\.([Pp][Nn][Gg]|[Jj][Pp][Ee]?[Gg]|[Ss][Vv][Gg])$"#

    private static func value(_ shape: Shape) -> JSONValue {
        switch shape {
        case .text:
            return .object([("type", .array([.string("string"), .string("number")])), ("pattern", .string(#"\S"#)), ("maxLength", .integer(CaseFormat.maximumTextLength))])
        case .translatable:
            let languages: JSONValue = .object([
                ("type", .string("object")), ("minProperties", .integer(1)),
                ("propertyNames", .object([("pattern", .string(FormatChecker.languagePattern))])),
                ("additionalProperties", value(.text)),
            ])
            return .object([("anyOf", .array([value(.text), languages]))])
        case .identifier, .reference:
            return .object([("type", .string("string")), ("pattern", .string(CaseFormat.idPattern))])
        case .date(let partial):
            let text: JSONValue = .object([("type", .string("string")), ("pattern", .string(partial ? partialDatePattern : fullDatePattern))])
            guard partial else { return text }
            return .object([("anyOf", .array([text, .object([("type", .string("integer")), ("minimum", .integer(1000)), ("maximum", .integer(9999))])]))])
        case .boolean:
            return .object([("type", .string("boolean"))])
        case .integer(let range):
            if range.count == 1 { return .object([("const", .integer(range.lowerBound))]) }
            return .object([("type", .string("integer")), ("minimum", .integer(range.lowerBound)), ("maximum", .integer(range.upperBound))])
        case .score:
            return .object([("type", .string("number")), ("minimum", .integer(0)), ("maximum", .integer(10)), ("multipleOf", .number(0.5))])
        case .choice(let values):
            return .object([("enum", .array(values.map(JSONValue.string)))])
        case .language:
            return .object([("type", .string("string")), ("pattern", .string(FormatChecker.languagePattern))])
        case .picture:
            let pictograms = "^pictogram:(" + CaseFormat.pictograms.joined(separator: "|") + ")$"
            return .object([("type", .string("string")), ("anyOf", .array([
                .object([("pattern", .string(pictograms))]),
                .object([("pattern", .string(picturePathPattern))]),
            ]))])
        case .colour:
            return .object([("type", .string("string")), ("pattern", .string("^#[0-9A-Fa-f]{6}$"))])
        case .either(let first, let second):
            return .object([("anyOf", .array([value(first), value(second)]))])
        case .list(let item, let minimumCount):
            var pairs: [(String, JSONValue)] = [("type", .string("array")), ("items", value(item))]
            if minimumCount > 0 { pairs.append(("minItems", .integer(minimumCount))) }
            return .object(pairs)
        case .object(let object):
            return .object([("allOf", .array([reference(object.name)]))])
        case .textOrObject(let object, let field):
            return .object([("anyOf", .array([value(object.bareShape(field)), reference(object.name)]))])
        case .anything:
            return .object([])
        }
    }
}

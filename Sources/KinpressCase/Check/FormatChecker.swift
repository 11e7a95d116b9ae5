import Foundation

/// Checks a source tree against the format's shapes in one pass, collecting every problem, and
/// produces the checked value with defaults applied. Ids, references and picture files are
/// gathered on the way and checked once the whole file has been seen.
struct FormatChecker {
    let fileName: String
    /// Where pictures are looked up; nil skips the picture-file checks.
    let pictureFiles: PictureFiles?
    private(set) var problems: [Diagnostic] = []
    private var definitions: [(id: String, space: IDSpace, path: FieldPath, location: SourceLocation)] = []
    private var references: [(id: String, target: ReferenceTarget, path: FieldPath, location: SourceLocation)] = []
    private var pictures: [(path: String, field: FieldPath, location: SourceLocation)] = []
    /// Where each value was written, so later checks on the model can point at it.
    private(set) var locations: [FieldPath: SourceLocation] = [:]
    /// Whether any text is given in several languages (each document then picks one).
    private(set) var hasTranslations = false

    init(fileName: String, pictures: PictureFiles?) {
        self.fileName = fileName
        self.pictureFiles = pictures
    }

    /// Checks the whole file (a case file, unless `root` says otherwise); returns the checked
    /// value, or nil where the top level is unusable.
    mutating func check(file node: SourceNode, root: ObjectShape = CaseFormat.file) -> JSONValue? {
        let value = check(node, .object(root), at: .root)
        checkIdentifiers()
        checkPictureFiles()
        return value
    }

    mutating func report(_ code: Diagnostic.Code, _ path: FieldPath, _ location: SourceLocation?, _ message: String) {
        problems.append(Diagnostic(severity: .error, code: code, file: fileName, location: location, path: path, message: message))
    }

    // MARK: Values

    private mutating func check(_ node: SourceNode, _ shape: Shape, at path: FieldPath, idSpace: IDSpace = .other) -> JSONValue? {
        locations[path] = node.location
        switch shape {
        case .anything:
            return nil
        case .object(let object):
            guard case .mapping(let pairs) = node.value else { return wrongType(node, expected: "a group of fields (a mapping of name: value lines)", at: path) }
            return check(pairs, object, at: path, location: node.location)
        case .textOrObject(let object, let field):
            if case .mapping(let pairs) = node.value, !Self.isTranslationMap(pairs, of: object) {
                return check(pairs, object, at: path, location: node.location)
            }
            // The bare value is that one field: a text, or a reference, resolved as any is.
            guard let value = check(node, object.bareShape(field), at: path) else { return nil }
            return withDefaults([(field, value)], object, at: path)
        case .translatable:
            guard case .mapping(let pairs) = node.value else { return checkText(node, at: path) }
            return checkTranslations(pairs, at: path, location: node.location)
        case .list(let item, let minimumCount):
            guard case .sequence(let items) = node.value else { return wrongType(node, expected: "a list (lines starting with \"- \", or [ ])", at: path) }
            if items.count < minimumCount {
                report(.invalidValue, path, node.location, "\(path.lastKey ?? "the list") is empty; it needs at least \(minimumCount) \(minimumCount == 1 ? "entry" : "entries")")
            }
            var checked: [JSONValue] = []
            for (index, element) in items.enumerated() {
                if let value = check(element, item, at: path.appending(index)) { checked.append(value) }
            }
            return .array(checked)
        case .text:
            return checkText(node, at: path)
        case .either(let first, let second):
            let isList = { (shape: Shape) -> Bool in if case .list = shape { return true } else { return false } }
            if case .sequence = node.value { return check(node, isList(first) ? first : second, at: path) }
            return check(node, isList(first) ? second : first, at: path)
        default:
            guard case .scalar(let scalar) = node.value else {
                return wrongType(node, expected: Self.expectation(shape), at: path)
            }
            return check(scalar, shape, at: path, idSpace: idSpace)
        }
    }

    private mutating func check(_ scalar: SourceNode.Scalar, _ shape: Shape, at path: FieldPath, idSpace: IDSpace) -> JSONValue? {
        let node = SourceNode(value: .scalar(scalar), location: scalar.location)
        let text = scalar.text
        switch shape {
        case .text, .translatable:
            return checkText(node, at: path)
        case .identifier, .reference:
            guard isTextual(scalar) else { return wrongType(node, expected: Self.expectation(shape), at: path) }
            if case .reference(let target) = shape {
                references.append((text, target, path, scalar.location))
            } else if text.range(of: CaseFormat.idPattern, options: .regularExpression) == nil {
                return invalid(path, scalar, "\"\(text)\" is not a usable id. Ids use small letters a–z, digits and hyphens, and start with a letter or digit: for example mum-kasia")
            } else {
                definitions.append((text, idSpace, path, scalar.location))
            }
            return .string(text)
        case .date(let partial):
            guard [.text, .timestamp, .integer].contains(scalar.kind) else { return wrongType(node, expected: Self.expectation(shape), at: path) }
            switch CaseDate.parse(text) {
            case .success(let date) where date.day != nil || partial:
                return .string(text)
            case .success:
                return invalid(path, scalar, "\"\(text)\" is not a full date. Write it as YYYY-MM-DD, for example 2026-03-02; only timeline dates may leave out the day or month")
            case .failure(.notADate):
                let form = partial ? "YYYY-MM-DD (or YYYY-MM, or YYYY, when unsure)" : "YYYY-MM-DD"
                return invalid(path, scalar, "\"\(text)\" is not a date. Write dates as \(form), for example 2026-03-02")
            case .failure(.notOnTheCalendar):
                report(.impossibleDate, path, scalar.location, "\"\(text)\" is not a day on the calendar. Check the month and day")
                return nil
            }
        case .boolean:
            guard scalar.kind == .boolean else { return wrongType(node, expected: Self.expectation(shape), at: path) }
            return .bool(["true", "yes", "on"].contains(text.lowercased()))
        case .integer(let range):
            guard let number = Self.number(scalar), number.rounded() == number, let whole = Int(exactly: number) else {
                return wrongType(node, expected: Self.expectation(shape), at: path)
            }
            guard range.contains(whole) else {
                let allowed = range.count == 1 ? "must be \(range.lowerBound)" : "must be a whole number from \(range.lowerBound) to \(range.upperBound)"
                return invalid(path, scalar, "\(text) is not allowed here: it \(allowed)")
            }
            return .integer(whole)
        case .score:
            guard let number = Self.number(scalar) else { return wrongType(node, expected: Self.expectation(shape), at: path) }
            guard (0...10).contains(number), (number * 2).rounded() == number * 2 else {
                return invalid(path, scalar, "\(text) is not a score. Scores go from 0 to 10 in whole or half points, such as 6 or 6.5")
            }
            return number.rounded() == number ? .integer(Int(number)) : .number(number)
        case .choice(let values):
            guard isTextual(scalar) else { return wrongType(node, expected: Self.expectation(shape), at: path) }
            guard values.contains(text) else {
                var message = "\"\(text)\" is not one of the values allowed here: \(values.joined(separator: ", "))"
                if let guess = Self.closest(to: text, in: values) { message += ". Did you mean \(guess)?" }
                return invalid(path, scalar, message)
            }
            return .string(text)
        case .language:
            guard isTextual(scalar) else { return wrongType(node, expected: Self.expectation(shape), at: path) }
            guard Self.isLanguageTag(text) else {
                return invalid(path, scalar, "\"\(text)\" is not a language tag. Use a tag such as en, pl, ar, ur, pa-Guru or pt-BR")
            }
            return .string(text)
        case .picture:
            guard isTextual(scalar) else { return wrongType(node, expected: Self.expectation(shape), at: path) }
            if let name = text.split(separator: ":", maxSplits: 1).last, text.hasPrefix("pictogram:") {
                guard CaseFormat.pictograms.contains(String(name)) else {
                    var message = "there is no pictogram called \"\(name)\""
                    if let guess = Self.closest(to: String(name), in: CaseFormat.pictograms) { message += ". Did you mean pictogram:\(guess)?" }
                    return invalid(path, scalar, message + ". The pictograms are listed in the case format")
                }
                return .string(text)
            }
            if let problem = Self.picturePathProblem(text) { return invalid(path, scalar, problem) }
            pictures.append((text, path, scalar.location))
            return .string(text)
        case .colour:
            guard isTextual(scalar), let colour = Colour(hex: text) else {
                return invalid(path, scalar, "\"\(text)\" is not a colour. Write it as # and six hex digits, such as #1d5c8c")
            }
            let contrast = colour.contrastOnWhite
            guard contrast >= 4.5 else {
                return invalid(path, scalar, "\(text) is too light for text on white: its contrast is \(String(format: "%.1f", contrast)):1 and headings need at least 4.5:1. Choose a darker colour")
            }
            return .string(text)
        default:
            return wrongType(node, expected: Self.expectation(shape), at: path)
        }
    }

    private mutating func checkText(_ node: SourceNode, at path: FieldPath) -> JSONValue? {
        if case .mapping(let pairs) = node.value, pairs.contains(where: { Self.isLanguageTag($0.key.text) }) {
            report(.wrongType, path, node.location, "\(path.lastKey ?? "this field") is written once, the same in every language (only texts the family reads, such as statements, rules and story pages, may be given per language). Write one text")
            return nil
        }
        guard case .scalar(let scalar) = node.value, isTextual(scalar) else {
            return wrongType(node, expected: Self.expectation(.text), at: path)
        }
        let length = scalar.text.unicodeScalars.count
        if length > CaseFormat.maximumTextLength {
            return invalid(path, scalar, "this text is \(length) characters long; a text may be at most \(CaseFormat.maximumTextLength). Shorten it or split it into several entries")
        }
        if Self.isBlank(scalar.text) {
            return invalid(path, scalar, "this text is empty. Write something, or leave the field out")
        }
        if let control = scalar.text.unicodeScalars.first(where: Self.isControl) {
            let code = "U+" + String(format: "%04X", control.value)
            return invalid(path, scalar, "this text holds a control character (\(code)), which cannot be printed and can upset a terminal or a screen reader. Remove it")
        }
        return .string(Self.printable(scalar.text))
    }

    /// A text in several languages: each key a language tag, each value a text.
    private mutating func checkTranslations(_ pairs: [(key: SourceNode.Scalar, value: SourceNode)], at path: FieldPath, location: SourceLocation) -> JSONValue? {
        guard !pairs.isEmpty else {
            report(.invalidValue, path, location, "this text has no language in it. Write the text, or a line per language such as en: …")
            return nil
        }
        var entries: [(String, JSONValue)] = []
        for (key, value) in pairs {
            let entryPath = path.appending(key.text)
            guard Self.isLanguageTag(key.text) else {
                report(.invalidValue, entryPath, key.location, "\"\(key.text)\" is not a language tag. A text in several languages has a line per language, such as en: … and pl: …")
                continue
            }
            guard !entries.contains(where: { $0.0.lowercased() == key.text.lowercased() }) else {
                report(.invalidValue, entryPath, key.location, "\(key.text) is given twice. Keep one text per language")
                continue
            }
            locations[entryPath] = value.location
            if let text = checkText(value, at: entryPath) { entries.append((key.text, text)) }
        }
        hasTranslations = true
        return entries.count == pairs.count ? .object(entries) : nil
    }

    /// A mapping written where a text or an object may stand is a text in several languages when
    /// none of its keys is a field of the object and one is a language tag (the others are then
    /// reported as tags that are not languages).
    private static func isTranslationMap(_ pairs: [(key: SourceNode.Scalar, value: SourceNode)], of object: ObjectShape) -> Bool {
        pairs.allSatisfy { object.field(named: $0.key.text) == nil } && pairs.contains { isLanguageTag($0.key.text) }
    }

    static func isLanguageTag(_ text: String) -> Bool {
        text.range(of: languagePattern, options: .regularExpression) != nil
    }

    /// Empty, or only spaces and line breaks: what case-management systems export for a field
    /// nobody filled in.
    static func isBlank(_ text: String) -> Bool {
        text.allSatisfy(\.isWhitespace)
    }

    /// Characters with no place in printed text: C0 and C1 controls other than tab and line
    /// breaks (NEL, U+0085, is a line break), and DEL.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || ((0x7F...0x9F).contains(value) && value != 0x85)
    }

    /// Text, or something YAML reads as a number or a date, which is taken as written.
    private func isTextual(_ scalar: SourceNode.Scalar) -> Bool {
        [.text, .integer, .float, .timestamp].contains(scalar.kind)
    }

    // MARK: Objects

    private mutating func check(_ pairs: [(key: SourceNode.Scalar, value: SourceNode)], _ object: ObjectShape, at path: FieldPath, location: SourceLocation) -> JSONValue {
        var values: [(String, JSONValue)] = []
        var present: Set<String> = []
        for (key, value) in pairs {
            let fieldPath = path.appending(key.text)
            guard let field = object.field(named: key.text) else {
                let article = object.noun.first.map { "aeiou".contains($0) } == true ? "an" : "a"
                var message = "\"\(key.text)\" is not a field of \(article) \(object.noun)."
                if let guess = Self.closest(to: key.text, in: object.fields.map(\.name)) {
                    message += " Did you mean \(guess)?"
                }
                message += " Fields here: \(object.fields.map(\.name).joined(separator: ", "))"
                if path == .root, object.field(named: "extensions") != nil { message += ". Put your own data under extensions" }
                report(.unknownField, fieldPath, key.location, message)
                continue
            }
            if case .scalar(let scalar) = value.value, scalar.kind == .null {
                if field.required {
                    present.insert(key.text)
                    report(.missingField, fieldPath, key.location, "\(key.text) has no value (it reads as null). A \(object.noun) needs \(key.text): \(field.summary)")
                }
                continue
            }
            if !field.required, field.shape.isText, case .scalar(let scalar) = value.value, scalar.kind == .text, Self.isBlank(scalar.text) {
                locations[fieldPath] = value.location
                problems.append(Diagnostic(severity: .warning, code: .emptyText, file: fileName, location: value.location, path: fieldPath,
                                           message: "\(key.text) is empty, so it is left out. Write it, or leave the line out (render --strict refuses empty texts)"))
                continue
            }
            present.insert(key.text)
            if let checked = check(value, field.shape, at: fieldPath, idSpace: object.idSpace) {
                values.append((key.text, checked))
            }
        }
        for field in object.fields where field.required && !present.contains(field.name) {
            report(.missingField, path.appending(field.name), location, "a \(object.noun) needs \(field.name): \(field.summary). Add a line \(field.name): …")
        }
        for rule in object.rules {
            checkRule(rule, object, present: present, values: values, at: path, location: location)
        }
        return withDefaults(values, object, at: path)
    }

    private mutating func checkRule(_ rule: ObjectRule, _ object: ObjectShape, present: Set<String>, values: [(String, JSONValue)], at path: FieldPath, location: SourceLocation) {
        switch rule {
        case .atLeastOne(let names):
            if present.isDisjoint(with: names) {
                let summaries = names.compactMap { object.field(named: $0) }.map { "\($0.name) (\($0.summary))" }
                report(.missingField, path.appending(names[0]), location, "a \(object.noun) needs \(summaries.joined(separator: " or "))")
            }
        case .presentWith(let field, let then):
            if present.contains(field), !present.contains(then) {
                let summary = object.field(named: then)?.summary ?? ""
                report(.missingField, path.appending(then), location, "a \(object.noun) with a \(field) needs \(then): \(summary)")
            }
        case .requiredWhen(let field, let equals, let then):
            let value = values.first { $0.0 == field }?.1
            if value == .string(equals), !present.contains(then) {
                let summary = object.field(named: then)?.summary ?? ""
                report(.missingField, path.appending(then), location, "a \(object.noun) whose \(field) is \(equals) needs \(then): \(summary)")
            }
        }
    }

    /// Puts the fields in the format's order and fills in defaults for what was left out.
    private func withDefaults(_ values: [(String, JSONValue)], _ object: ObjectShape, at path: FieldPath) -> JSONValue {
        let given = Dictionary(values, uniquingKeysWith: { first, _ in first })
        var result: [(String, JSONValue)] = []
        for field in object.fields {
            if let value = given[field.name] {
                result.append((field.name, value))
                continue
            }
            switch field.defaultValue {
            case .constant(let value)?:
                result.append((field.name, value))
            case .derived(let source, let map, let otherwise)?:
                if case .string(let key)? = given[source] { result.append((field.name, map[key] ?? otherwise)) }
            case nil:
                break
            }
        }
        return .object(result)
    }

    // MARK: Ids, references and pictures

    private mutating func checkIdentifiers() {
        var first: [String: (space: IDSpace, path: FieldPath, location: SourceLocation)] = [:]
        for definition in definitions {
            if let earlier = first[definition.id] {
                report(.duplicateID, definition.path, definition.location, "the id \"\(definition.id)\" is already used by \(earlier.path) (line \(earlier.location.line)). Every id in the file must be different")
            } else {
                first[definition.id] = (definition.space, definition.path, definition.location)
            }
        }
        for reference in references {
            let spaces = reference.target.spaces
            if let found = first[reference.id], spaces.contains(found.space) { continue }
            let known = definitions.filter { spaces.contains($0.space) }.map(\.id)
            var message: String
            if let found = first[reference.id] {
                message = "\"\(reference.id)\" is the id of \(found.path.description.hasPrefix("children") ? "a child" : "something else") (\(found.path)), but this must be the id of \(reference.target.wording)"
            } else {
                message = "\"\(reference.id)\" is not the id of \(reference.target.wording)"
                if let guess = Self.closest(to: reference.id, in: known) { message += ". Did you mean \(guess)?" }
            }
            if known.isEmpty {
                message += ". There is nobody there yet: add them first"
            } else {
                let shown = known.prefix(12).joined(separator: ", ")
                message += ". Known ids: \(shown)\(known.count > 12 ? ", …" : "")"
            }
            report(.unresolvedReference, reference.path, reference.location, message)
        }
    }

    private mutating func checkPictureFiles() {
        switch pictureFiles {
        case nil: return
        case .folder(let folder): checkPictureFiles(in: folder)
        case .given(let files):
            for picture in pictures {
                guard let bytes = PictureFiles.file(PictureFiles.key(picture.path), in: files) else {
                    report(.pictureFile, picture.field, picture.location, "no picture was sent as \(picture.path). Send it with the case, as a part named \(picture.path), or on Kinpress's page choose it with the case file")
                    continue
                }
                if let problem = PictureKind.mismatch(path: picture.path, head: Array(bytes.prefix(512))) {
                    report(.pictureFile, picture.field, picture.location, problem)
                }
            }
        }
    }

    private mutating func checkPictureFiles(in folder: URL) {
        let root = folder.resolvingSymlinksInPath().standardizedFileURL.path
        for picture in pictures {
            let url = folder.appendingPathComponent(picture.path)
            let resolved = url.resolvingSymlinksInPath().standardizedFileURL.path
            guard resolved.hasPrefix(root + "/") else {
                report(.pictureFile, picture.field, picture.location, "\(picture.path) leads outside the case file's folder (through a link). Copy the picture into the folder instead")
                continue
            }
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isFolder), !isFolder.boolValue else {
                report(.pictureFile, picture.field, picture.location, "there is no picture file at \(picture.path) (next to \(fileName)). Check the name, or add the file")
                continue
            }
            guard let handle = FileHandle(forReadingAtPath: resolved) else {
                report(.pictureFile, picture.field, picture.location, "the picture \(picture.path) cannot be opened. Check that it can be read")
                continue
            }
            let head = (try? handle.read(upToCount: 512)) ?? Data()
            try? handle.close()
            if let problem = PictureKind.mismatch(path: picture.path, head: Array(head)) {
                report(.pictureFile, picture.field, picture.location, problem)
            }
        }
    }

    // MARK: Wording

    private mutating func wrongType(_ node: SourceNode, expected: String, at path: FieldPath) -> JSONValue? {
        var message = "expected \(expected), but found \(Self.describe(node))"
        if case .scalar(let scalar) = node.value, scalar.kind == .boolean || scalar.kind == .null, expected.contains("text") || expected.contains("id") {
            message += ". If you mean the words \"\(scalar.text)\", put them in quotes"
        }
        report(.wrongType, path, node.location, message)
        return nil
    }

    private mutating func invalid(_ path: FieldPath, _ scalar: SourceNode.Scalar, _ message: String) -> JSONValue? {
        report(.invalidValue, path, scalar.location, message)
        return nil
    }

    private static func describe(_ node: SourceNode) -> String {
        switch node.value {
        case .sequence: return "a list"
        case .mapping: return "a group of fields"
        case .scalar(let scalar):
            switch scalar.kind {
            case .text, .timestamp: return "the text \"\(scalar.text.prefix(40))\""
            case .integer, .float: return "the number \(scalar.text)"
            case .boolean: return "\(scalar.text), which reads as true or false"
            case .null: return "nothing"
            }
        }
    }

    static func expectation(_ shape: Shape) -> String {
        switch shape {
        case .text: return "text"
        case .translatable: return "text (or a text per language, such as en: … and pl: …)"
        case .identifier: return "an id"
        case .reference(let target): return "the id of \(target.wording)"
        case .date(let partial): return partial ? "a date (YYYY-MM-DD, YYYY-MM or YYYY)" : "a date (YYYY-MM-DD)"
        case .boolean: return "true or false"
        case .integer(let range): return "a whole number from \(range.lowerBound) to \(range.upperBound)"
        case .score: return "a score from 0 to 10"
        case .choice(let values): return "one of \(values.joined(separator: ", "))"
        case .language: return "a language tag such as en or pl"
        case .picture: return "a picture file name or pictogram:NAME"
        case .colour: return "a colour such as #1d5c8c"
        case .either(let first, let second): return "\(expectation(first)) or \(expectation(second))"
        case .list: return "a list"
        case .object, .textOrObject: return "a group of fields"
        case .anything: return "anything"
        }
    }

    private static func number(_ scalar: SourceNode.Scalar) -> Double? {
        guard scalar.kind == .integer || scalar.kind == .float else { return nil }
        return Double(scalar.text.replacingOccurrences(of: "_", with: ""))
    }

    /// Language, optional script, optional region, variants: en, pl, pa-Guru, pt-BR, sr-Latn-RS.
    static let languagePattern = "^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?(-([A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*$"

    /// Why a picture path may not be used, judged from the text alone.
    static func picturePathProblem(_ path: String) -> String? {
        if path.contains("://") || path.lowercased().hasPrefix("data:") {
            return "\(path) is a web address. Kinpress never fetches pictures: save the picture in the folder and give its name, such as pictures/house.png"
        }
        if path.hasPrefix("/") || path.hasPrefix("\\") || path.range(of: "^[A-Za-z]:", options: .regularExpression) != nil {
            return "\(path) is an absolute path. Picture paths are relative to the case file's folder, such as pictures/house.png"
        }
        if path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).contains("..") {
            return "\(path) goes up out of the case file's folder (\"..\"). Keep pictures inside the folder, such as pictures/house.png"
        }
        if PictureKind(fileName: path) == nil {
            return "\(path) is not a PNG, JPEG or SVG file name. Use a picture ending in .png, .jpg, .jpeg or .svg"
        }
        return nil
    }

    /// The nearest name by edit distance, when it is near enough to be a likely typing slip.
    static func closest(to word: String, in candidates: [String]) -> String? {
        let lowered = word.lowercased()
        let scored = candidates.map { ($0, editDistance(lowered, $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, word.count / 3), best.1 < word.count else { return nil }
        return best.0
    }

    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

import Foundation

/// The case stage: reads a case file (JSON or YAML), checks it against format 1, and gives later
/// stages a normalised `Case` — defaults applied, references checked, timelines in date order,
/// ages worked out — or every problem found, each with file, line and field path.
public enum CaseReader {
    /// Reads the file at `url`; problems name it as `displayName` (the name the user typed).
    public static func read(contentsOf url: URL, displayName: String? = nil) -> CaseReading {
        let name = displayName ?? url.lastPathComponent
        let bytes: [UInt8]
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            if (attributes[.type] as? FileAttributeType) == .typeDirectory {
                return CaseReading(problem: "this is a folder, not a case file. Name the .yaml or .json file inside it", file: name)
            }
            if let size = attributes[.size] as? Int, size > SourceFile.maximumBytes {
                return CaseReading(problem: "the file is \(size / 1_048_576) MB; a case file may be at most 20 MB (pictures are not counted)", file: name)
            }
            bytes = Array(try Data(contentsOf: url))
        } catch {
            let reason = FileManager.default.fileExists(atPath: url.path) ? "it cannot be read (check its permissions)" : "there is no such file"
            return CaseReading(problem: "cannot open the file: \(reason)", file: name)
        }
        return read(bytes: bytes, displayName: name, pictures: .folder(url.deletingLastPathComponent()))
    }

    /// Reads a case from bytes. Picture paths are looked up in `folder`; nil skips that check.
    public static func read(bytes: [UInt8], displayName: String, folder: URL?) -> CaseReading {
        read(bytes: bytes, displayName: displayName, pictures: folder.map(PictureFiles.folder))
    }

    /// Reads a case from bytes, its pictures in a folder or sent with it; nil skips the picture
    /// checks.
    public static func read(bytes: [UInt8], displayName: String, pictures: PictureFiles?) -> CaseReading {
        let source = SourceFile(displayName: displayName, bytes: bytes)
        let tree: SourceNode
        do {
            tree = try source.read()
        } catch {
            let problem = Diagnostic(severity: .error, code: .unreadable, file: displayName, location: error.location, path: error.path, message: error.message)
            return CaseReading(fileName: displayName, diagnostics: [problem], case: nil)
        }
        var checker = FormatChecker(fileName: displayName, pictures: pictures)
        let asChecked = checker.check(file: tree)
        var diagnostics = checker.problems
        var file: CaseFile?
        // Texts in several languages are read in English here; each document asks for its own.
        let translated = checker.hasTranslations ? asChecked : nil
        let checked = asChecked.map { checker.hasTranslations ? Translations.choose(["en"], in: $0, shape: .object(CaseFormat.file)) : $0 }
        if let checked {
            do {
                file = try CaseFile(checked: checked)
            } catch where diagnostics.isEmpty {
                diagnostics.append(Diagnostic(severity: .error, code: .unreadable, file: displayName, location: nil, path: .root,
                                              message: "Kinpress accepted the file but could not build the case from it. This is a fault in Kinpress, not in the file: please report it (\(error))"))
            } catch {
                // The file has errors already; the model is only wanted for warnings.
            }
        }
        if let checked {
            diagnostics += PracticeChecks.warnings(for: PracticeChecks.Sections(checked), fileName: displayName, locations: checker.locations)
        }
        diagnostics.sort(by: Diagnostic.readingOrder)
        let hasErrors = diagnostics.contains { $0.severity == .error }
        var reading = CaseReading(fileName: displayName, diagnostics: diagnostics, case: hasErrors ? nil : file.map { Case(file: $0, pictures: pictures, translated: translated) })
        reading.translated = hasErrors ? nil : translated
        reading.locations = checker.locations
        return reading
    }
}

/// What reading one case file gave: the case when it has no errors, and every problem found.
public struct CaseReading: Sendable {
    /// The file's name as the user gave it, as every problem names it.
    public let fileName: String
    public var diagnostics: [Diagnostic]
    /// Nil when any diagnostic is an error.
    public var `case`: Case?
    /// Where each value was written, by field path.
    public internal(set) var locations: [FieldPath: SourceLocation] = [:]
    /// The checked file with its texts in several languages kept as written; nil when every
    /// text is in one language (or there are errors).
    public internal(set) var translated: JSONValue?

    /// The languages a family-facing text at `path` is given in; nil for a text in one language.
    public func languages(at path: FieldPath) -> [String]? {
        guard case .object(let entries)? = translated?.value(at: path) else { return nil }
        return entries.map(\.0)
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
    public var isValid: Bool { errors.isEmpty }

    init(fileName: String, diagnostics: [Diagnostic], case: Case?) {
        self.fileName = fileName
        self.diagnostics = diagnostics
        self.case = `case`
    }

    init(problem: String, file: String) {
        self.init(fileName: file, diagnostics: [Diagnostic(severity: .error, code: .unreadable, file: file, location: nil, path: .root, message: problem)], case: nil)
    }
}

/// A checked case, ready for the audience stage: every reference resolves and each child's age is
/// known. Lists are in the file's order, so a field path read from it names the file's own line;
/// the audience stage puts timelines in date order.
public struct Case: Sendable {
    /// Someone a reference can name.
    public enum Party: Sendable {
        case person(Person)
        case child(Child)
    }

    /// A child's age on the case date, in the words the documents will need.
    public enum Age: Equatable, Sendable {
        /// Not born yet; due on this date.
        case unborn(expected: CaseDate)
        case months(Int)
        case years(Int)
    }

    public private(set) var file: CaseFile
    /// Where the case's pictures are.
    public let pictures: PictureFiles?
    /// The folder picture paths start in.
    public var folder: URL? { pictures?.folder }
    public let ages: [String: Age]
    private let parties: [String: Party]
    /// The checked file with texts in several languages, when it has any.
    private let translated: JSONValue?
    /// The language the case's texts are in: English, or the first given.
    public let textLanguage: String

    /// The case with its texts in `language` where the file gives them so, else English, else
    /// the first language given: the family's documents read their own language.
    public func inLanguage(_ language: String) -> Case {
        guard let translated, language != textLanguage else { return self }
        let chosen = Translations.choose([language, "en"], in: translated, shape: .object(CaseFormat.file))
        // The same checked value decoded before, with other strings: it cannot fail now.
        guard let file = try? CaseFile(checked: chosen) else { return self }
        return Case(file: file, pictures: pictures, translated: translated, textLanguage: language)
    }

    /// Whether some text differs between two languages (a bilingual document prints its English
    /// half only where it says something new).
    public func hasTranslations(_ language: String, _ other: String) -> Bool {
        guard let translated else { return false }
        let shape = Shape.object(CaseFormat.file)
        return Translations.choose([language, "en"], in: translated, shape: shape) != Translations.choose([other, "en"], in: translated, shape: shape)
    }

    init(file: CaseFile, pictures: PictureFiles?, translated: JSONValue? = nil, textLanguage: String = "en") {
        self.translated = translated
        self.textLanguage = textLanguage
        self.file = file
        self.pictures = pictures
        var parties: [String: Party] = [:]
        for person in file.people { parties[person.id] = .person(person) }
        for child in file.children { parties[child.id] = .child(child) }
        self.parties = parties
        var ages: [String: Age] = [:]
        for child in file.children {
            ages[child.id] = Self.age(of: child, on: file.case.date)
        }
        self.ages = ages
    }

    /// The person or child with this id; every id a checked case refers to resolves.
    public func party(_ id: String) -> Party? {
        parties[id]
    }

    static func age(of child: Child, on date: CaseDate) -> Age {
        guard let born = child.dateOfBirth, born <= date else {
            return .unborn(expected: child.expectedDate ?? child.dateOfBirth ?? date)
        }
        let years = born.years(until: date)
        return years >= 2 ? .years(years) : .months(born.months(until: date))
    }
}

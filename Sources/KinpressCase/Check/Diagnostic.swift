/// A line and column in a source file, both counting from one.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// One problem found in a case file, said so that the person who wrote the file can fix it.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable {
        /// The file cannot be rendered until this is fixed.
        case error
        /// The file can be rendered, but something is probably wrong.
        case warning
    }

    /// What sort of problem it is, for programs that read `--json` output.
    public enum Code: String, Sendable, Codable {
        /// The file could not be read as JSON or YAML at all.
        case unreadable
        case unknownField = "unknown-field"
        case missingField = "missing-field"
        case wrongType = "wrong-type"
        case invalidValue = "invalid-value"
        /// Well formed, but not a day on the calendar (2026-02-30).
        case impossibleDate = "impossible-date"
        case duplicateID = "duplicate-id"
        case unresolvedReference = "unresolved-reference"
        /// A picture file is missing, unreadable, outside the case folder or not what its name says.
        case pictureFile = "picture-file"
        /// Readable, but probably not what the worker meant (warnings).
        case practice
        /// An optional text exported empty, read as left out (a warning; `--strict` refuses it).
        case emptyText = "empty-text"
    }

    public var severity: Severity
    public var code: Code
    /// The file's name as the user gave it.
    public var file: String
    /// Nil when the problem is about the whole file (it is empty, or not UTF-8 at all).
    public var location: SourceLocation?
    /// Empty when the problem is not about one field.
    public var path: FieldPath
    /// A plain sentence: what is wrong and how to fix it.
    public var message: String

    public init(severity: Severity, code: Code, file: String, location: SourceLocation?, path: FieldPath, message: String) {
        self.severity = severity
        self.code = code
        self.file = file
        self.location = location
        self.path = path
        self.message = message
    }

    /// `nowak.yaml:88:13: error: safetyPlan.rules[1].who[1]: "x" is not the id of anyone in people.`
    public var description: String {
        Self.line(file: file, location: location, severity: severity.rawValue, path: path, message: message)
    }

    /// One problem as a compiler prints it, for every Kinpress check that points into a case file.
    public static func line(file: String, location: SourceLocation?, severity: String, path: FieldPath, message: String) -> String {
        // A case file's own words may hold control characters (a terminal's escape codes):
        // they are shown as their code, never sent to the screen.
        func visible(_ text: String) -> String {
            String(text.unicodeScalars.map { scalar -> String in
                let value = scalar.value
                return (value < 0x20 && value != 0x09) || (0x7F...0x9F).contains(value) ? "\\u{\(String(value, radix: 16, uppercase: true))}" : String(scalar)
            }.joined())
        }
        return visible(rawLine(file: file, location: location, severity: severity, path: path, message: message))
    }

    private static func rawLine(file: String, location: SourceLocation?, severity: String, path: FieldPath, message: String) -> String {
        var text = file
        if let location { text += ":\(location.line):\(location.column)" }
        text += ": \(severity): "
        if !path.components.isEmpty { text += "\(path): " }
        return text + message
    }

    /// Orders problems as a reader meets them in the file; whole-file problems come first.
    static func readingOrder(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        switch (lhs.location, rhs.location) {
        case (nil, nil): return lhs.message < rhs.message
        case (nil, _): return true
        case (_, nil): return false
        case (let l?, let r?): return l != r ? l < r : lhs.path < rhs.path
        }
    }
}

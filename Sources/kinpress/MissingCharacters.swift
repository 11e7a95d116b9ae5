import Foundation
import KinpressCase
import KinpressCompose
import KinpressSupport

/// Warns about texts with characters no installed font can show, naming the case field each
/// came from (the longest field whose words the text contains), so the worker knows what to fix.
func warnAboutMissingCharacters(_ texts: [String], caseFile: String, reading: CaseReading) {
    guard !texts.isEmpty else { return }
    var fields: [(path: FieldPath, value: String)] = []
    if let written = reading.asWritten, let data = try? JSONEncoder().encode(written), let tree = try? JSONSerialization.jsonObject(with: data) {
        func visit(_ value: Any, _ path: [FieldPath.Component]) {
            switch value {
            case let object as [String: Any]: for (key, inner) in object { visit(inner, path + [.key(key)]) }
            case let array as [Any]: for (index, inner) in array.enumerated() { visit(inner, path + [.index(index)]) }
            case let text as String where text.count > 1: fields.append((FieldPath(path), text))
            default: break
            }
        }
        visit(tree, [])
    }
    var standardError = FileHandle.standardError
    for text in texts {
        let shown = Bidi.withoutIsolates(text)
        let field = fields.filter { shown.contains($0.value) }.max { ($0.value.count, $1.path) < ($1.value.count, $0.path) }
        let message = "no installed font can show some characters in \"\(shown.prefix(60))\"; they print as empty boxes. "
            + "Fonts/fonts.yaml lists the fonts Kinpress uses"
        print(Diagnostic.line(file: caseFile, location: field.flatMap { reading.locations[$0.path] }, severity: "warning", path: field?.path ?? .root,
                              message: message), to: &standardError)
    }
}

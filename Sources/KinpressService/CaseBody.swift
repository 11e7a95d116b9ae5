import Foundation
import Hummingbird
import Kinpress
import MultipartKit

/// A case as a request carries it: JSON or YAML as the whole body, or a form with a part `case`
/// and one part per picture, named by its path in the case. Everything stays in memory.
struct CaseBody {
    /// Why a body cannot be read as a case: answered 415 or 400.
    enum Failure: Error {
        case unsupportedType(String)
        case badForm(String)
    }

    let reading: CaseReading

    init(bytes: [UInt8], contentType: String?) throws(Failure) {
        guard let contentType else {
            // No type: read as the case file says (JSON starts with "{").
            reading = Kinpress.read(bytes: bytes, displayName: "case", pictures: [:])
            return
        }
        guard let type = MediaType(from: contentType) else {
            throw .unsupportedType("the Content-Type \(contentType.prefix(80)) cannot be read. Send application/json, application/yaml or multipart/form-data")
        }
        let essence = "\(type.type)/\(type.subType)"
        if let parts = try Self.formParts(bytes, contentType: contentType) {
            if let unnamed = parts.firstIndex(where: { ($0.name ?? "").isEmpty }) {
                throw .badForm("part \(unnamed + 1) of the form has no name. Name the case part case, and each picture by its path in the case")
            }
            var seen: Set<String> = []
            for part in parts where !seen.insert(part.name ?? "").inserted {
                throw .badForm("two parts of the form have the same name. Send each picture once")
            }
            guard let casePart = parts.first(where: { $0.name == "case" }) else {
                throw .badForm("the form has no part named case. Send the case file as a part named case, and each picture as a part named by its path in the case")
            }
            var pictures: [String: [UInt8]] = [:]
            for part in parts where part.name != "case" { pictures[part.name ?? ""] = Array(buffer: part.body) }
            let partType = casePart.headers.first(name: "Content-Type").flatMap { MediaType(from: $0) }.map { "\($0.type)/\($0.subType)" }
            reading = Kinpress.read(bytes: Array(buffer: casePart.body), displayName: Self.displayName(partType), pictures: pictures)
            return
        }
        guard Self.caseTypes.contains(essence) else {
            throw .unsupportedType("a case is sent as application/json, application/yaml or multipart/form-data, not \(essence.prefix(80))")
        }
        reading = Kinpress.read(bytes: bytes, displayName: Self.displayName(essence), pictures: [:])
    }

    /// The media types a case file may be sent as on its own.
    static let caseTypes: Set<String> = ["application/json", "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml"]

    /// The name problems give the case: `case.json` or `case.yaml`, which also says how it is
    /// read; plain `case` is read as its first character says.
    private static func displayName(_ type: String?) -> String {
        guard let type, caseTypes.contains(type) else { return "case" }
        return type == "application/json" ? "case.json" : "case.yaml"
    }

    /// The parts of a `multipart/form-data` body; nil when the body is of another type.
    static func formParts(_ bytes: [UInt8], contentType: String?) throws(Failure) -> [MultipartPart]? {
        guard let type = contentType.flatMap({ MediaType(from: $0) }), "\(type.type)/\(type.subType)" == "multipart/form-data" else { return nil }
        return try parts(bytes, boundary: type.parameter.flatMap { $0.name.lowercased() == "boundary" ? $0.value : nil })
    }

    /// The form's parts, as MultipartKit's parser reads them.
    private static func parts(_ bytes: [UInt8], boundary: String?) throws(Failure) -> [MultipartPart] {
        guard let boundary, !boundary.isEmpty, boundary.utf8.count <= 70 else {
            throw .badForm("the form's Content-Type has no boundary")
        }
        let parser = MultipartParser(boundary: boundary)
        var parts: [MultipartPart] = []
        var current = MultipartPart(body: [UInt8]())
        var open = false
        parser.onHeader = { name, value in
            open = true
            current.headers.add(name: name, value: value)
        }
        parser.onBody = { buffer in
            open = true
            current.body.writeBuffer(&buffer)
        }
        parser.onPartComplete = {
            parts.append(current)
            current = MultipartPart(body: [UInt8]())
            open = false
        }
        do {
            try parser.execute(bytes)
        } catch {
            throw .badForm("the form cannot be read: it is not multipart/form-data with the boundary its Content-Type gives")
        }
        guard !open, !parts.isEmpty else { throw .badForm("the form is cut short: it does not end with its closing boundary") }
        return parts
    }
}

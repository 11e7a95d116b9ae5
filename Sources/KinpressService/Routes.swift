import Foundation
import Hummingbird
import Kinpress
import Prometheus

/// The endpoints, each the facade call its command makes, answering what that command prints.
struct Routes: Sendable {
    let kinpress: Kinpress
    let configuration: ServiceConfiguration
    let registry: PrometheusCollectorRegistry
    let slots: RenderSlots

    init(kinpress: Kinpress, configuration: ServiceConfiguration, registry: PrometheusCollectorRegistry) {
        self.kinpress = kinpress
        self.configuration = configuration
        self.registry = registry
        slots = RenderSlots(jobs: configuration.jobs, queue: configuration.queue, timeout: configuration.timeout)
    }

    /// Each address and the methods it takes, for a 405 that says which.
    static let methods: [String: [String]] = [
        "/healthz": ["GET"], "/v1/schema": ["GET"], "/v1/openapi.yaml": ["GET"], "/metrics": ["GET"],
        "/v1/validate": ["POST"], "/v1/render": ["POST"], "/v1/pack": ["POST"], "/v1/withheld": ["POST"], "/v1/lint": ["POST"],
    ]

    func add(to router: Router<ServiceContext>) {
        router.get("healthz") { _, _ in Answer(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: Array("ok\n".utf8)).response }
        router.get("v1/schema") { request, _ in
            _ = try Query(request, allowed: [])
            // The schema text ends with its newline already: the same bytes as `kinpress schema`.
            return Answer(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: Array(CaseFormatSchema.json().utf8)).response
        }
        router.get("v1/openapi.yaml") { request, _ in
            _ = try Query(request, allowed: [])
            return Answer(status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"], body: Array(OpenAPIDocument.yaml.utf8)).response
        }
        router.get("metrics") { request, _ in
            _ = try Query(request, allowed: [])
            var text: [UInt8] = []
            registry.emit(into: &text)
            return Answer(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"], body: text).response
        }
        router.post("v1/validate") { request, _ in
            _ = try Query(request, allowed: [])
            let reading = try await readCase(request)
            return Answer.json(try CaseProblems(reading).json(), status: reading.isValid ? .ok : .unprocessableContent).response
        }
        router.post("v1/render") { request, _ in
            var query = try Query(request, allowed: ["document", "audience", "format", "theme", "paper", "strict"])
            guard let kind = try query.value("document", as: DocumentKind.self) else {
                throw Answer.problem(.badRequest, "say which document: document=" + DocumentKind.allCases.map(\.rawValue).joined(separator: "|"))
            }
            let item = KinpressRequest.Item(.document(kind), for: try query.value("audience", as: Audience.self) ?? kind.defaultAudience,
                                    as: try query.value("format", as: Format.self) ?? .pdf)
            let look = try self.look(&query)
            let strict = try query.flag("strict")
            return try await make(item, look: look, strict: strict, from: try await readCase(request)).response
        }
        router.post("v1/pack") { request, _ in
            var query = try Query(request, allowed: ["audience", "format", "draft", "theme", "paper"])
            let audience = try query.value("audience", as: Audience.self) ?? .professional
            guard audience != .child else { throw Answer.problem(.badRequest, "a pack is for the chair (professional) or the family, not a child") }
            let item = KinpressRequest.Item(.pack(draft: try query.flag("draft")), for: audience, as: try query.value("format", as: Format.self) ?? .pdf)
            let look = try self.look(&query)
            return try await make(item, look: look, strict: false, from: try await readCase(request)).response
        }
        router.post("v1/withheld") { request, _ in
            var query = try Query(request, allowed: ["audience"])
            let audience = try query.value("audience", as: Audience.self) ?? .family
            guard audience == .family else {
                throw Answer.problem(.badRequest, "only the family's pack leaves anything out: ask for audience=family")
            }
            let reading = try await readCase(request)
            do {
                return Answer.json(try kinpress.chairList(reading, for: audience).json(audience: audience)).response
            } catch {
                throw Answer.json(try CaseProblems(reading).json(), status: .unprocessableContent)
            }
        }
        router.post("v1/lint") { request, _ in
            var query = try Query(request, allowed: ["audience"])
            let audience = try query.value("audience", as: Audience.self) ?? .family
            let reading = try await readCase(request)
            let linted = try await slots.run { Result { () throws(RenderFailure) in try kinpress.lint(reading, for: audience) } }
            switch linted {
            case .success(let result):
                return Answer.json(Array(try LintReport(audience: audience.rawValue, files: [result]).json().utf8)).response
            case .failure(let failure):
                throw try answer(failure, reading: reading)
            }
        }
    }

    /// The case in the request's body, read in memory.
    private func readCase(_ request: Request) async throws -> CaseReading {
        let bytes: ByteBuffer
        do {
            bytes = try await request.body.collect(upTo: configuration.maxBody)
        } catch {
            throw Answer.problem(.contentTooLarge, "the request is larger than \(configuration.maxBody) bytes, the most this service reads")
        }
        do {
            return try CaseBody(bytes: Array(buffer: bytes), contentType: request.headers[.contentType]).reading
        } catch .unsupportedType(let message) {
            throw Answer.problem(.unsupportedMediaType, message)
        } catch .badForm(let message) {
            throw Answer.problem(.badRequest, message)
        }
    }

    private func look(_ query: inout Query) throws -> Look {
        let theme = try query.string("theme") ?? "default"
        guard kinpress.templates.themes[theme] != nil else {
            throw Answer.problem(.badRequest, "there is no theme \(theme.prefix(40)); the themes are " + kinpress.templates.themes.keys.sorted().joined(separator: ", "))
        }
        return Look(theme: theme, paper: try query.value("paper", as: Paper.self) ?? .a4)
    }

    /// One output, made in a render slot.
    private func make(_ item: KinpressRequest.Item, look: Look, strict: Bool, from reading: CaseReading) async throws -> Answer {
        guard reading.case != nil else { throw Answer.json(try CaseProblems(reading).json(), status: .unprocessableContent) }
        let request = KinpressRequest([item.product], audiences: [item.audience], formats: [item.format], look: look, strict: strict, layoutInParallel: false)
        let made = try await slots.run { Result { () throws(RenderFailure) in try kinpress.make(item, of: request, from: reading) } }
        switch made {
        case .success(let output): return .output(output)
        case .failure(let failure): throw try answer(failure, reading: reading)
        }
    }

    /// 422 with the case's problems, or 500 when Kinpress itself failed.
    private func answer(_ failure: RenderFailure, reading: CaseReading) throws -> Answer {
        guard let problems = CaseProblems(failure, reading: reading) else {
            return .problem(.internalServerError, "Kinpress could not make this output: its templates, fonts or a library failed. The service's operator can see which in the log")
        }
        return .json(try problems.json(), status: .unprocessableContent)
    }
}

/// A request's query, checked: an unknown parameter or value is a 400 that names what is
/// allowed, so a mistyped `audiance=family` can never fall back to another reader's copy.
struct Query {
    private var values: [String: String] = [:]

    init(_ request: Request, allowed: Set<String>) throws(Answer) {
        for (key, value) in request.uri.queryParameters {
            let key = String(key)
            guard allowed.contains(key) else {
                let known = allowed.isEmpty ? "this endpoint takes no parameters" : "it takes " + allowed.sorted().joined(separator: ", ")
                throw .problem(.badRequest, "unknown parameter \(key.prefix(40)): \(known)")
            }
            guard values[key] == nil else { throw .problem(.badRequest, "the parameter \(key) is given twice") }
            values[key] = String(value)
        }
    }

    mutating func string(_ key: String) throws(Answer) -> String? {
        values.removeValue(forKey: key)
    }

    mutating func value<T: RawRepresentable & CaseIterable>(_ key: String, as type: T.Type) throws(Answer) -> T? where T.RawValue == String {
        guard let text = values.removeValue(forKey: key) else { return nil }
        guard let value = T(rawValue: text) else {
            throw .problem(.badRequest, "\(key) may be " + T.allCases.map(\.rawValue).joined(separator: ", ") + ", not \(text.prefix(40))")
        }
        return value
    }

    mutating func flag(_ key: String) throws(Answer) -> Bool {
        guard let text = values.removeValue(forKey: key) else { return false }
        guard let value = Bool(text) else { throw .problem(.badRequest, "\(key) may be true or false, not \(text.prefix(40))") }
        return value
    }
}

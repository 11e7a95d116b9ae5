import Foundation
import Hummingbird
import Kinpress
import Logging
import Prometheus

/// The endpoints, each the facade call its command makes, answering what that command prints.
struct Routes: Sendable {
    let kinpress: Kinpress
    let configuration: ServiceConfiguration
    let registry: PrometheusCollectorRegistry
    let slots: RenderSlots
    let page: WorkerPage
    let tokens: Tokens?

    init(kinpress: Kinpress, configuration: ServiceConfiguration, registry: PrometheusCollectorRegistry, page: WorkerPage, tokens: Tokens?) {
        self.kinpress = kinpress
        self.configuration = configuration
        self.registry = registry
        self.page = page
        self.tokens = tokens
        slots = RenderSlots(jobs: configuration.jobs, queue: configuration.queue, timeout: configuration.timeout)
    }

    /// Each address and the methods it takes, for a 405 that says which.
    static let methods: [String: [String]] = [
        "/": ["GET", "POST"], "/page/page.css": ["GET"], "/page/page.js": ["GET"],
        "/healthz": ["GET"], "/v1/schema": ["GET"], "/v1/openapi.yaml": ["GET"], "/metrics": ["GET"],
        "/v1/validate": ["POST"], "/v1/render": ["POST"], "/v1/pack": ["POST"], "/v1/withheld": ["POST"], "/v1/lint": ["POST"],
    ]

    /// The addresses anyone may fetch: the page and its files hold no case (the page asks for
    /// the token itself before it sends one).
    static let open: Set<String> = ["/healthz", "/", "/page/page.css", "/page/page.js"]

    func add(to router: Router<ServiceContext>) {
        router.get("/") { request, _ in
            _ = try Query(request, allowed: [])
            return page.answer(WorkerPage.View(needsToken: tokens != nil, form: .init(), themes: themes)).response
        }
        router.post("/") { request, context in try await pageAnswer(request, context: context).response }
        router.get("page/:file") { request, context in
            _ = try Query(request, allowed: [])
            guard let answer = page.asset(context.parameters.get("file") ?? "") else { throw HTTPError(.notFound) }
            return answer.response
        }
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
            var query = try Query(request, allowed: ["document", "audience", "format", "theme", "paper", "strict", "child"])
            guard let kind = try query.value("document", as: DocumentKind.self) else {
                throw Answer.problem(.badRequest, "say which document: document=" + DocumentKind.allCases.map(\.rawValue).joined(separator: "|"))
            }
            let item = KinpressRequest.Item(.document(kind), for: try query.value("audience", as: Audience.self) ?? kind.defaultAudience,
                                    as: try query.value("format", as: Format.self) ?? .pdf)
            let look = try self.look(&query)
            let strict = try query.flag("strict")
            return try await make(item, look: look, strict: strict, child: try query.string("child"), from: try await readCase(request)).response
        }
        router.post("v1/pack") { request, _ in
            var query = try Query(request, allowed: ["audience", "format", "draft", "theme", "paper"])
            let audience = try query.value("audience", as: Audience.self) ?? .professional
            guard audience == .professional || audience == .family else {
                throw Answer.problem(.badRequest, "a pack is for the chair (professional) or the family; the safety network has its own: POST /v1/render?document=network-pack")
            }
            let item = KinpressRequest.Item(.pack(draft: try query.flag("draft")), for: audience, as: try query.value("format", as: Format.self) ?? .pdf)
            let look = try self.look(&query)
            return try await make(item, look: look, strict: false, from: try await readCase(request)).response
        }
        router.post("v1/letter") { request, _ in
            // One letter to one person, as `kinpress letters --to PERSON` writes it: a case-management
            // system asks once for each person it posts to.
            var query = try Query(request, allowed: ["letter", "to", "format", "theme", "paper"])
            guard let kind = try query.value("letter", as: LetterKind.self) else {
                throw Answer.problem(.badRequest, "say which letter: letter=" + LetterKind.allCases.map(\.rawValue).joined(separator: "|"))
            }
            guard let to = try query.string("to"), !to.isEmpty else {
                throw Answer.problem(.badRequest, "say whom the letter is to: to=ID, the id of a person or child in the case")
            }
            let format = try query.value("format", as: Format.self) ?? .pdf
            let look = try self.look(&query)
            let reading = try await readCase(request)
            guard let found = reading.case else { throw Answer.json(try CaseProblems(reading).json(), status: .unprocessableContent) }
            let item: KinpressRequest.Item
            do {
                guard let first = try kinpress.letterItems(kind, of: found, to: [to], format: format).first else {
                    throw Answer.problem(.badRequest, "say whom the letter is to: to=ID")
                }
                item = first
            } catch let failure as RenderFailure {
                throw try answer(failure, reading: reading)
            }
            return try await make(item, look: look, strict: false, from: reading).response
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

    /// The request's body, in memory, up to `--max-body`.
    private func body(_ request: Request) async throws -> [UInt8] {
        do {
            return Array(buffer: try await request.body.collect(upTo: configuration.maxBody))
        } catch {
            throw Answer.problem(.contentTooLarge, "the request is larger than \(configuration.maxBody) bytes, the most this service reads")
        }
    }

    /// The case in the request's body, read in memory.
    private func readCase(_ request: Request) async throws -> CaseReading {
        let bytes = try await body(request)
        do {
            return try CaseBody(bytes: bytes, contentType: request.headers[.contentType]).reading
        } catch .unsupportedType(let message) {
            throw Answer.problem(.unsupportedMediaType, message)
        } catch .badForm(let message) {
            throw Answer.problem(.badRequest, message)
        }
    }

    /// The themes, the standard one first.
    private var themes: [String] { kinpress.templates.themes.keys.sorted { ($0 == "default" ? "" : $0) < ($1 == "default" ? "" : $1) } }

    /// The page's form, answered: a document to save or print, or the page with the case's
    /// problems and its preview.
    private func pageAnswer(_ request: Request, context: ServiceContext) async throws -> Answer {
        let form: WorkerPage.Form
        do {
            guard let parts = try CaseBody.formParts(try await body(request), contentType: request.headers[.contentType]) else {
                throw Answer.problem(.unsupportedMediaType, "the page sends its form as multipart/form-data")
            }
            form = WorkerPage.Form(parts: parts)
        } catch let failure as CaseBody.Failure {
            guard case .badForm(let message) = failure else { throw Answer.problem(.badRequest, "the form cannot be read") }
            throw Answer.problem(.badRequest, message)
        }
        var view = WorkerPage.View(needsToken: tokens != nil, form: form, themes: themes)
        if let tokens {
            let token = form.token.map { Substring($0) } ?? Tokens.bearer(request.headers[.authorization])
            guard let token, tokens.caller(presenting: token) != nil else {
                view.summary = "The access token is not right. Type the token you were given into Access token."
                view.previewNote = ""
                rejected("unauthorised")
                var answer = page.answer(view, status: .unauthorized)
                answer.headers[.wwwAuthenticate] = "Bearer"
                return answer
            }
        }
        guard !form.caseText.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return page.answer(view) }
        let product: KinpressRequest.Product
        if form.document == "pack" {
            product = .pack(draft: false)
        } else if let kind = DocumentKind(rawValue: form.document) {
            product = .document(kind)
        } else {
            throw Answer.problem(.badRequest, "document may be " + view.documents.map(\.value).joined(separator: ", "))
        }
        guard let audience = Audience(rawValue: form.reader) else {
            throw Answer.problem(.badRequest, "reader may be " + Audience.allCases.map(\.rawValue).joined(separator: ", "))
        }
        guard kinpress.templates.themes[form.theme] != nil else { throw Answer.problem(.badRequest, "theme may be " + themes.joined(separator: ", ")) }
        guard let format = ["show": Format.html, "html": .html, "pdf": .pdf, "print": .pdf][form.action] else {
            throw Answer.problem(.badRequest, "action may be show, pdf, html or print")
        }

        let reading = Kinpress.read(bytes: Array(form.caseText.utf8), displayName: "case", pictures: form.pictures)
        view.show(CaseProblems(reading).errors + CaseProblems(reading).warnings)
        guard reading.case != nil else {
            view.previewNote = "Fix the errors under Problems to see the document."
            return page.answer(view, status: .unprocessableContent)
        }
        if case .pack = product, audience == .child {
            view.previewNote = "A meeting pack is for the chair or the family. Choose Professional or Family as the reader."
            return page.answer(view)
        }
        let item = KinpressRequest.Item(product, for: audience, as: format)
        let request = KinpressRequest([product], audiences: [audience], formats: [format], look: Look(theme: form.theme), strict: false, layoutInParallel: false)
        let showing = form.action == "show"
        var result: (Result<Output, RenderFailure>, [Finding])?
        do {
            result = try await slots.run {
                let findings = showing ? ((try? kinpress.lint(reading, for: audience))?.findings ?? []) : []
                return (Result { () throws(RenderFailure) in try kinpress.make(item, of: request, from: reading) }, findings)
            }
        } catch {
            result = nil
        }
        guard let made = result else {
            view.previewNote = "Kinpress is busy, or the document took too long to make. Try again in a moment."
            return page.answer(view, status: .serviceUnavailable)
        }
        switch made.0 {
        case .success(let output):
            guard showing else { return .output(output, saved: form.action != "print") }
            view.show(CaseProblems(reading).errors + CaseProblems(reading).warnings, findings: made.1 + output.warnings)
            view.preview = String(decoding: output.bytes, as: UTF8.self)
            view.previewNote = "The \(WorkerPage.View.documentLabels[form.document]?.lowercased() ?? form.document) as the \(audience == .professional ? "professionals" : audience.rawValue) will get it."
            if let list = output.chairList {
                view.hasWithheld = true
                view.withheldEmpty = list.items.isEmpty
                view.withheld = list.items.map { .init(field: $0.field.description, who: $0.reason, summary: $0.summary) }
            }
            return page.answer(view)
        case .failure(let failure):
            if let problems = CaseProblems(failure, reading: reading) {
                view.show(problems.errors + problems.warnings, findings: made.1)
                view.previewNote = "Kinpress cannot make this document yet: fix the errors under Problems."
                return page.answer(view, status: .unprocessableContent)
            }
            Self.logFault(failure)
            view.previewNote = "Kinpress could not make this document: its templates, fonts or a library failed. Whoever runs Kinpress can see which in its log."
            return page.answer(view, status: .internalServerError)
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
    private func make(_ item: KinpressRequest.Item, look: Look, strict: Bool, child: String? = nil, from reading: CaseReading) async throws -> Answer {
        guard reading.case != nil else { throw Answer.json(try CaseProblems(reading).json(), status: .unprocessableContent) }
        var asked = KinpressRequest([item.product], audiences: [item.audience], formats: [item.format], look: look, strict: strict, layoutInParallel: false)
        asked.child = child
        let request = asked
        let made = try await slots.run { Result { () throws(RenderFailure) in try kinpress.make(item, of: request, from: reading) } }
        switch made {
        case .success(let output): return .output(output)
        case .failure(let failure): throw try answer(failure, reading: reading)
        }
    }

    /// Which part of Kinpress failed, for the operator: the kind only, never the message, which
    /// could quote the case (a picture's name, a text that would not fit).
    private static func logFault(_ failure: RenderFailure) {
        let part: String
        switch failure {
        case .template: part = "templates"
        case .council: part = "council profile"
        case .lint: part = "lint word lists"
        case .layout: part = "layout (fonts or pictures)"
        case .render: part = "PDF or HTML writer"
        case .invalidCase, .refusedEmptyTexts, .refusedByLint, .caseField, .noStory, .noSuchChild, .noMeeting, .noOutcome, .noSuchRecipient: part = "case"
        }
        Logger(label: "kinpress.render").error("render failed", metadata: ["part": "\(part)"])
    }

    /// 422 with the case's problems, or 500 when Kinpress itself failed.
    private func answer(_ failure: RenderFailure, reading: CaseReading) throws -> Answer {
        guard let problems = CaseProblems(failure, reading: reading) else {
            Self.logFault(failure)
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

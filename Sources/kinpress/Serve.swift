import ArgumentParser
import Foundation
import Kinpress
import KinpressService

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve Kinpress over HTTP, for a case-management system to call.",
        discussion: """
            POST a case (JSON, YAML, or a form with a part named case and one part per picture) to \
            /v1/validate, /v1/render, /v1/pack, /v1/withheld or /v1/lint; GET /healthz, /v1/schema, \
            /v1/openapi.yaml and /metrics. Open / in a browser for the worker's page: a case, its \
            problems and each reader's document, to save or print. Nothing a request carries is written to disk or kept \
            after the answer, and logs say only route, status, sizes, times, the caller's name and \
            a request id. Without --tokens the service listens only on a loopback address. SIGTERM \
            stops it taking requests; it finishes those in flight, then exits 0.
            """
    )

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0: any free port; the log says which).")
    var port = 8080

    @Option(help: ArgumentHelp("Callers allowed in: lines NAME SHA256-OF-TOKEN. Each request then needs Authorization: Bearer TOKEN.", valueName: "file"))
    var tokens: String?

    @OptionGroup var templates: TemplatesOption

    @OptionGroup var council: CouncilOption

    @Option(help: "Renders at once (by default, one per core).")
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Renders that may wait for a free job; beyond them the service answers 503 (default: 4 × jobs).")
    var queue: Int?

    @Option(name: .customLong("max-body"), help: ArgumentHelp("The largest request read, in bytes; larger ones get 413.", valueName: "bytes"))
    var maxBody = 20_000_000

    @Option(help: ArgumentHelp("How long one render may take before the service answers 503.", valueName: "seconds"))
    var timeout = 30.0

    func run() async throws {
        let kinpress = try council.apply(to: templates.kinpress(everyLanguage: true))
        let configuration = ServiceConfiguration(host: host, port: port, tokens: tokens.map { URL(fileURLWithPath: $0) },
                                                 templates: templates.given.map { URL(fileURLWithPath: $0) }, jobs: jobs, queue: queue,
                                                 maxBody: maxBody, timeout: .milliseconds(Int(timeout * 1000)))
        do {
            try await KinpressService.run(configuration, kinpress: kinpress)
        } catch let error as ServiceError {
            var standardError = FileHandle.standardError
            print("kinpress serve: \(error)", to: &standardError)
            throw ExitCode(1)
        }
    }
}

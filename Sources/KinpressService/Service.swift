import CMalloc
import Foundation
import Hummingbird
import Kinpress
import Logging
import Metrics
import Prometheus
import ServiceLifecycle

/// `kinpress serve`: the pipeline behind HTTP, for a case-management system to call. One
/// `Kinpress` is loaded at start and shared; each request's case lives in memory only until its
/// answer is sent.
public enum KinpressService {
    /// Serves until SIGTERM or SIGINT, then stops taking requests, finishes those in flight and
    /// returns. `listening` is told the port once the server is up (useful with port 0).
    public static func run(_ configuration: ServiceConfiguration, kinpress: Kinpress,
                           listening: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
        try configuration.check()
        limitMemoryArenas(to: configuration.jobs)
        let tokens = try configuration.tokens.map { url throws(ServiceError) in try Tokens(file: url) }
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.nameAndLabelSanitizer = { name, labels in (prometheusName(name), labels.map { (prometheusName($0.0), $0.1) }) }
        MetricsSystem.bootstrap(factory)
        LoggingSystem.bootstrap(JSONLogHandler.init)
        let logger = Logger(label: "kinpress.serve")

        let page = try WorkerPage(folder: configuration.page)
        let routes = Routes(kinpress: kinpress, configuration: configuration, registry: registry, page: page, tokens: tokens)
        let router = Router(context: ServiceContext.self)
        router.add(middleware: MetricsMiddleware())
        router.add(middleware: Gate(tokens: tokens, maxBody: configuration.maxBody))
        routes.add(to: router)

        let app = Application(
            router: router,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? configuration.port
                logger.info("listening", metadata: ["host": "\(configuration.host)", "port": "\(port)", "jobs": "\(configuration.jobs)",
                                                    "tokens": "\(tokens?.entries.count ?? 0)"])
                listening(port)
            },
            logger: logger
        )
        try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
        logger.info("stopped")
    }

    /// Prometheus names allow letters, digits, `_` and `:`; swift-metrics labels use dots.
    static func prometheusName(_ name: String) -> String {
        String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == ":") ? $0 : "_" })
    }

    /// Caps glibc's malloc arenas at one per render job (at least two, so two render threads
    /// never share one lock). A render hops across Dispatch's threads (its compose and layout
    /// run in parallel), and glibc gives each new thread an arena that keeps its freed pages, so
    /// without the cap a long-running service's resident size creeps up in steps over thousands
    /// of renders. `scripts/bench` measures it (the service's memory after 100 and after 10,000).
    private static func limitMemoryArenas(to jobs: Int) {
        _ = mallopt(M_ARENA_MAX, Int32(clamping: max(2, jobs)))
    }
}

/// Each request's context: Hummingbird's, with the name of the caller whose token it carried.
struct ServiceContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    var caller: String?

    init(source: Source) {
        coreContext = .init(source: source)
    }
}

/// The door every request passes: a request id, the token (every route but `/healthz`), the
/// body's size before it is read, and one log line after the answer — route, status, sizes,
/// time, the caller's name and the request id, nothing a request carries.
struct Gate: RouterMiddleware {
    typealias Context = ServiceContext
    let tokens: Tokens?
    let maxBody: Int
    private let logger = Logger(label: "kinpress.request")

    func handle(_ request: Request, context: ServiceContext, next: (Request, ServiceContext) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var context = context
        var response: Response
        if let tokens {
            context.caller = Tokens.bearer(request.headers[.authorization]).flatMap(tokens.caller)
        }
        if tokens != nil, !Routes.open.contains(request.uri.path), context.caller == nil {
            rejected("unauthorised")
            response = Answer.unauthorised.response
        } else if let length = request.headers[.contentLength].flatMap(Int.init), length > maxBody {
            rejected("too-large")
            response = Answer.problem(.contentTooLarge, "the request is \(length) bytes; this service reads at most \(maxBody)").response
        } else {
            do {
                response = try await next(request, context)
            } catch let answer as Answer {
                response = answer.response
            } catch let error as HTTPError where error.status == .notFound {
                if let methods = Routes.methods[request.uri.path] {
                    var answer = Answer.problem(.methodNotAllowed, "\(request.uri.path) takes " + methods.joined(separator: " and "))
                    answer.headers[.allow] = methods.joined(separator: ", ")
                    response = answer.response
                } else {
                    response = Answer.problem(.notFound, "there is nothing at this address; /v1/openapi.yaml lists what there is").response
                }
            } catch let error as HTTPError {
                response = Answer.problem(error.status, error.status.reasonPhrase).response
            } catch {
                // A fault of the service's own: said without details, which could hold case text.
                response = Answer.problem(.internalServerError, "the service failed; the request id is \(context.id)").response
            }
        }
        if response.status == .contentTooLarge, request.headers[.contentLength] == nil { rejected("too-large") }
        response.headers[.init("Request-Id")!] = context.id
        let elapsed = ContinuousClock.now - start
        logger.info("request", metadata: [
            "request": "\(context.id)",
            "method": "\(request.method)",
            "route": "\(context.endpointPath ?? "unknown")",
            "status": .stringConvertible(response.status.code),
            "bytesIn": "\(request.headers[.contentLength] ?? "-")",
            "bytesOut": .stringConvertible(response.body.contentLength ?? 0),
            "ms": .stringConvertible((Double(elapsed.components.seconds) * 1_000 + Double(elapsed.components.attoseconds) / 1e15).rounded()),
            "caller": "\(context.caller ?? "-")",
        ])
        return response
    }
}

/// Counts a request turned away, by why: unauthorised, too-large, busy or timeout.
func rejected(_ reason: String) {
    Counter(label: "kinpress_rejections_total", dimensions: [("reason", reason)]).increment()
}

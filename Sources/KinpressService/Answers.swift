import Foundation
import Hummingbird
import Kinpress

/// The service's answers: a document, JSON, or a problem in words. Answers never carry a
/// token, and carry case text only to the caller who sent that case.
struct Answer: Error {
    var status: HTTPResponse.Status
    var headers: HTTPFields = [:]
    var body: [UInt8]

    /// JSON, as the command line prints it.
    static func json(_ bytes: [UInt8], status: HTTPResponse.Status = .ok) -> Answer {
        Answer(status: status, headers: [.contentType: "application/json; charset=utf-8"], body: bytes + [0x0A])
    }

    /// `{"error": "…"}`: what went wrong with the request, in words.
    static func problem(_ status: HTTPResponse.Status, _ message: String) -> Answer {
        let bytes = (try? JSONSerialization.data(withJSONObject: ["error": message], options: [.sortedKeys, .withoutEscapingSlashes])).map { Array($0) } ?? []
        return json(bytes, status: status)
    }

    /// 401 says nothing more than that.
    static let unauthorised = Answer(status: .unauthorized, headers: [.wwwAuthenticate: "Bearer"], body: [])

    /// 503: too busy, or a render ran too long; try again later.
    static func unavailable(_ message: String) -> Answer {
        var answer = problem(.serviceUnavailable, message)
        answer.headers[.retryAfter] = "5"
        return answer
    }

    /// A document or pack: PDF or HTML, named by what it is (never by anything in the case);
    /// `saved` asks the browser to save it rather than show it.
    static func output(_ output: Output, saved: Bool = false) -> Answer {
        var headers: HTTPFields = [
            .contentType: output.item.format == .pdf ? "application/pdf" : "text/html; charset=utf-8",
            // A letter's name is its folder and the person's id: one name, no folder.
            .contentDisposition: "\(saved ? "attachment" : "inline"); filename=\"\(output.item.fileName.replacingOccurrences(of: "/", with: "-"))\"",
        ]
        if output.item.format == .html {
            // Served from the service's own address: never a page that could act as the service.
            headers[.contentSecurityPolicy] = "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'"
        }
        headers[.xContentTypeOptions] = "nosniff"
        if let pages = output.pages { headers[.init("Kinpress-Pages")!] = String(pages) }
        headers[.init("Kinpress-Warnings")!] = String(output.warnings.count)
        return Answer(status: .ok, headers: headers, body: output.bytes)
    }

    var response: Response {
        var headers = self.headers
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}

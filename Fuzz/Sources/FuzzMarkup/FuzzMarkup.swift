import Foundation
import FuzzSupport
import KinpressCompose

/// One input: any text as Kinpress markup. Parsing must give a document or a TemplateError,
/// never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self)
    _ = try? Document(markup: text, pictograms: URL(fileURLWithPath: "/nonexistent"))
    return 0
}

/// The entry point SwiftPM gives this program: libFuzzer's driver, feeding `fuzz`.
@_cdecl("FuzzMarkup_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    fuzzerMain(argc, argv) { data, size in data.map { fuzz($0, size) } ?? 0 }
}

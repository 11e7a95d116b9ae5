import Foundation
import FuzzSupport
import KinpressCase

/// One input: any bytes as a case file. Reading must end in a case or in diagnostics, never a
/// crash, a hang or unbounded memory.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: count))
    let reading = CaseReader.read(bytes: bytes, displayName: "fuzz.yaml", folder: nil)
    // Every diagnostic can be printed.
    for diagnostic in reading.diagnostics { _ = diagnostic.description }
    return 0
}

/// The entry point SwiftPM gives this program: libFuzzer's driver, feeding `fuzz`.
@_cdecl("FuzzCaseReader_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    fuzzerMain(argc, argv) { data, size in data.map { fuzz($0, size) } ?? 0 }
}

import Foundation

/// Where the picture files a case names are: in the case file's folder, or sent with the case
/// by a service's caller. Sent files stay in memory for one request and are never written to
/// disk; their paths resolve under `givenRoot`, a folder that is never read.
public enum PictureFiles: Sendable, Equatable {
    /// Beside the case file, in this folder.
    case folder(URL)
    /// Sent with the case, by the path the case names each one by (`pictures/house.png`).
    case given([String: [UInt8]])

    /// Where the case's picture paths start.
    public var folder: URL {
        switch self {
        case .folder(let folder): return folder
        case .given: return Self.givenRoot
        }
    }

    /// The folder sent pictures seem to be in. Nothing is ever read from it: a path under it
    /// that was not sent is missing, not looked for on disk.
    public static let givenRoot = URL(fileURLWithPath: "/kinpress-pictures-sent-with-the-case", isDirectory: true)

    /// The bytes of a sent picture at `url` (a path under `givenRoot`), nil when none was sent
    /// there or the pictures are in a folder.
    public func sentBytes(at url: URL) -> [UInt8]? {
        guard case .given(let files) = self else { return nil }
        let root = Self.givenRoot.path + "/"
        let path = url.standardizedFileURL.path
        guard path.hasPrefix(root) else { return nil }
        return Self.file(String(path.dropFirst(root.count)), in: files)
    }

    /// The file sent for the picture the case names `key`. A file sent under its name alone, as
    /// a browser sends a chosen file, stands for a path ending in that name when no file was
    /// sent under the whole path.
    static func file(_ key: String, in files: [String: [UInt8]]) -> [UInt8]? {
        if let bytes = files[key] { return bytes }
        let name = key.split(separator: "/").last.map(String.init) ?? key
        return name == key ? nil : files[name]
    }

    /// Whether `url` names a picture sent with a case (never looked for on disk).
    public static func isSent(_ url: URL) -> Bool {
        url.standardizedFileURL.path.hasPrefix(givenRoot.path + "/")
    }

    /// A picture path as the case writes it, in the one form sent files are kept by:
    /// `./pictures//house.png` is `pictures/house.png`.
    public static func key(_ path: String) -> String {
        URL(fileURLWithPath: path, relativeTo: givenRoot).standardizedFileURL.path.dropFirst(givenRoot.path.count + 1).description
    }
}

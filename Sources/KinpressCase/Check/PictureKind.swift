/// The picture formats the case format accepts, told apart by name and by their first bytes.
enum PictureKind: String {
    case png = "PNG", jpeg = "JPEG", svg = "SVG"

    init?(fileName: String) {
        guard let dot = fileName.lastIndex(of: ".") else { return nil }
        switch fileName[fileName.index(after: dot)...].lowercased() {
        case "png": self = .png
        case "jpg", "jpeg": self = .jpeg
        case "svg": self = .svg
        default: return nil
        }
    }

    init?(head: [UInt8]) {
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            self = .png
        } else if head.starts(with: [0xFF, 0xD8, 0xFF]) {
            self = .jpeg
        } else if String(decoding: head, as: UTF8.self).contains("<svg") {
            self = .svg
        } else {
            return nil
        }
    }

    /// Why the file's content does not match its name, if it does not.
    static func mismatch(path: String, head: [UInt8]) -> String? {
        guard let named = PictureKind(fileName: path) else { return nil }
        guard let found = PictureKind(head: head) else {
            return head.isEmpty ? "the picture \(path) is an empty file" : "the picture \(path) is not a \(named.rawValue) picture (its content is not a picture Kinpress can read)"
        }
        guard found == named else {
            return "the picture \(path) is named as a \(named.rawValue) file but is a \(found.rawValue) file. Rename it to match"
        }
        return nil
    }
}

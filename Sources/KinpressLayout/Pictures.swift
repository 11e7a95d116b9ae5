import CPangoCairo
import CPictures
import Foundation

/// A picture ready to draw: PNG and JPEG as Cairo surfaces (a JPEG keeps its own bytes, so the
/// PDF embeds it as it is), SVG as a librsvg handle drawn as vectors.
public final class LoadedPicture: @unchecked Sendable {
    public enum Content {
        /// A `cairo_surface_t`; `orientation` is the EXIF orientation (1 is upright).
        case raster(surface: OpaquePointer, orientation: Int)
        /// An `RsvgHandle`.
        case vector(handle: UnsafeMutablePointer<RsvgHandle>)
    }

    public let content: Content
    /// Size as it should appear (after turning it upright), in its own units.
    public let width: Double
    public let height: Double
    /// The file as it was checked, and its type (`image/png`, `image/jpeg`, `image/svg+xml`):
    /// what HTML puts in a data address, so the file is never read a second time.
    public let file: Data
    public let mediaType: String

    init(content: Content, width: Double, height: Double, file: Data, mediaType: String) {
        self.content = content
        self.width = width
        self.height = height
        self.file = file
        self.mediaType = mediaType
    }

    deinit {
        switch content {
        case .raster(let surface, _): cairo_surface_destroy(surface)
        case .vector(let handle): kinpress_object_unref(UnsafeMutableRawPointer(handle))
        }
    }
}

/// Loads pictures once each, and refuses what should never reach a child's document: files that
/// are missing, cut short or not pictures, images so large they could exhaust memory, and SVGs
/// that would fetch other files or web addresses.
public enum PictureLoader {
    /// Over this many pixels an image is refused (a "decompression bomb" guard).
    public static let maximumPixels = 40_000_000

    public static func load(_ url: URL, field: String) throws(LayoutError) -> LoadedPicture {
        try load(FileManager.default.contents(atPath: url.path).map { Array($0) }, name: url.lastPathComponent, field: field)
    }

    /// A picture from its bytes (nil: there were none), named `name` in messages.
    public static func load(_ bytes: [UInt8]?, name: String, field: String) throws(LayoutError) -> LoadedPicture {
        func failure(_ message: String) -> LayoutError {
            LayoutError(message: "the picture \(name) \(message)", field: field)
        }
        guard let bytes, !bytes.isEmpty else {
            throw failure("cannot be read. Check that the file is there and is a picture")
        }
        let data = Data(bytes)
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            let (content, width, height) = try png(bytes, failure: failure)
            return LoadedPicture(content: content, width: width, height: height, file: data, mediaType: "image/png")
        }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) {
            let (content, width, height) = try raster(bytes, failure: failure)
            return LoadedPicture(content: content, width: width, height: height, file: data, mediaType: "image/jpeg")
        }
        if let text = String(data: data, encoding: .utf8), text.contains("<svg") {
            let (content, width, height) = try vector(text, failure: failure)
            return LoadedPicture(content: content, width: width, height: height, file: data, mediaType: "image/svg+xml")
        }
        throw failure("is not a PNG, JPEG or SVG picture")
    }

    /// A PNG read by Cairo's own reader (libpng reading the whole image, so a damaged or cut-short
    /// file is an error, not half a picture). Its size is read from the header first, so a
    /// decompression bomb is refused before any pixel is decoded.
    private static func png(_ bytes: [UInt8], failure: (String) -> LayoutError) throws(LayoutError) -> (LoadedPicture.Content, Double, Double) {
        guard bytes.count >= 24, bytes[12..<16].elementsEqual("IHDR".utf8) else {
            throw failure("cannot be read: it may be cut short or damaged. Save it again")
        }
        let bigEndian = { (start: Int) in bytes[start..<start + 4].reduce(0) { $0 << 8 | Int($1) } }
        let (width, height) = (bigEndian(16), bigEndian(20))
        if width * height > maximumPixels {
            throw failure(tooLarge(width, height))
        }
        var reader = ByteReader(bytes: bytes)
        let surface = withUnsafeMutablePointer(to: &reader) { pointer in
            cairo_image_surface_create_from_png_stream({ closure, target, length in
                closure!.assumingMemoryBound(to: ByteReader.self).pointee.read(into: target, count: Int(length))
            }, pointer)!
        }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, width > 0, height > 0 else {
            cairo_surface_destroy(surface)
            throw failure("cannot be read: it may be cut short or damaged. Save it again")
        }
        return (.raster(surface: surface, orientation: 1), Double(width), Double(height))
    }

    private static func tooLarge(_ width: some BinaryInteger, _ height: some BinaryInteger) -> String {
        "is \(width) × \(height) pixels, more than any picture in a document needs (at most \(maximumPixels / 1_000_000) million pixels). Make it smaller"
    }

    /// Hands a file's bytes to Cairo's PNG reader a piece at a time.
    private struct ByteReader {
        let bytes: [UInt8]
        var offset = 0

        mutating func read(into target: UnsafeMutablePointer<UInt8>?, count: Int) -> cairo_status_t {
            guard let target, count <= bytes.count - offset else { return CAIRO_STATUS_READ_ERROR }
            bytes.withUnsafeBufferPointer { target.update(from: $0.baseAddress! + offset, count: count) }
            offset += count
            return CAIRO_STATUS_SUCCESS
        }
    }

    /// A JPEG decoded by gdk-pixbuf, which also reads its EXIF orientation.
    private static func raster(_ bytes: [UInt8], failure: (String) -> LayoutError) throws(LayoutError) -> (LoadedPicture.Content, Double, Double) {
        var width: Int32 = 0, height: Int32 = 0, oversized: Int32 = 0
        var error: UnsafeMutablePointer<GError>?
        let decoded = bytes.withUnsafeBufferPointer {
            kinpress_pixbuf_from_bytes($0.baseAddress, gsize($0.count), Int64(maximumPixels), &width, &height, &oversized, &error)
        }
        if oversized != 0 {
            throw failure(tooLarge(width, height))
        }
        guard let pixbuf = decoded, width > 0, height > 0 else {
            if let error { g_error_free(error) }
            throw failure("cannot be read: it may be cut short or damaged. Save it again")
        }
        defer { kinpress_object_unref(UnsafeMutableRawPointer(pixbuf)) }
        let orientation = gdk_pixbuf_get_option(pixbuf, "orientation").flatMap { Int(String(cString: $0)) } ?? 1
        let surface: OpaquePointer
        if !isCMYK(bytes) {
            // The JPEG goes into the PDF as it is; the surface only gives its size.
            surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height)
            let copy = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count)
            copy.initialize(from: bytes, count: bytes.count)
            cairo_surface_set_mime_data(surface, CAIRO_MIME_TYPE_JPEG, copy, UInt(bytes.count), { $0?.assumingMemoryBound(to: UInt8.self).deallocate() }, copy)
        } else {
            // CMYK JPEGs, which PDF viewers show nearly black when passed through.
            surface = Self.surface(from: pixbuf)
        }
        let upright = orientation >= 5
        return (.raster(surface: surface, orientation: orientation), Double(upright ? height : width), Double(upright ? width : height))
    }

    /// Copies a pixbuf's pixels into a Cairo surface (premultiplied BGRA).
    private static func surface(from pixbuf: OpaquePointer) -> OpaquePointer {
        let width = gdk_pixbuf_get_width(pixbuf), height = gdk_pixbuf_get_height(pixbuf)
        let channels = Int(gdk_pixbuf_get_n_channels(pixbuf)), rowstride = Int(gdk_pixbuf_get_rowstride(pixbuf))
        let hasAlpha = gdk_pixbuf_get_has_alpha(pixbuf) != 0
        let surface = cairo_image_surface_create(hasAlpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24, width, height)!
        cairo_surface_flush(surface)
        let source = gdk_pixbuf_read_pixels(pixbuf)!
        let target = cairo_image_surface_get_data(surface)!
        let stride = Int(cairo_image_surface_get_stride(surface))
        for y in 0..<Int(height) {
            for x in 0..<Int(width) {
                let from = source + y * rowstride + x * channels
                let alpha = hasAlpha ? UInt32(from[3]) : 255
                let premultiply = { (value: UInt8) in UInt32(value) * alpha / 255 }
                let pixel = (alpha << 24) | (premultiply(from[0]) << 16) | (premultiply(from[1]) << 8) | premultiply(from[2])
                (target + y * stride).withMemoryRebound(to: UInt32.self, capacity: Int(width)) { $0[x] = pixel }
            }
        }
        cairo_surface_mark_dirty(surface)
        return surface
    }

    /// Whether a JPEG has four colour components (CMYK): read from its frame header.
    static func isCMYK(_ bytes: [UInt8]) -> Bool {
        var index = 2
        while index + 9 < bytes.count, bytes[index] == 0xFF {
            let marker = bytes[index + 1]
            let length = Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                return bytes[index + 9] == 4
            }
            index += 2 + length
        }
        return false
    }

    private static func vector(_ text: String, failure: (String) -> LayoutError) throws(LayoutError) -> (LoadedPicture.Content, Double, Double) {
        // Only the picture itself: links only to its own parts (#id) — no other files, web
        // addresses or pictures inside pictures — no external entities or style sheets, no CSS
        // escapes (which can spell url( in disguise), no encoding but UTF-8, no scripts.
        let external = #"(?i)(href|src)\s*=\s*(?!["']#)|url\(\s*["']?(?!#)|<!ENTITY|<!DOCTYPE[^>]*(SYSTEM|PUBLIC)|<\?xml-stylesheet|@import|\\[0-9a-f]"#
        if text.range(of: external, options: .regularExpression) != nil {
            throw failure("refers to other files or web addresses. A picture must hold everything it shows")
        }
        if text.range(of: #"(?i)<\?xml[^>]*encoding\s*=\s*["'](?!utf-8["'])"#, options: .regularExpression) != nil {
            throw failure("is not saved as UTF-8. Save it as UTF-8")
        }
        if text.range(of: "<script", options: .caseInsensitive) != nil {
            throw failure("holds a script. A picture in a document only shows; remove the script")
        }
        // Each <use> can copy a group that itself copies groups: a few dozen make billions of shapes.
        if text.components(separatedBy: "<use").count - 1 > 50 {
            throw failure("repeats shapes more than a drawing needs (over 50 <use> copies). Save it with the shapes written out")
        }
        var error: UnsafeMutablePointer<GError>?
        let data = Array(text.utf8)
        guard let handle = rsvg_handle_new_from_data(data, gsize(data.count), &error) else {
            let reason = error.map { String(cString: $0.pointee.message) } ?? "unknown"
            g_error_free(error)
            throw failure("is not a valid SVG picture: \(reason)")
        }
        var width = 0.0, height = 0.0
        if rsvg_handle_get_intrinsic_size_in_pixels(handle, &width, &height) == 0 || width <= 0 || height <= 0 {
            // No width and height given: the viewBox says the shape.
            var hasWidth: gboolean = 0, hasHeight: gboolean = 0, hasViewBox: gboolean = 0
            var lengthWidth = RsvgLength(), lengthHeight = RsvgLength(), viewBox = RsvgRectangle()
            rsvg_handle_get_intrinsic_dimensions(handle, &hasWidth, &lengthWidth, &hasHeight, &lengthHeight, &hasViewBox, &viewBox)
            (width, height) = hasViewBox != 0 && viewBox.width > 0 && viewBox.height > 0 ? (viewBox.width, viewBox.height) : (100, 100)
        }
        return (.vector(handle: handle), width, height)
    }
}

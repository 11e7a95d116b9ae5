import CPangoCairo
import Foundation
import Yams

/// A problem that stops a document being laid out: a font family that is not installed, or a
/// picture that cannot be shown.
public struct LayoutError: Error, Sendable, CustomStringConvertible {
    public var message: String
    /// The case field the problem is in (`wordsAndPictures[0].pages[2].picture`), so that the
    /// problem can be reported at its line in the case file.
    public var field: String?

    public init(message: String, field: String? = nil) {
        self.message = message
        self.field = field
    }

    public var description: String { "error: " + (field.map { "\($0): " } ?? "") + message }
}

/// Kinpress's own fontconfig setup, read from `Fonts/fonts.conf`, so documents use only the
/// families in `Fonts/fonts.yaml` whatever else a machine has. Create one per process; it
/// makes a separate Pango font map for each layout engine.
public final class FontLibrary: @unchecked Sendable {
    /// An `FcConfig`: read-only once built.
    private let config: OpaquePointer
    public let families: [String]

    private struct Manifest: Decodable {
        struct Family: Decodable {
            var family: String
            var package: String
        }
        var families: [Family]
    }

    public init(folder: URL) throws(LayoutError) {
        let configuration = folder.appendingPathComponent("fonts.conf")
        guard let config = FcConfigCreate() else { throw LayoutError(message: "fontconfig could not start") }
        guard FcConfigParseAndLoad(config, configuration.path, 1) != 0, FcConfigBuildFonts(config) != 0 else {
            FcConfigDestroy(config)
            throw LayoutError(message: "\(configuration.lastPathComponent) in \(folder.lastPathComponent)/ cannot be read by fontconfig")
        }
        self.config = config
        let manifest: Manifest
        do {
            let text = try String(contentsOf: folder.appendingPathComponent("fonts.yaml"), encoding: .utf8)
            manifest = try YAMLDecoder().decode(Manifest.self, from: text)
        } catch {
            throw LayoutError(message: "\(folder.lastPathComponent)/fonts.yaml cannot be read: \(error)")
        }
        families = manifest.families.map(\.family)
        for family in manifest.families where !Self.has(family.family, in: config) {
            throw LayoutError(message: "the font family \"\(family.family)\" is not installed. Install the Debian package \(family.package) (scripts/install-dependencies does this)")
        }
    }

    deinit {
        FcConfigDestroy(config)
    }

    /// Whether every family is in the manifest; a theme may only ask for those.
    /// A theme's families, in order of preference ("Noto Sans, Noto Naskh Arabic").
    public func check(family list: String) throws(LayoutError) {
        for family in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !families.contains(family) {
            throw LayoutError(message: "the theme asks for the font family \"\(family)\", which is not in Fonts/fonts.yaml. Fonts there: \(families.joined(separator: ", "))")
        }
    }

    private static func has(_ family: String, in config: OpaquePointer) -> Bool {
        guard let pattern = FcPatternCreate() else { return false }
        defer { FcPatternDestroy(pattern) }
        _ = family.withCString { FcPatternAddString(pattern, FC_FAMILY, UnsafeRawPointer($0).assumingMemoryBound(to: FcChar8.self)) }
        guard let objects = FcObjectSetCreate() else { return false }
        defer { FcObjectSetDestroy(objects) }
        _ = FcObjectSetAdd(objects, FC_FAMILY)
        guard let fonts = FcFontList(config, pattern, objects) else { return false }
        defer { FcFontSetDestroy(fonts) }
        return fonts.pointee.nfont > 0
    }

    /// Pango contexts for left-to-right and right-to-left text on one new font map using this
    /// configuration, measuring in points: one font map, so each font is loaded once.
    /// Pango font maps must not be shared between threads: call this on the thread that uses it.
    func makeContexts() -> (leftToRight: OpaquePointer, rightToLeft: OpaquePointer) {
        let fontMap = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT)!
        pango_fc_font_map_set_config(OpaquePointer(fontMap), config)
        pango_cairo_font_map_set_resolution(OpaquePointer(fontMap), 72)
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        func context(_ direction: PangoDirection) -> OpaquePointer {
            let context = pango_font_map_create_context(fontMap)!
            pango_context_set_base_dir(context, direction)
            pango_cairo_context_set_font_options(context, options)
            return context
        }
        let contexts = (context(PANGO_DIRECTION_LTR), context(PANGO_DIRECTION_RTL))
        cairo_font_options_destroy(options)
        // The contexts keep the font map.
        kinpress_object_unref(fontMap)
        return contexts
    }
}

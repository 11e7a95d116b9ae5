#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <cairo.h>
#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>

/// g_object_unref is a macro in recent GLib, which Swift cannot call.
static inline void kinpress_object_unref(void *object) { g_object_unref(object); }

#include <librsvg/rsvg.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

/* Decoding a PNG or JPEG held in memory, refusing an image over `max_pixels` from its header,
   before its pixels are decoded (a "decompression bomb"). */
typedef struct {
    long long max_pixels;
    int width;
    int height;
    int too_large;
} kinpress_size_probe;

static void kinpress_size_prepared(GdkPixbufLoader *loader, int width, int height, gpointer data) {
    kinpress_size_probe *probe = (kinpress_size_probe *)data;
    probe->width = width;
    probe->height = height;
    if ((long long)width * (long long)height > probe->max_pixels) {
        probe->too_large = 1;
        gdk_pixbuf_loader_set_size(loader, 1, 1);
    }
}

/* The decoded picture (a new reference), or NULL: with *too_large set when it has more than
   max_pixels pixels (*width and *height then say how many), else with *error set. */
static inline GdkPixbuf *kinpress_pixbuf_from_bytes(const guchar *bytes, gsize length, long long max_pixels,
                                                    int *width, int *height, int *too_large, GError **error) {
    kinpress_size_probe probe = { max_pixels, 0, 0, 0 };
    GdkPixbufLoader *loader = gdk_pixbuf_loader_new();
    g_signal_connect(loader, "size-prepared", G_CALLBACK(kinpress_size_prepared), &probe);
    gsize offset = 0;
    int ok = 1;
    while (ok && offset < length && !probe.too_large) {
        gsize chunk = length - offset < 4096 ? length - offset : 4096;
        ok = gdk_pixbuf_loader_write(loader, bytes + offset, chunk, error);
        offset += chunk;
    }
    GdkPixbuf *pixbuf = NULL;
    if (ok && !probe.too_large) {
        if (gdk_pixbuf_loader_close(loader, error)) {
            pixbuf = gdk_pixbuf_loader_get_pixbuf(loader);
            if (pixbuf) g_object_ref(pixbuf);
        }
    } else {
        gdk_pixbuf_loader_close(loader, NULL);
    }
    g_object_unref(loader);
    *width = probe.width;
    *height = probe.height;
    *too_large = probe.too_large;
    return pixbuf;
}

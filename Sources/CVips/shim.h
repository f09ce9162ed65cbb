// The one header Swift sees for libvips (Debian's libvips-dev, `pkg-config vips`).
//
// libvips's operations take their optional arguments as a NULL-terminated list of name/value pairs (C varargs),
// which Swift cannot call. These few wrappers fix the arguments build-site uses, so every encoder setting is in
// this file: the same input always gives the same bytes (metadata stripped, fixed quality and effort).
#include <vips/vips.h>

// Strips every piece of metadata (EXIF, XMP, ICC, comments): the name of the option changed in libvips 8.15.
#if VIPS_MAJOR_VERSION > 8 || (VIPS_MAJOR_VERSION == 8 && VIPS_MINOR_VERSION >= 15)
#define BUILD_SITE_STRIP "keep", VIPS_FOREIGN_KEEP_NONE
#else
#define BUILD_SITE_STRIP "strip", TRUE
#endif

/// Decodes `data` and scales it down to `width` pixels wide (its height in proportion); never scales up.
/// A truncated or damaged file is an error, not a picture padded with black.
static inline int build_site_vips_thumbnail(const void *data, size_t length, int width, VipsImage **out) {
    return vips_thumbnail_buffer((void *)data, length, out, width, "height", 10000000, "size", VIPS_SIZE_DOWN,
                                 "option_string", "fail_on=truncated", NULL);
}

static inline void build_site_vips_ignore(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data) {
    (void)domain; (void)level; (void)message; (void)data;
}

/// libvips prints its warnings (a damaged file, one line per row) on stderr; build-site reports failures itself.
static inline void build_site_vips_quiet(void) {
    g_log_set_handler("VIPS", G_LOG_LEVEL_WARNING, build_site_vips_ignore, NULL);
}

static inline int build_site_vips_save_png(VipsImage *image, void **data, size_t *length) {
    return vips_pngsave_buffer(image, data, length, "compression", 6, "interlace", FALSE, BUILD_SITE_STRIP, NULL);
}

static inline int build_site_vips_save_jpeg(VipsImage *image, void **data, size_t *length) {
    return vips_jpegsave_buffer(image, data, length, "Q", 82, "optimize_coding", TRUE, "interlace", FALSE,
                                BUILD_SITE_STRIP, NULL);
}

static inline int build_site_vips_save_webp(VipsImage *image, void **data, size_t *length) {
    return vips_webpsave_buffer(image, data, length, "Q", 80, "effort", 4, "lossless", FALSE, BUILD_SITE_STRIP, NULL);
}

static inline void build_site_vips_unref(VipsImage *image) {
    g_object_unref(image);
}

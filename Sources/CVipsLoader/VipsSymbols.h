// The libvips and GLib functions build-site calls, as typed function pointers, and the few constants it passes,
// written out here so that building build-site needs no libvips headers and the binary links no libvips.
// `Tools/check-vips-symbols.c` (run by .ci/run) compiles this file beside the real <vips/vips.h> and fails when
// a type or a value here differs from libvips's own.
#ifndef BUILD_SITE_VIPS_SYMBOLS_H
#define BUILD_SITE_VIPS_SYMBOLS_H

#include <stddef.h>

/// libvips's `VipsImage`, by its own struct tag, never looked into.
struct _VipsImage;

/// GLib's `GLogLevelFlags` (an enum whose mask is negative, so an `int`) and `GLogFunc`.
typedef void (*build_site_glog_func)(const char *domain, int level, const char *message, void *data);

typedef int (*build_site_vips_init_fn)(const char *argv0);
typedef int (*build_site_vips_version_fn)(int flag);
typedef void (*build_site_vips_cache_set_max_fn)(int max);
typedef const char *(*build_site_vips_error_buffer_fn)(void);
typedef void (*build_site_vips_error_clear_fn)(void);
typedef int (*build_site_vips_thumbnail_buffer_fn)(void *buf, size_t len, struct _VipsImage **out, int width, ...);
typedef int (*build_site_vips_save_buffer_fn)(struct _VipsImage *in, void **buf, size_t *len, ...);
typedef void (*build_site_g_object_unref_fn)(void *object);
typedef void (*build_site_g_free_fn)(void *memory);
typedef unsigned int (*build_site_g_log_set_handler_fn)(const char *domain, int levels, build_site_glog_func handler,
                                                        void *data);

/// `VIPS_SIZE_DOWN` (resample.h): only ever scale down.
#define BUILD_SITE_VIPS_SIZE_DOWN 2
/// `VIPS_FOREIGN_KEEP_NONE` (foreign.h, libvips 8.15 and later): keep no metadata.
#define BUILD_SITE_VIPS_FOREIGN_KEEP_NONE 0
/// `G_LOG_LEVEL_WARNING` (gmessages.h).
#define BUILD_SITE_G_LOG_LEVEL_WARNING (1 << 4)

#endif

// The one header Swift sees for libvips, which build-site loads only when a build first resizes an image
// (`dlopen`, VipsLoader.c): the binary does not link libvips, so it starts without loading it and its ~50
// libraries, and runs on a machine without it until a site asks for resized copies.
//
// Swift sees an opaque image and plain functions. libvips's operations take their optional arguments as a
// NULL-terminated list of name/value pairs (C varargs), which Swift cannot call; VipsLoader.c calls them through
// correctly typed variadic function pointers (VipsSymbols.h) and fixes every encoder setting there, so the same
// input always gives the same bytes.
#ifndef BUILD_SITE_CVIPSLOADER_H
#define BUILD_SITE_CVIPSLOADER_H

#include <stddef.h>

/// A libvips image (`VipsImage`), only ever handled through the functions below.
typedef struct BuildSiteVipsImage BuildSiteVipsImage;

/// What `build_site_vips_load` found.
enum {
    BUILD_SITE_VIPS_LOADED = 0,
    /// The shared library could not be opened: libvips is not installed (Debian's `libvips42`).
    BUILD_SITE_VIPS_NOT_FOUND = 1,
    /// It opened, but lacks a function build-site calls, or `vips_init` failed.
    BUILD_SITE_VIPS_UNUSABLE = 2,
};

/// Opens libvips (`libvips.so.42`, or the file `$BUILD_SITE_LIBVIPS` names), finds its functions and starts it,
/// once per process (later calls return the first call's answer). Thread-safe.
int build_site_vips_load(void);

/// Why the load failed (the dynamic loader's or libvips's words), or "" after a successful load.
const char *build_site_vips_load_error(void);

/// The file name the loader opens (`libvips.so.42`), for messages.
const char *build_site_vips_library_name(void);

/// libvips's version: part 0, 1 or 2 of `8.14.1`. Only after a successful load, as every function below.
int build_site_vips_version(int part);

/// Decodes `data` and scales it down to `width` pixels wide (its height in proportion); never scales up.
/// A truncated or damaged file is an error, not a picture padded with black. 0 on success.
int build_site_vips_thumbnail(const void *data, size_t length, int width, BuildSiteVipsImage **out);

/// Encoders with fixed settings and every piece of metadata stripped; `*data` is freed with
/// `build_site_vips_free`. 0 on success.
int build_site_vips_save_png(BuildSiteVipsImage *image, void **data, size_t *length);
int build_site_vips_save_jpeg(BuildSiteVipsImage *image, void **data, size_t *length);
int build_site_vips_save_webp(BuildSiteVipsImage *image, void **data, size_t *length);

/// Drops an image made by `build_site_vips_thumbnail`.
void build_site_vips_unref(BuildSiteVipsImage *image);

/// Frees a buffer an encoder returned (`g_free`).
void build_site_vips_free(void *data);

/// libvips's error text for this thread's failures so far (never NULL), and clearing it.
const char *build_site_vips_error_buffer(void);
void build_site_vips_error_clear(void);

#endif

// The one file that talks to libvips's C API. libvips is opened with `dlopen` the first time a build needs a
// resized image, never at start-up (see include/CVipsLoader.h); its functions are called through the typed
// pointers of VipsSymbols.h, which is how a C program calls a variadic function it did not link.
#include "CVipsLoader.h"
#include "VipsSymbols.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#ifdef __APPLE__
#define BUILD_SITE_LIBVIPS "libvips.42.dylib"
#else
#define BUILD_SITE_LIBVIPS "libvips.so.42"
#endif

static struct {
    build_site_vips_init_fn init;
    build_site_vips_version_fn version;
    build_site_vips_cache_set_max_fn cache_set_max;
    build_site_vips_error_buffer_fn error_buffer;
    build_site_vips_error_clear_fn error_clear;
    build_site_vips_thumbnail_buffer_fn thumbnail_buffer;
    build_site_vips_save_buffer_fn pngsave_buffer;
    build_site_vips_save_buffer_fn jpegsave_buffer;
    build_site_vips_save_buffer_fn webpsave_buffer;
    build_site_g_object_unref_fn object_unref;
    build_site_g_free_fn free;
    build_site_g_log_set_handler_fn log_set_handler;
} vips;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static int load_status = BUILD_SITE_VIPS_UNUSABLE;
static char load_error[512] = "";
/// libvips 8.15 renamed the option that strips metadata: `strip` became `keep`.
static int uses_keep = 0;

const char *build_site_vips_library_name(void) {
    const char *chosen = getenv("BUILD_SITE_LIBVIPS");
    return chosen && *chosen ? chosen : BUILD_SITE_LIBVIPS;
}

static void ignore_log(const char *domain, int level, const char *message, void *data) {
    (void)domain; (void)level; (void)message; (void)data;
}

/// Finds `name` in the library or in the libraries it loaded (GLib's functions are in libglib and libgobject).
static void *symbol(void *library, const char *name) {
    void *found = dlsym(library, name);
    if (!found && load_error[0] == '\0') snprintf(load_error, sizeof load_error, "it has no function %s", name);
    return found;
}

static void load(void) {
    // RTLD_LOCAL: its symbols serve only the lookups below, never the rest of the process.
    void *library = dlopen(build_site_vips_library_name(), RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        const char *reason = dlerror();
        snprintf(load_error, sizeof load_error, "%s", reason ? reason : build_site_vips_library_name());
        load_status = BUILD_SITE_VIPS_NOT_FOUND;
        return;
    }
    vips.init = (build_site_vips_init_fn)symbol(library, "vips_init");
    vips.version = (build_site_vips_version_fn)symbol(library, "vips_version");
    vips.cache_set_max = (build_site_vips_cache_set_max_fn)symbol(library, "vips_cache_set_max");
    vips.error_buffer = (build_site_vips_error_buffer_fn)symbol(library, "vips_error_buffer");
    vips.error_clear = (build_site_vips_error_clear_fn)symbol(library, "vips_error_clear");
    vips.thumbnail_buffer = (build_site_vips_thumbnail_buffer_fn)symbol(library, "vips_thumbnail_buffer");
    vips.pngsave_buffer = (build_site_vips_save_buffer_fn)symbol(library, "vips_pngsave_buffer");
    vips.jpegsave_buffer = (build_site_vips_save_buffer_fn)symbol(library, "vips_jpegsave_buffer");
    vips.webpsave_buffer = (build_site_vips_save_buffer_fn)symbol(library, "vips_webpsave_buffer");
    vips.object_unref = (build_site_g_object_unref_fn)symbol(library, "g_object_unref");
    vips.free = (build_site_g_free_fn)symbol(library, "g_free");
    vips.log_set_handler = (build_site_g_log_set_handler_fn)symbol(library, "g_log_set_handler");
    if (load_error[0] != '\0') return;
    // libvips prints its warnings (a damaged file, one line per row) on stderr; build-site reports failures itself.
    vips.log_set_handler("VIPS", BUILD_SITE_G_LOG_LEVEL_WARNING, ignore_log, NULL);
    if (vips.init("build-site") != 0) {
        const char *reason = vips.error_buffer();
        snprintf(load_error, sizeof load_error, "vips_init failed: %s", reason && *reason ? reason : "unknown error");
        return;
    }
    // Nothing to gain from libvips's operation cache in a build that resizes each image once; a preview server
    // would otherwise keep decoded images alive between rebuilds.
    vips.cache_set_max(0);
    uses_keep = vips.version(0) > 8 || (vips.version(0) == 8 && vips.version(1) >= 15);
    load_status = BUILD_SITE_VIPS_LOADED;
}

int build_site_vips_load(void) {
    pthread_once(&load_once, load);
    return load_status;
}

const char *build_site_vips_load_error(void) {
    return load_error;
}

int build_site_vips_version(int part) {
    return vips.version(part);
}

int build_site_vips_thumbnail(const void *data, size_t length, int width, BuildSiteVipsImage **out) {
    return vips.thumbnail_buffer((void *)data, length, (struct _VipsImage **)out, width, "height", 10000000,
                                 "size", BUILD_SITE_VIPS_SIZE_DOWN, "option_string", "fail_on=truncated", NULL);
}

// Every encoder strips all metadata (EXIF, XMP, ICC, comments) under the option's name in the loaded version.
#define STRIP_ALL(call, ...)                                                                                   \
    (uses_keep ? call(__VA_ARGS__, "keep", BUILD_SITE_VIPS_FOREIGN_KEEP_NONE, NULL)                             \
               : call(__VA_ARGS__, "strip", 1, NULL))

int build_site_vips_save_png(BuildSiteVipsImage *image, void **data, size_t *length) {
    return STRIP_ALL(vips.pngsave_buffer, (struct _VipsImage *)image, data, length, "compression", 6, "interlace", 0);
}

int build_site_vips_save_jpeg(BuildSiteVipsImage *image, void **data, size_t *length) {
    return STRIP_ALL(vips.jpegsave_buffer, (struct _VipsImage *)image, data, length, "Q", 82, "optimize_coding", 1,
                     "interlace", 0);
}

int build_site_vips_save_webp(BuildSiteVipsImage *image, void **data, size_t *length) {
    return STRIP_ALL(vips.webpsave_buffer, (struct _VipsImage *)image, data, length, "Q", 80, "effort", 4,
                     "lossless", 0);
}

void build_site_vips_unref(BuildSiteVipsImage *image) {
    vips.object_unref(image);
}

void build_site_vips_free(void *data) {
    vips.free(data);
}

const char *build_site_vips_error_buffer(void) {
    const char *text = vips.error_buffer();
    return text ? text : "";
}

void build_site_vips_error_clear(void) {
    vips.error_clear();
}

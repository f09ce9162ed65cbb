// Checks Sources/CVipsLoader/VipsSymbols.h against the installed libvips headers: build-site declares the
// functions it calls through `dlopen` itself (so that its build needs no libvips headers), and a wrong type or
// constant there would not be found by the compiler otherwise. Compiled, never run, by .ci/run:
//   cc -fsyntax-only $(pkg-config --cflags vips) Tools/check-vips-symbols.c
#include <vips/vips.h>
#include "../Sources/CVipsLoader/VipsSymbols.h"

#define SAME_TYPE(function, pointer)                                                                          \
    _Static_assert(__builtin_types_compatible_p(__typeof__(&function), pointer), #function " differs from " #pointer)

SAME_TYPE(vips_init, build_site_vips_init_fn);
SAME_TYPE(vips_version, build_site_vips_version_fn);
SAME_TYPE(vips_cache_set_max, build_site_vips_cache_set_max_fn);
SAME_TYPE(vips_error_buffer, build_site_vips_error_buffer_fn);
SAME_TYPE(vips_error_clear, build_site_vips_error_clear_fn);
SAME_TYPE(vips_thumbnail_buffer, build_site_vips_thumbnail_buffer_fn);
SAME_TYPE(vips_pngsave_buffer, build_site_vips_save_buffer_fn);
SAME_TYPE(vips_jpegsave_buffer, build_site_vips_save_buffer_fn);
SAME_TYPE(vips_webpsave_buffer, build_site_vips_save_buffer_fn);
SAME_TYPE(g_object_unref, build_site_g_object_unref_fn);
SAME_TYPE(g_free, build_site_g_free_fn);
SAME_TYPE(g_log_set_handler, build_site_g_log_set_handler_fn);

_Static_assert(BUILD_SITE_VIPS_SIZE_DOWN == VIPS_SIZE_DOWN, "VIPS_SIZE_DOWN");
_Static_assert(BUILD_SITE_G_LOG_LEVEL_WARNING == G_LOG_LEVEL_WARNING, "G_LOG_LEVEL_WARNING");
#if VIPS_MAJOR_VERSION > 8 || (VIPS_MAJOR_VERSION == 8 && VIPS_MINOR_VERSION >= 15)
_Static_assert(BUILD_SITE_VIPS_FOREIGN_KEEP_NONE == VIPS_FOREIGN_KEEP_NONE, "VIPS_FOREIGN_KEEP_NONE");
#endif

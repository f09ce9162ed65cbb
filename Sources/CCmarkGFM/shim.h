// The one header Swift sees for cmark-gfm: the core API plus the GFM extensions.
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

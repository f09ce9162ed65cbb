// mimalloc (Debian's libmimalloc-dev), linked into the build-site executable only: built with override on, it
// replaces malloc and free for the whole process, the Swift runtime included. See Sources/build-site.
#include <mimalloc.h>

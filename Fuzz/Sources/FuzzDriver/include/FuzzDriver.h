#ifndef FUZZ_DRIVER_H
#define FUZZ_DRIVER_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's entry for programs that have their own main (LLVM 12 and later).
/// SwiftPM links executables on Linux with `--defsym main=<Module>_main`, a symbol that is never emitted
/// under -parse-as-library, so each fuzzer defines `<Module>_main` and hands control to libFuzzer here.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif

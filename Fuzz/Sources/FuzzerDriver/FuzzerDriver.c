#include "FuzzerDriver.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

// libFuzzer's entry points (compiler-rt/lib/fuzzer/FuzzerInterface.h and FuzzerDriver.cpp),
// linked by `-sanitize=fuzzer`.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));
// Defined by each harness with `@_cdecl("LLVMFuzzerTestOneInput")`.
int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size);

void mochila_fuzzer_main(int argc, char **argv) {
    exit(LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput));
}

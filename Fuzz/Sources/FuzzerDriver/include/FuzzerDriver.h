#ifndef MOCHILA_FUZZER_DRIVER_H
#define MOCHILA_FUZZER_DRIVER_H

/// Runs libFuzzer on the harness's `LLVMFuzzerTestOneInput` with the command line's arguments,
/// and exits with libFuzzer's status.
///
/// SwiftPM links an executable with `--defsym main=<Module>_main`, so libFuzzer's own `main` is
/// never linked; each harness's `@main` calls this instead.
_Noreturn void mochila_fuzzer_main(int argc, char **argv);

#endif

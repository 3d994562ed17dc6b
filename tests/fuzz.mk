# tests/fuzz.mk — fuzzing rules beside the suite (the Makefile includes tests/*.mk).
# The Makefile's own `fuzz-frontend` target (deps, clang-19 + libclang-rt-19-dev, then
# `sh tests/fuzz/run.sh $(FUZZ_SECONDS)`) runs libFuzzer on the front end; run.sh builds the
# target itself into $(BUILD)/fuzz/ with -fsanitize=fuzzer,address,undefined.
#   make fuzz-frontend FUZZ_SECONDS=600   fuzz for ten minutes; crashes -> tests/fuzz/crashes/
#   make fuzz-replay                      run the seeds and every saved crash once
#   make fuzz-clean                       forget the grown corpus and the fuzz build
.PHONY: fuzz-replay fuzz-clean

fuzz-replay: deps
	$(Q)sh tests/deps.sh $(FUZZ_PKGS)
	$(Q)BUILD=$(BUILD) sh tests/fuzz/run.sh --replay

fuzz-clean:
	rm -rf $(BUILD)/fuzz

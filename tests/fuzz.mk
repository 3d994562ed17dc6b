# tests/fuzz.mk — fuzzing rules beside the suite (the Makefile includes tests/*.mk).
# The Makefile's own `fuzz-frontend` target (deps, clang-19 + libclang-rt-19-dev, then
# `sh tests/fuzz/run.sh $(FUZZ_SECONDS)`) runs libFuzzer on the front end; run.sh builds the
# target itself into $(BUILD)/fuzz/ with -fsanitize=fuzzer,address,undefined.
#   make fuzz-frontend FUZZ_SECONDS=600   fuzz for ten minutes; crashes -> tests/fuzz/crashes/
#   make fuzz-csv / fuzz-persons / fuzz-explain FUZZ_SECONDS=600
#                                         the claims reader, the persons reader, the service's
#                                         JSON requests and explanations (tests/fuzz/fuzz_runtime.c)
#   make fuzz-csv-panji / fuzz-persons-panji FUZZ_SECONDS=600
#                                         csv and persons settled by the shipped Panji policy
#                                         built to a .so (fast entry, ledger row in place), with
#                                         its properties: -j 1 = -j 3, fast = traced (--explain),
#                                         a second run on the ledger settles nothing
#   make fuzz-diffcsv DIFF_FILES=20000    the CSV reader against Python's csv module
#                                         (tests/fuzz/diffcsv.py; make test runs 300 files)
#   make fuzz-replay                      run every target's seeds and saved crashes once
#   make fuzz-clean                       forget the grown corpora and the fuzz builds
# tests/RELIABILITY.md says what each found and the figures of the last runs.
.PHONY: fuzz-replay fuzz-clean fuzz-csv fuzz-persons fuzz-explain fuzz-diffcsv fuzz-csv-panji \
    fuzz-persons-panji

fuzz-csv fuzz-persons fuzz-explain fuzz-csv-panji fuzz-persons-panji: deps
	$(Q)sh tests/deps.sh $(FUZZ_PKGS)
	$(Q)BUILD=$(BUILD) sh tests/fuzz/run.sh $(@:fuzz-%=%) $(FUZZ_SECONDS)

# the reader's records as JSON lines, for diffcsv.py; built with the unit tests (make unit),
# as tests/runtime/diffcsv.sh runs it in the suite
$(BUILD)/tests/csvdump: tests/fuzz/csvdump.c $(BUILD)/libpolrt.a
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(CFLAGS_ALL) -Iruntime -o $@ $< \
	    -Wl,--whole-archive $(BUILD)/libpolrt.a -Wl,--no-whole-archive $(RT_LIBS)
unit: $(BUILD)/tests/csvdump

# the runtime's fuzz targets compiled (not linked: libFuzzer is clang's) with the unit tests,
# so an API change cannot leave them stale between fuzzing runs (service_new and
# service_settle had changed under fuzz_runtime.c unnoticed)
FUZZ_RT_OBJS := $(foreach t,CSV PERSONS SERVICE,$(BUILD)/tests/fuzz_runtime_$(t).o)
$(FUZZ_RT_OBJS): $(BUILD)/tests/fuzz_runtime_%.o: tests/fuzz/fuzz_runtime.c runtime/service.h \
    runtime/include/polrt.h
	@mkdir -p $(dir $@)
	@echo "  CC      $< ($*)"
	$(Q)$(CC) $(CFLAGS_ALL) -DFUZZ_TARGET_$*=1 -Iruntime/include -Iruntime -Itests/unit/support \
	    -c -o $@ $<
unit: $(FUZZ_RT_OBJS)

DIFF_FILES ?= 20000
fuzz-diffcsv: deps
	$(Q)$(MAKE) --no-print-directory $(BUILD)/tests/csvdump
	$(Q)python3 tests/fuzz/diffcsv.py --dump $(BUILD)/tests/csvdump --files $(DIFF_FILES) \
	    --seed $$(date +%s)

fuzz-replay: deps
	$(Q)sh tests/deps.sh $(FUZZ_PKGS)
	$(Q)for t in frontend csv persons explain csv-panji persons-panji; do \
	    BUILD=$(BUILD) sh tests/fuzz/run.sh --replay $$t || exit 1; done

fuzz-clean:
	rm -rf $(BUILD)/fuzz

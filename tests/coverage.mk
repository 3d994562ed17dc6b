# tests/coverage.mk — `make coverage`: line coverage of runtime/, compiler/ (and cli/, sim/)
# under the suite, measured with gcov (tests/RELIABILITY.md reports it). Builds polc and the
# unit tests into build/cov with --coverage at -O0 (engines `polc build` links get it too:
# SAN_FLAGS reaches their link line), runs tests/run (COV_SECTIONS, default all), then prints
# per directory and per file the lines executed (tests/coverage.sh). The .gcda counters add
# up across runs: `make coverage-clean` starts again.
COV_SECTIONS ?=
.PHONY: coverage coverage-clean
coverage: deps
	$(Q)$(MAKE) --no-print-directory BUILD=build/cov OPT="-O0 -g" SAN_FLAGS=--coverage all unit
	$(Q)POLC=build/cov/polc BUILD=build/cov sh tests/run $(COV_SECTIONS) || true
	$(Q)sh tests/coverage.sh build/cov

coverage-clean:
	find build/cov -name '*.gcda' -delete 2>/dev/null || true

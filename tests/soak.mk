# tests/soak.mk — `make soak`: kill -9 at random points, many times (tests/RELIABILITY.md).
# SOAK_ROUNDS rounds of tests/runtime/ledger_kill.sh with KILL_POINTS="random 8" (8 SIGKILLs
# at random points of progress, -j 1, 2 or 4 at random, on an SQLite ledger, then the re-run
# must end where one uninterrupted run ends, every claim settled exactly once), each with its
# own seed; 25 rounds are 200 kills. SOAK_CLAIMS claims a round (as the suite's: with fewer,
# a run ends before most kill points on a fast machine). Prints the rounds' summary lines and
# "soak: K kills in R rounds, F failed". Then SOAK_CONCURRENT rounds of
# tests/runtime/ledger_concurrent.sh with 6 runs at once (-j 1, 2, 4) on one ledger, 20,000
# persons. Exit 1 when a round failed.
SOAK_ROUNDS ?= 25
SOAK_CONCURRENT ?= 5
SOAK_CLAIMS ?= 200000
.PHONY: soak
# polc is copied first: a rebuild during the hour a soak takes must not change it mid-way
soak: all
	$(Q)mkdir -p $(BUILD)/soak && cp $(BUILD)/polc $(BUILD)/soak/polc
	$(Q)k=0; f=0; for r in $$(seq 1 $(SOAK_ROUNDS)); do \
	    out=$$(POLC=$(BUILD)/soak/polc KILL_POINTS="random 8" KILL_CLAIMS=$(SOAK_CLAIMS) \
	        KILL_SEED=$$(($$(date +%s) + r)) sh tests/runtime/ledger_kill.sh); \
	    echo "$$out" | grep -E 'KILL_SEED|FAIL|runs killed|passed'; \
	    n=$$(echo "$$out" | sed -n 's/.*ledger kill: \([0-9]*\) of [0-9]* runs killed.*/\1/p'); \
	    k=$$((k + $${n:-0})); \
	    echo "$$out" | grep -q '^\[FAIL\]' && f=$$((f + 1)); \
	done; echo "soak: $$k kills in $(SOAK_ROUNDS) rounds, $$f round(s) failed"; \
	c=0; for r in $$(seq 1 $(SOAK_CONCURRENT)); do \
	    out=$$(POLC=$(BUILD)/soak/polc RUNS=6 PERSONS=20000 sh tests/runtime/ledger_concurrent.sh); \
	    echo "$$out"; echo "$$out" | grep -q '^\[PASS\]' || c=$$((c + 1)); \
	done; echo "soak: $(SOAK_CONCURRENT) rounds of 6 concurrent runs, $$c failed"; \
	[ $$f -eq 0 ] && [ $$c -eq 0 ]

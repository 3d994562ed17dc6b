# tests/soak.mk — `make soak`: kill -9 at random points, many times (tests/RELIABILITY.md).
# SOAK_ROUNDS rounds of tests/runtime/ledger_kill.sh on an SQLite ledger and SOAK_PG_ROUNDS on
# a real PostgreSQL (KILL_LEDGER=pg, tests/serve/pg.sh), each with KILL_POINTS="random 8" (8
# SIGKILLs at random points of progress, -j 1, 2 or 4 at random, then the re-run must end
# where one uninterrupted run ends, every claim settled exactly once) and its own seed; 22 +
# 3 rounds are 200 kills. SOAK_CLAIMS (SOAK_PG_CLAIMS on PostgreSQL, whose runs are slower)
# claims a round: with fewer, a run ends before most kill points on a fast machine; on
# PostgreSQL progress shows only at a commit (a ledger batch, ~4,000 claims), so its rounds
# need ~10 batches for 8 kills. Prints
# the rounds' summary lines and "soak: K kills in R rounds (S on SQLite, P on PostgreSQL), F
# failed". Then SOAK_CONCURRENT rounds of tests/runtime/ledger_concurrent.sh with 6 runs at
# once (-j 1, 2, 4) on one ledger, 20,000 persons. Exit 1 when a round failed.
SOAK_ROUNDS ?= 22
SOAK_PG_ROUNDS ?= 3
SOAK_CONCURRENT ?= 5
SOAK_CLAIMS ?= 200000
SOAK_PG_CLAIMS ?= 40000
.PHONY: soak
# polc is copied first: a rebuild during the hour a soak takes must not change it mid-way
soak: all
	$(Q)mkdir -p $(BUILD)/soak && cp $(BUILD)/polc $(BUILD)/soak/polc
	$(Q)k=0; ks=0; kp=0; f=0; r=0; \
	for led in $$(yes sqlite | head -n $(SOAK_ROUNDS)) $$(yes pg | head -n $(SOAK_PG_ROUNDS)); do \
	    r=$$((r + 1)); claims=$(SOAK_CLAIMS); [ $$led = pg ] && claims=$(SOAK_PG_CLAIMS); \
	    out=$$(POLC=$(BUILD)/soak/polc KILL_LEDGER=$$led KILL_POINTS="random 8" \
	        KILL_CLAIMS=$$claims KILL_SEED=$$(($$(date +%s) + r)) sh tests/runtime/ledger_kill.sh); \
	    echo "$$out" | grep -E 'KILL_SEED|FAIL|runs killed|passed|skipped' | sed "s/^/$$led: /"; \
	    n=$$(echo "$$out" | sed -n 's/.*ledger kill: \([0-9]*\) of [0-9]* runs killed.*/\1/p'); \
	    k=$$((k + $${n:-0})); \
	    if [ $$led = pg ]; then kp=$$((kp + $${n:-0})); else ks=$$((ks + $${n:-0})); fi; \
	    echo "$$out" | grep -q '^\[FAIL\]' && f=$$((f + 1)); \
	done; \
	echo "soak: $$k kills in $$r rounds ($$ks on SQLite, $$kp on PostgreSQL), $$f round(s) failed"; \
	c=0; for r in $$(seq 1 $(SOAK_CONCURRENT)); do \
	    out=$$(POLC=$(BUILD)/soak/polc RUNS=6 PERSONS=20000 sh tests/runtime/ledger_concurrent.sh); \
	    echo "$$out"; \
	    if echo "$$out" | grep -q '^\[FAIL\]' || ! echo "$$out" | grep -q '^\[PASS\]'; then \
	        c=$$((c + 1)); fi; \
	done; echo "soak: $(SOAK_CONCURRENT) rounds of 6 concurrent runs, $$c failed"; \
	[ $$f -eq 0 ] && [ $$c -eq 0 ]

# tests/soak.mk — `make soak`: kill -9 at random points, many times (tests/RELIABILITY.md).
# SOAK_ROUNDS rounds of tests/runtime/ledger_kill.sh on an SQLite ledger, SOAK_PG_ROUNDS on a
# real PostgreSQL (KILL_LEDGER=pg, tests/serve/pg.sh) and SOAK_ENC_ROUNDS on an SQLite ledger
# encrypted with --ledger-key (KILL_LEDGER=encrypted, SQLCipher), each with KILL_POINTS="random
# 8" (8 SIGKILLs at random points of progress, each of which must land mid-way, -j 1, 2 or 4 at
# random, then the re-run must end where one uninterrupted run ends, every claim settled
# exactly once) and its own seed; 20 + 3 + 2 rounds are 200 kills. SOAK_CLAIMS claims a round
# (SOAK_PG_CLAIMS on PostgreSQL, whose runs are slower: its rows are padded so that a commit
# holds fewer claims, see ledger_kill.sh). Prints the rounds' summary lines and "soak: K kills
# mid-way in R rounds (S on SQLite, P on PostgreSQL, E encrypted), F round(s) failed". Then
# SOAK_CONCURRENT rounds of tests/runtime/ledger_concurrent.sh on SQLite and
# SOAK_CONCURRENT_PG on PostgreSQL: 6 runs at once (-j 1, 2, 4) on one ledger, 20,000
# persons, SOAK_CONCURRENT_KILLS of them SIGKILLed at random points, then one more run: every
# claim settled exactly once, the ledger one clean run's. Last, what the suite samples in full:
# tests/runtime/ledger_history.sh with all 24 orders of its late claims on SQLite
# (HISTORY_ORDERS=all). Exit 1 when a round failed.
SOAK_ROUNDS ?= 20
SOAK_PG_ROUNDS ?= 3
SOAK_ENC_ROUNDS ?= 2
SOAK_CONCURRENT ?= 5
SOAK_CONCURRENT_PG ?= 2
SOAK_CONCURRENT_KILLS ?= 3
SOAK_CLAIMS ?= 200000
SOAK_PG_CLAIMS ?= 40000
.PHONY: soak
# polc is copied first: a rebuild during the hour a soak takes must not change it mid-way
soak: all
	$(Q)mkdir -p $(BUILD)/soak && cp $(BUILD)/polc $(BUILD)/soak/polc
	$(Q)k=0; ks=0; kp=0; ke=0; f=0; r=0; \
	for led in $$(yes sqlite | head -n $(SOAK_ROUNDS)) $$(yes pg | head -n $(SOAK_PG_ROUNDS)) \
	    $$(yes encrypted | head -n $(SOAK_ENC_ROUNDS)); do \
	    r=$$((r + 1)); claims=$(SOAK_CLAIMS); [ $$led = pg ] && claims=$(SOAK_PG_CLAIMS); \
	    out=$$(POLC=$(BUILD)/soak/polc KILL_LEDGER=$$led KILL_POINTS="random 8" \
	        KILL_CLAIMS=$$claims KILL_SEED=$$(($$(date +%s) + r)) sh tests/runtime/ledger_kill.sh); \
	    echo "$$out" | grep -E 'KILL_SEED|FAIL|runs killed|passed|skipped' | sed "s/^/$$led: /"; \
	    n=$$(echo "$$out" | sed -n 's/.*ledger kill: \([0-9]*\) of [0-9]* runs killed.*/\1/p'); \
	    k=$$((k + $${n:-0})); \
	    case $$led in pg) kp=$$((kp + $${n:-0})) ;; encrypted) ke=$$((ke + $${n:-0})) ;; \
	        *) ks=$$((ks + $${n:-0})) ;; esac; \
	    if echo "$$out" | grep -q '^\[FAIL\]' || ! echo "$$out" | grep -q '^\[PASS\]'; then \
	        f=$$((f + 1)); fi; \
	done; \
	echo "soak: $$k kills mid-way in $$r rounds ($$ks on SQLite, $$kp on PostgreSQL, $$ke encrypted), $$f round(s) failed"; \
	c=0; ck=0; r=0; \
	for led in $$(yes sqlite | head -n $(SOAK_CONCURRENT)) $$(yes pg | head -n $(SOAK_CONCURRENT_PG)); do \
	    r=$$((r + 1)); \
	    out=$$(POLC=$(BUILD)/soak/polc LEDGER=$$led RUNS=6 PERSONS=20000 KILLS=$(SOAK_CONCURRENT_KILLS) \
	        KILL_SEED=$$(($$(date +%s) + r)) sh tests/runtime/ledger_concurrent.sh); \
	    echo "$$out" | sed "s/^/$$led: /"; \
	    n=$$(echo "$$out" | sed -n 's/.*ledger concurrent: \([0-9]*\) of [0-9]* runs killed mid-way.*/\1/p'); \
	    ck=$$((ck + $${n:-0})); \
	    if echo "$$out" | grep -q '^\[FAIL\]' || ! echo "$$out" | grep -q '^\[PASS\]'; then \
	        c=$$((c + 1)); fi; \
	done; \
	echo "soak: $$r rounds of 6 concurrent runs ($(SOAK_CONCURRENT) on SQLite, $(SOAK_CONCURRENT_PG) on PostgreSQL), $$ck of them killed mid-way, $$c round(s) failed"; \
	out=$$(POLC=$(BUILD)/soak/polc HISTORY_ORDERS=all sh tests/runtime/ledger_history.sh); \
	h=$$?; echo "$$out" | grep -E 'FAIL|late claims:|passed'; \
	[ $$f -eq 0 ] && [ $$c -eq 0 ] && [ $$h -eq 0 ]

# bench/bench.mk — benchmark programs, included by the Makefile (`make bench` runs
# bench/run.sh). compile_bench links the compiler's own objects, as build/polc is linked,
# so it times the same phases polc runs; ledger_bench links the runtime and the unit tests'
# fake policy, so it times the session and its ledger without a compiler.
BENCH_COMPILE := $(BUILD)/bench/compile_bench

$(BUILD)/bench/compile_bench.o: bench/compile_bench.c | $(BUILD)/parser.h $(BUILD)/lexer.h
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(CFLAGS_ALL) -c $< -o $@

$(BENCH_COMPILE): $(BUILD)/bench/compile_bench.o $(FRONT_OBJS) $(LLVM_OBJS) $(BUILD)/libpolrt.a
	@echo "  LD      $@"
	$(Q)$(CC) $(SAN_FLAGS) $(EXPORT_RUNTIME) -o $@ $(BUILD)/bench/compile_bench.o $(FRONT_OBJS) \
	    $(LLVM_OBJS) -Wl,--whole-archive $(BUILD)/libpolrt.a -Wl,--no-whole-archive \
	    $(LLVM_LIBS) -lstdc++ -lffi -lnettle $(RT_LIBS)

# ledger_bench: the session and ledger alone, on the unit tests' hand-written fake policy
BENCH_LEDGER := $(BUILD)/bench/ledger_bench

$(BENCH_LEDGER): bench/ledger_bench.c $(UNIT_SUPPORT) $(BUILD)/libpolrt.a
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(CFLAGS_ALL) -Iruntime -Itests/unit/support -rdynamic -o $@ $< $(UNIT_SUPPORT) \
	    -Wl,--whole-archive $(BUILD)/libpolrt.a -Wl,--no-whole-archive $(RT_LIBS)

.PHONY: bench-programs
bench-programs: $(BENCH_COMPILE) $(BENCH_LEDGER)

# bench/handwritten/panji.c: the Panji policy settled by hand, the limit `polc run` is measured
# against (issue 9). Plain C at -O2 whatever OPT says (it is the benchmark), no polc code or
# library; built by `all` so tests/cli/handwritten.sh finds it under `make test`.
BENCH_HAND := $(BUILD)/bench/panji_hand

$(BENCH_HAND): bench/handwritten/panji.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) -std=c11 -O2 $(WARN) $(SAN_FLAGS) -o $@ $<

all: $(BENCH_HAND)

# bench/maxrss.c: wall time and peak resident memory of a command (bench/pipeline.sh)
BENCH_MAXRSS := $(BUILD)/bench/maxrss

$(BENCH_MAXRSS): bench/maxrss.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) -std=c11 -O2 $(WARN) -o $@ $<

bench-programs: $(BENCH_HAND) $(BENCH_MAXRSS)

# bench/sqlite_floor.c: the least a row a claim costs in SQLite (the SQLite ledger's floor,
# bench/README.md); SQLCipher's library, as the runtime links it
BENCH_SQLITE_FLOOR := $(BUILD)/bench/sqlite_floor

$(BENCH_SQLITE_FLOOR): bench/sqlite_floor.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) -std=c11 -O2 $(WARN) -o $@ $< -lsqlcipher

bench-programs: $(BENCH_SQLITE_FLOOR)

# bench/settle_bench.c: polc's settle phase alone (the pipeline with a sink that does
# nothing), beside the hand-written program's settle loop in bench/pipeline.sh
BENCH_SETTLE := $(BUILD)/bench/settle_bench

$(BENCH_SETTLE): bench/settle_bench.c $(BUILD)/libpolrt.a
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(CFLAGS_ALL) -Iruntime -rdynamic -o $@ $< -Wl,--whole-archive $(BUILD)/libpolrt.a \
	    -Wl,--no-whole-archive $(RT_LIBS)

bench-programs: $(BENCH_SETTLE)

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
	$(Q)$(CC) $(SAN_FLAGS) -rdynamic -o $@ $(BUILD)/bench/compile_bench.o $(FRONT_OBJS) \
	    $(LLVM_OBJS) -Wl,--whole-archive $(BUILD)/libpolrt.a -Wl,--no-whole-archive \
	    $(LLVM_LIBS) -lffi -lnettle $(RT_LIBS)

# ledger_bench: the session and ledger alone, on the unit tests' hand-written fake policy
BENCH_LEDGER := $(BUILD)/bench/ledger_bench

$(BENCH_LEDGER): bench/ledger_bench.c $(UNIT_SUPPORT) $(BUILD)/libpolrt.a
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(CFLAGS_ALL) -Iruntime -Itests/unit/support -rdynamic -o $@ $< $(UNIT_SUPPORT) \
	    -Wl,--whole-archive $(BUILD)/libpolrt.a -Wl,--no-whole-archive $(RT_LIBS)

.PHONY: bench-programs
bench-programs: $(BENCH_COMPILE) $(BENCH_LEDGER)

# bench/bench.mk — benchmark programs, included by the Makefile (`make bench` runs
# bench/run.sh). compile_bench links the compiler's own objects, as build/polc is linked,
# so it times the same phases polc runs.
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

.PHONY: bench-programs
bench-programs: $(BENCH_COMPILE)

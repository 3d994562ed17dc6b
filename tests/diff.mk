# tests/diff.mk — the differential-testing data generator (tests/diff/randdata.c), included by
# the Makefile. It links the runtime (whole archive, -rdynamic) so that dlopen()ing an engine
# .so finds the polrt_* symbols the engine expects of its host, as polc provides them.
DIFF_RANDDATA := $(BUILD)/tests/diff/randdata

$(DIFF_RANDDATA): tests/diff/randdata.c $(BUILD)/libpolrt.a
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(CFLAGS_ALL) -rdynamic -o $@ $< -Wl,--whole-archive $(BUILD)/libpolrt.a \
	    -Wl,--no-whole-archive $(RT_LIBS)

all: $(DIFF_RANDDATA)

# the fast entry against the traced one, claim by claim (tests/diff/fastcmp.c): runtime
# internals (rt_int.h), so -Iruntime
DIFF_FASTCMP := $(BUILD)/tests/diff/fastcmp

$(DIFF_FASTCMP): tests/diff/fastcmp.c $(BUILD)/libpolrt.a
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(CFLAGS_ALL) -Iruntime -rdynamic -o $@ $< -Wl,--whole-archive $(BUILD)/libpolrt.a \
	    -Wl,--no-whole-archive $(RT_LIBS)

all: $(DIFF_FASTCMP)

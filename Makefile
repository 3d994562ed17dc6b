# polc — one non-recursive Makefile. Objects go to build/; nothing generated is committed.
# Targets: all deps test demo asan lint grammar fuzz-frontend bench install report-shot clean
# (V=1: show commands)

LLVM_CONFIG ?= llvm-config-19
CC ?= cc
BUILD ?= build
OPT ?= -O2 -g

# Debian packages the project needs; `make deps` installs what is missing (as root).
DEB_PKGS := gcc make flex bison llvm-19-dev libffi-dev libsqlcipher-dev libcjson-dev nettle-dev \
            pkg-config clang-format libmicrohttpd-dev libxlsxwriter-dev unzip man-db \
            libpq-dev postgresql curl wrk jq openssl python3 sqlite3 sqlcipher lld libzstd-dev strace \
            libopenmpi-dev openmpi-bin
FUZZ_PKGS := clang-19 libclang-rt-19-dev
# `make report-shot` only: headless Chromium and a CJK font to render simulate's report
SHOT_PKGS := chromium fonts-wqy-zenhei

WARN := -Wall -Wextra -Wshadow -Wundef -Wwrite-strings -Wstrict-prototypes \
        -Wmissing-prototypes -Wvla -Wno-unused-parameter
ifeq ($(CI),true)
WARN += -Werror
endif
# SQLite is SQLCipher's build of it (Debian libsqlcipher-dev), linked instead of libsqlite3, so
# that a ledger can be encrypted at rest (--ledger-key, spec/PRIVACY.md): one SQLite in the
# process, its header in /usr/include/sqlcipher, sqlite3_key declared with SQLITE_HAS_CODEC.
# Debian 12's is SQLCipher 3.4.1, on SQLite 3.15.2: runtime/ledger.c keeps to the SQL that
# version knows (no upsert, no RETURNING on SQLite). The sqlite3 shell the tests use to look
# into plain ledgers is a separate program.
SQLITE_CFLAGS := -I/usr/include/sqlcipher -DSQLITE_HAS_CODEC
SQLITE_LIBS := -lsqlcipher
# SQLCipher, libpq, libxlsxwriter, libmicrohttpd and Open MPI are not linked: the code that
# needs one opens it on first use (runtime/dl.h), by the soname of the library its -dev
# package links (objdump, from binutils, which gcc depends on). A program that calls SQLite itself
# (test_session, bench/sqlite_floor) links $(SQLITE_LIBS).
soname = $(shell objdump -p $$($(CC) -print-file-name=lib$(1).so) 2>/dev/null | \
                 sed -n 's/^ *SONAME *//p')
DL_SONAMES := -DRT_SONAME_sqlcipher='"$(call soname,sqlcipher)"' \
              -DRT_SONAME_pq='"$(call soname,pq)"' \
              -DRT_SONAME_xlsxwriter='"$(call soname,xlsxwriter)"' \
              -DRT_SONAME_mpi='"$(call soname,mpi)"' \
              -DRT_SONAME_microhttpd='"$(call soname,microhttpd)"'
BASE_CFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(OPT) $(WARN) -MMD -MP \
               -Iruntime/include -Isim -iquote $(BUILD) -iquote compiler $(SQLITE_CFLAGS) \
               $(DL_SONAMES)
SAN_FLAGS :=
ifeq ($(SAN),1)
SAN_FLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined \
             -DPOLC_ARENA_DEBUG
endif
CFLAGS_ALL = $(BASE_CFLAGS) $(SAN_FLAGS) $(CFLAGS)
LLVM_CFLAGS = $(shell $(LLVM_CONFIG) --cflags 2>/dev/null | sed 's/-D_GNU_SOURCE//')
# LLVM is linked statically (the archives of Debian's llvm-19-dev), and by lld: the shared
# libLLVM cost every start of polc ~90 ms of CPU (its ~380,000 relocations and the dozen
# libraries it loads, z3 among them). It lives in the back end, $(BACKEND_SO) (compiler/cg.c,
# jit.c, emit.c with LLVM and libstdc++ inside, only their own names exported), which polc
# opens the first time it compiles (cli/backend.h): linked into polc, LLVM's 121,000
# relocations, its 4,600 lookups of libstdc++'s names and its option-registering constructors
# were ~8 ms of every start (`polc --version` 1,220 page faults, 10.3 M instructions), paid
# by `polc run ENGINE.so`, `polc ledger`, `polc gen` and each of the test suite's thousands
# of polc processes that never compile. lld links it in ~2.5 s where GNU ld takes ~12.
# polc exports polrt_* (what engines and JIT-compiled code call) and the few front-end names
# the back end uses, not the whole of polc as -rdynamic would.
LLVM_COMPONENTS := orcjit native passes bitwriter
LLVM_LIBS = -fuse-ld=lld $(shell $(LLVM_CONFIG) --ldflags 2>/dev/null) \
            $(shell $(LLVM_CONFIG) --link-static --libs $(LLVM_COMPONENTS) 2>/dev/null) \
            -Wl,--as-needed $(shell $(LLVM_CONFIG) --link-static --system-libs 2>/dev/null) \
            -Wl,--no-as-needed
EXPORT_RUNTIME := -Wl,--export-dynamic-symbol='polrt_*'
BACKEND_IMPORTS := ir_hosts polc_internal_error polc_own_file
EXPORT_FRONT := $(BACKEND_IMPORTS:%=-Wl,--export-dynamic-symbol=%)
# libpq's header directory (Debian: libpq-dev)
PG_INCLUDE := $(shell pg_config --includedir 2>/dev/null || echo /usr/include/postgresql)
RT_LIBS := -lcjson -lpthread -ldl -lm

ifeq ($(V),1)
Q :=
else
Q := @
endif

RUNTIME_SRCS := runtime/money.c runtime/dates.c runtime/calendar.c runtime/engine.c \
                runtime/schema.c runtime/csv.c runtime/decode.c runtime/out.c runtime/ledger.c runtime/session.c \
                runtime/progress.c runtime/pipeline.c runtime/ranks.c runtime/resettle.c runtime/ledger_io.c runtime/run.c runtime/explain.c runtime/util.c \
                runtime/opts.c runtime/service.c runtime/xlsx.c runtime/ledger_key.c runtime/dl.c
RUNTIME_GEN := $(BUILD)/runtime/calendar_data.c
RUNTIME_OBJS := $(RUNTIME_SRCS:%.c=$(BUILD)/%.o) $(BUILD)/runtime/calendar_data.o

# what-if simulation and its report: analysis a deployed engine does not carry (libpolsim)
SIM_SRCS := sim/simulate.c sim/report.c
SIM_OBJS := $(SIM_SRCS:%.c=$(BUILD)/%.o)

# compiler/: the phases; cli/: the command table and one file per command; tools/: polc gen
FRONT_SRCS := compiler/arena.c compiler/source.c compiler/diag.c compiler/ast.c \
              compiler/sema.c compiler/ir.c compiler/interp.c compiler/schema_out.c \
              compiler/driver.c compiler/fmt.c compiler/xref.c compiler/ffi.c
FRONT_GEN := $(BUILD)/parser.c $(BUILD)/lexer.c
LLVM_SRCS := compiler/cg.c compiler/jit.c compiler/emit.c
CLI_SRCS := cli/main.c cli/backend.c cli/engine.c cli/text.c cli/check.c cli/build.c cli/run.c cli/ledger.c \
            cli/test.c cli/simulate.c cli/call.c cli/gen.c cli/fmt.c \
            cli/lsp.c cli/doc.c cli/serve.c
TOOLS_SRCS := tools/gen.c
FRONT_OBJS := $(FRONT_SRCS:%.c=$(BUILD)/%.o) $(BUILD)/parser.o $(BUILD)/lexer.o
LLVM_OBJS := $(LLVM_SRCS:%.c=$(BUILD)/%.o)
CLI_OBJS := $(CLI_SRCS:%.c=$(BUILD)/%.o)
TOOLS_OBJS := $(TOOLS_SRCS:%.c=$(BUILD)/%.o)
# runtime/cluster.c: the one file that speaks MPI (Open MPI, opened when mpirun starts polc:
# runtime/dl.h), in polc only, so that libpolrt and a built engine carry no MPI (spec/SCALE.md)
CLUSTER_OBJS := $(BUILD)/runtime/cluster.o
MPI_CFLAGS = $(shell mpicc --showme:compile 2>/dev/null)
POLC_OBJS := $(FRONT_OBJS) $(CLI_OBJS) $(TOOLS_OBJS) $(CLUSTER_OBJS)
BACKEND_SO := $(BUILD)/polc-backend.so

UNIT_TESTS := $(patsubst tests/unit/%.c,$(BUILD)/tests/unit/%,$(wildcard tests/unit/*.c))

# the shared runtime, for C programs that embed an engine (examples/embed): only the POLRT_API
# names are exported; the soname carries the ABI's major version (PolRunOpts, PolResult...)
POLC_VERSION := $(shell sed -n 's/.*POLC_VERSION_STRING "polc \(.*\)"/\1/p' compiler/schema_out.h)
POLRT_SOVERSION := 0
POLRT_SO := libpolrt.so.$(POLC_VERSION)
.PHONY: all deps test demo asan tsan lint grammar fuzz-frontend bench clean unit install report-shot \
    man
all: $(BUILD)/polc $(BACKEND_SO) $(BUILD)/libpolrt.a $(BUILD)/runtime/engine_main.o \
     $(BUILD)/$(POLRT_SO)

# ---- set-up: check Debian packages, install missing ones when root -------------------
deps:
	$(Q)sh tests/deps.sh $(DEB_PKGS)

$(BUILD)/polc: $(POLC_OBJS) $(BUILD)/libpolsim.a $(BUILD)/libpolrt.a
	@echo "  LD      $@"
	$(Q)$(CC) $(SAN_FLAGS) $(EXPORT_RUNTIME) $(EXPORT_FRONT) -o $@ $(POLC_OBJS) \
	    $(BUILD)/libpolsim.a -Wl,--whole-archive $(BUILD)/libpolrt.a \
	    -Wl,--no-whole-archive -lffi -lnettle $(RT_LIBS)

# the back end: its objects' names exported (jit_*, emit_*), LLVM's and libstdc++'s kept
# inside (--exclude-libs); its imports from polc resolve against polc's exports when polc
# opens it
$(BACKEND_SO): $(LLVM_OBJS)
	@echo "  LD      $@"
	$(Q)$(CC) $(SAN_FLAGS) -shared -Wl,--exclude-libs,ALL -o $@ $(LLVM_OBJS) $(LLVM_LIBS) \
	    -static-libgcc -Wl,-Bstatic -lstdc++ -Wl,-Bdynamic

$(BUILD)/libpolrt.a: $(RUNTIME_OBJS)
	@echo "  AR      $@"
	$(Q)rm -f $@ && ar rcs $@ $^

$(BUILD)/$(POLRT_SO): $(RUNTIME_OBJS)
	@echo "  LD      $@"
	$(Q)$(CC) $(SAN_FLAGS) -shared -Wl,-soname,libpolrt.so.$(POLRT_SOVERSION) -o $@ $^ $(RT_LIBS)

$(BUILD)/libpolsim.a: $(SIM_OBJS)
	@echo "  AR      $@"
	$(Q)rm -f $@ && ar rcs $@ $^

$(BUILD)/sim/%.o: sim/%.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(CFLAGS_ALL) -Iruntime -Isim -c $< -o $@

# runtime objects: hidden visibility; only POLRT_API names are exported
$(BUILD)/runtime/%.o: runtime/%.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(CFLAGS_ALL) -fPIC -fvisibility=hidden -DPOLRT_BUILD -Iruntime \
	    -I$(PG_INCLUDE) -c $< -o $@

# the Chinese working-day calendar, shipped as data (runtime/calendar/YYYY.txt), embedded
$(BUILD)/runtime/calendar_data.c: $(wildcard runtime/calendar/*.txt) runtime/calendar/embed.sh
	@mkdir -p $(dir $@)
	$(Q)sh runtime/calendar/embed.sh runtime/calendar > $@.tmp && mv $@.tmp $@
$(BUILD)/runtime/calendar_data.o: $(BUILD)/runtime/calendar_data.c
	$(Q)$(CC) $(CFLAGS_ALL) -fPIC -fvisibility=hidden -DPOLRT_BUILD -Iruntime -c $< -o $@

$(BUILD)/parser.c $(BUILD)/parser.h: compiler/parser.y
	@mkdir -p $(BUILD)
	@echo "  BISON   $<"
	$(Q)bison -Wall -Werror --defines=$(BUILD)/parser.h -o $(BUILD)/parser.c $<
$(BUILD)/lexer.c $(BUILD)/lexer.h: compiler/lexer.l $(BUILD)/parser.h
	@echo "  FLEX    $<"
	$(Q)flex --header-file=$(BUILD)/lexer.h -o $(BUILD)/lexer.c $<
$(BUILD)/parser.o: $(BUILD)/parser.c $(BUILD)/lexer.h
	$(Q)$(CC) $(CFLAGS_ALL) -Wno-missing-prototypes -Wno-unused-function -c $< -o $@
$(BUILD)/lexer.o: $(BUILD)/lexer.c
	$(Q)$(CC) $(CFLAGS_ALL) -Wno-missing-prototypes -Wno-unused-function -Wno-sign-compare \
	    -Wno-shadow -Wno-unused-but-set-variable -c $< -o $@

$(FRONT_OBJS) $(LLVM_OBJS) $(CLI_OBJS) $(TOOLS_OBJS): | $(BUILD)/parser.h $(BUILD)/lexer.h
$(BUILD)/compiler/%.o: compiler/%.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(CFLAGS_ALL) -DPOLC_RT_LIBS='"$(RT_LIBS)"' \
	    -DPOLC_LINK_EXTRA='"$(SAN_FLAGS)"' -c $< -o $@
$(BUILD)/cli/%.o: cli/%.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(CFLAGS_ALL) -c $< -o $@
$(BUILD)/tools/%.o: tools/%.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(CFLAGS_ALL) -c $< -o $@
# only these include LLVM
$(LLVM_OBJS): CFLAGS += $(LLVM_CFLAGS) -fPIC
# only this one includes MPI
$(CLUSTER_OBJS): CFLAGS += $(MPI_CFLAGS)
# the commands call tools/ (polc gen); tools/ knows nothing of the command line. They share
# the option parser with a standalone engine: runtime/opts.h
$(CLI_OBJS): CFLAGS += -iquote tools -iquote runtime

# unit tests: one binary per tests/unit/*.c, linked with the runtime, libpolsim (test_oom
# sweeps polrt_sim_run) and the shared support files (tests/unit/support/*.c: a hand-written
# "compiled" policy for runtime tests, ...)
UNIT_SUPPORT := $(wildcard tests/unit/support/*.c)
$(BUILD)/tests/unit/%: tests/unit/%.c $(UNIT_SUPPORT) $(BUILD)/libpolrt.a $(BUILD)/libpolsim.a
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(CFLAGS_ALL) -Iruntime -Itests/unit/support -rdynamic -o $@ $< $(UNIT_SUPPORT) \
	    $(BUILD)/libpolsim.a -Wl,--whole-archive $(BUILD)/libpolrt.a -Wl,--no-whole-archive $(RT_LIBS) \
	    $(SQLITE_LIBS)

unit: $(UNIT_TESTS)

# ---- installation: make install PREFIX=/usr/local (DESTDIR for packaging) ------------
PREFIX ?= /usr/local
BINDIR = $(PREFIX)/bin
LIBDIR = $(PREFIX)/lib
INCLUDEDIR = $(PREFIX)/include
DATADIR = $(PREFIX)/share

# The man page (doc/polc.1.in with each command's options from polc itself: tools/man.sh)
# and polrt.pc (how a C program compiles and links with the runtime) name the install's
# directories, so install writes them.
install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR)/polc $(DESTDIR)$(LIBDIR)/pkgconfig \
	    $(DESTDIR)$(INCLUDEDIR) $(DESTDIR)$(DATADIR)/polc/calendar $(DESTDIR)$(DATADIR)/man/man1 \
	    $(DESTDIR)$(DATADIR)/bash-completion/completions
	install -m 755 $(BUILD)/polc $(DESTDIR)$(BINDIR)/polc
	install -m 644 $(BUILD)/libpolrt.a $(DESTDIR)$(LIBDIR)/libpolrt.a
	install -m 755 $(BUILD)/$(POLRT_SO) $(DESTDIR)$(LIBDIR)/$(POLRT_SO)
	ln -sf $(POLRT_SO) $(DESTDIR)$(LIBDIR)/libpolrt.so.$(POLRT_SOVERSION)
	ln -sf libpolrt.so.$(POLRT_SOVERSION) $(DESTDIR)$(LIBDIR)/libpolrt.so
	install -m 644 $(BUILD)/runtime/engine_main.o $(DESTDIR)$(LIBDIR)/polc/engine_main.o
	install -m 755 $(BACKEND_SO) $(DESTDIR)$(LIBDIR)/polc/polc-backend.so
	install -m 644 runtime/include/polrt.h $(DESTDIR)$(INCLUDEDIR)/polrt.h
	printf '%s\n' 'prefix=$(PREFIX)' 'libdir=$(LIBDIR)' 'includedir=$(INCLUDEDIR)' '' \
	    'Name: polrt' 'Description: the polc runtime: load a policy engine, settle claims' \
	    'Version: $(POLC_VERSION)' 'Cflags: -I$${includedir}' 'Libs: -L$${libdir} -lpolrt' \
	    'Libs.private: $(RT_LIBS)' > $(DESTDIR)$(LIBDIR)/pkgconfig/polrt.pc
	install -m 644 runtime/calendar/*.txt $(DESTDIR)$(DATADIR)/polc/calendar/
	sh tools/man.sh $(BUILD)/polc doc/polc.1.in "polc $(POLC_VERSION)" $(DATADIR) \
	    $(INCLUDEDIR) $(LIBDIR) > $(DESTDIR)$(DATADIR)/man/man1/polc.1
	install -m 644 doc/polc.bash-completion $(DESTDIR)$(DATADIR)/bash-completion/completions/polc

# The same page from the build tree, read before installing: `make man; man -l build/polc.1`
# (its FILES name where `make install PREFIX=...` puts them)
man: $(BUILD)/polc.1
$(BUILD)/polc.1: $(BUILD)/polc doc/polc.1.in tools/man.sh
	$(Q)sh tools/man.sh $(BUILD)/polc doc/polc.1.in "polc $(POLC_VERSION)" $(DATADIR) \
	    $(INCLUDEDIR) $(LIBDIR) > $@.tmp && mv $@.tmp $@

# ---- the suite -----------------------------------------------------------------------
test: deps
	$(Q)$(MAKE) --no-print-directory all unit
	$(Q)sh tests/run

asan: deps
	$(Q)$(MAKE) --no-print-directory BUILD=build/asan SAN=1 OPT="-O1 -g" all unit
	$(Q)POLC=build/asan/polc BUILD=build/asan ASAN_OPTIONS=detect_leaks=0 \
	    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 sh tests/run

# ThreadSanitizer over the unit tests of the pipeline's threads (-j 1 to 8, batches that
# overlap the sink's step with the next decode): they settle with a policy engine written in
# C (tests/unit/support), so nothing built with LLVM needs instrumenting
tsan: deps
	$(Q)$(MAKE) --no-print-directory BUILD=build/tsan OPT="-O1 -g" \
	    SAN_FLAGS="-fsanitize=thread -fno-omit-frame-pointer" build/tsan/tests/unit/test_run
	$(Q)TSAN_OPTIONS=halt_on_error=1 build/tsan/tests/unit/test_run >/dev/null && \
	    echo "tsan: test_run clean"

demo: deps
	$(Q)$(MAKE) --no-print-directory all
	$(Q)sh examples/demo.sh

grammar:
	bison -Wcounterexamples -o /dev/null compiler/parser.y

lint:
	clang-format --dry-run --Werror compiler/*.c compiler/*.h cli/*.c cli/*.h tools/*.c \
	    tools/*.h runtime/*.c runtime/*.h runtime/include/*.h sim/*.c sim/*.h

FUZZ_SECONDS ?= 60
fuzz-frontend: deps
	$(Q)sh tests/deps.sh $(FUZZ_PKGS)
	$(Q)sh tests/fuzz/run.sh $(FUZZ_SECONDS)

# simulate's report of the shipped example rendered to PNG, to look at (tools/report_shot.sh)
report-shot: all
	$(Q)sh tests/deps.sh $(SHOT_PKGS)
	$(Q)sh tools/report_shot.sh

bench: deps
	$(Q)$(MAKE) --no-print-directory all
	$(Q)sh bench/run.sh

clean:
	rm -rf $(BUILD)

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)

# parts of the suite keep their own rules beside them (tests/*.mk, bench/*.mk)
-include $(wildcard tests/*.mk bench/*.mk)

/* fuzz_frontend.c — libFuzzer target for the front end: the bytes are a policy file; they are
 * lexed, parsed, checked and, when clean, lowered to IR, exactly as `polc check` / driver.c
 * do it (source_from_string, parse_source, sema_check, ir_lower). Diagnostics go to
 * /dev/null: the fuzzer looks for crashes, hangs, leaks of control and sanitizer reports,
 * never for the messages. Built and run by tests/fuzz/run.sh. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "ast.h"
#include "diag.h"
#include "ir.h"
#include "sema.h"
#include "source.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static FILE *devnull;
    if (!devnull)
        devnull = fopen("/dev/null", "w");
    /* source.c refuses larger files before they reach the lexer */
    if (size > SOURCE_MAX_BYTES)
        return 0;
    Arena a;
    arena_init(&a);
    Diag d;
    diag_init(&d, devnull ? devnull : stderr);
    Source *src = source_from_string(&a, "fuzz.pol", (const char *)data, size);
    Program *p = arena_alloc(&a, sizeof *p);
    if (parse_source(&a, &d, src, p) == 0) {
        Policy pol;
        /* a reform is applied by driver.c from files; checking it alone is a diagnostic */
        if (sema_check(&a, &d, p, &pol) == 0)
            (void)ir_lower(&a, &pol);
    }
    arena_free(&a);
    return 0;
}

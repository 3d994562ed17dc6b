/* progress.c — the one progress line of polc (runtime/pipeline.c for run and simulate,
 * tools/gen.c for gen): "polc: settling [#####.........] 42%  441,000 rows  0:05 left",
 * redrawn in place on stderr at most every 200 ms, and cleared before anything else is
 * printed there. Off, it costs a branch. */
#include "rt_int.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

/* refresh interval (ns): smooth to the eye, negligible cost */
#define PROGRESS_NS 200000000LL

POLRT_API void polrt_progress_start(PolProgress *p, int on)
{
    memset(p, 0, sizeof *p);
    p->on = on;
    p->t0 = rt_now_ns();
}

POLRT_API void polrt_progress_show(PolProgress *p, const char *what, double frac, int64_t done,
                                   const char *unit)
{
    if (!p->on)
        return;
    int64_t t = rt_now_ns();
    if (t - p->last < PROGRESS_NS)
        return;
    p->last = t;
    char n[32];
    polrt_fmt_money(done * 100, n, 1);
    n[strlen(n) - 3] = '\0'; /* a count, grouped: the money formatter without its fen */
    double secs = (double)(t - p->t0) / 1e9;
    if (frac >= 0) {
        int width = 30, fill = (int)(frac * width);
        char bar[64];
        for (int i = 0; i < width; i++)
            bar[i] = i < fill ? '#' : '.';
        bar[width] = '\0';
        fprintf(stderr, "\r%s: %s [%s] %3d%%  %s %s", opts_program(), what, bar, (int)(frac * 100),
                n, unit);
        if (frac > 0.01 && frac < 1) {
            long left = (long)(secs / frac * (1 - frac));
            fprintf(stderr, "  %ld:%02ld left", left / 60, left % 60);
        }
    } else
        fprintf(stderr, "\r%s: %s  %s %s  %.0f s", opts_program(), what, n, unit, secs);
    fputs("  ", stderr);
    p->shown = 1;
}

POLRT_API void polrt_progress_clear(PolProgress *p)
{
    if (p->shown)
        fprintf(stderr, "\r%*s\r", 78, "");
    p->shown = 0;
}

POLRT_API double polrt_progress_seconds(const PolProgress *p)
{
    return (double)(rt_now_ns() - p->t0) / 1e9;
}

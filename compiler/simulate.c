/* simulate.c — polc simulate and polc gen (spec/SIMULATE.md). */
#include <stdio.h>

#include "tool.h"

int tool_simulate(int argc, char **argv)
{
    (void)argc, (void)argv;
    fputs("polc: simulate is not built yet in this version\n", stderr);
    return 2;
}

int tool_gen(int argc, char **argv)
{
    (void)argc, (void)argv;
    fputs("polc: gen is not built yet in this version\n", stderr);
    return 2;
}

/* simulate.c — polc simulate (spec/SIMULATE.md). */
#include <stdio.h>

#include "tool.h"

int tool_simulate(int argc, char **argv)
{
    (void)argc, (void)argv;
    fputs("polc: simulate is not built yet in this version\n", stderr);
    return 2;
}

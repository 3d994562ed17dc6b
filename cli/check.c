/* check.c — polc check and polc ir: the front end alone (parse, check; lower and print the IR
 * for ir). Diagnostics go to stderr; exit 1 when a policy has errors. */
#include "cli.h"

#include "driver.h"
#include "xref.h"

/* neither command has options of its own */
static const Opt no_opts[] = {{0}};

int cmd_check(const Command *cmd, int argc, char **argv)
{
    char **pol;
    int npol, rc = opts_parse(cmd, no_opts, argc, argv, NULL, &pol, &npol);
    if (rc != OPTS_PARSED)
        return rc;
    if (npol == 0)
        return opts_usage_error(cmd, no_opts, "give at least one POLICY");
    int bad = 0;
    for (int i = 0; i < npol; i++) {
        Diag d;
        diag_init(&d, stderr);
        Compiled c;
        driver_init(&c, &d);
        if (driver_parse(&c, pol[i]) != 0 || driver_check(&c) != 0)
            bad = 1;
        else {
            XrefList xr = {0};
            xref_build(&c.arena, c.prog, &xr);
            driver_warnings(&c, &xr);
        }
        if (d.errors)
            fprintf(stderr, "%s: %d error%s\n", pol[i], d.errors, diag_plural(d.errors));
        driver_free(&c);
    }
    return bad ? EXIT_POLICY : EXIT_OK;
}

int cmd_ir(const Command *cmd, int argc, char **argv)
{
    char **pol;
    int npol, rc = opts_parse(cmd, no_opts, argc, argv, NULL, &pol, &npol);
    if (rc != OPTS_PARSED)
        return rc;
    if (npol != 1)
        return opts_usage_error(cmd, no_opts, "give one POLICY");
    Diag d;
    diag_init(&d, stderr);
    Compiled c;
    driver_init(&c, &d);
    rc = driver_compile(&c, pol[0]) == 0 ? EXIT_OK : EXIT_POLICY;
    if (rc == EXIT_OK)
        ir_dump(c.ir, stdout);
    driver_free(&c);
    return rc;
}

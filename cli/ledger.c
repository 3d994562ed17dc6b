/* ledger.c — polc ledger import|export|history|erase: a ledger store's opening balances in,
 * its rows out, its audit trail read, a person erased (spec/DATA.md "Ledger files"). The
 * policy names the ledgers and their fields; the work is the runtime's (runtime/ledger_io.c). */
#include "cli.h"

#include "engine.h"

#include <string.h>

typedef struct LedgerArgs {
    const char *ledger, *ledger_key, *out, *rejects, *person, *claim, *labels, *encoding;
    long dry_run;
} LedgerArgs;

#define AT(field) offsetof(LedgerArgs, field)
static const Opt ledger_opts[] = {
    {"ledger", 0, OPT_STR, AT(ledger), "DB", .help = "the SQLite ledger, or postgresql://..."},
    {"ledger-key", 0, OPT_STR, AT(ledger_key), "FILE",
     .help = "the key file of an encrypted SQLite ledger (mode 0600)"},
    {"out", 'o', OPT_STR, AT(out), "FILE",
     .help = "export, history: the CSV (default: standard output)"},
    {"rejects", 0, OPT_STR, AT(rejects), "FILE",
     .help = "import: rejected rows (default: FILE.rejects.csv)"},
    {"dry-run", 0, OPT_FLAG, AT(dry_run), NULL, 1,
     .help = "import: check every row, write nothing"},
    {"encoding", 0, OPT_STR, AT(encoding), "NAME",
     .help = "import: the file's encoding: utf-8 or gb18030 (gbk) (default: detected)"},
    {"person", 0, OPT_STR, AT(person), "ID",
     .help = "erase: the person whose data goes; history: only this person's events"},
    {"claim", 0, OPT_STR, AT(claim), "ID",
     .help = "history: only this claim's events and the adjustments it caused"},
    {"labels", 0, OPT_STR, AT(labels), "zh|names",
     .help = "history: head by labels or names (default zh when the policy has labels)"},
    {0},
};
#undef AT

int cmd_ledger(const Command *cmd, int argc, char **argv)
{
    LedgerArgs a;
    char **ops;
    int nops, rc = opts_parse(cmd, ledger_opts, argc, argv, &a, &ops, &nops);
    if (rc != OPTS_PARSED)
        return rc;
    const char *what = nops ? ops[0] : "";
    int imp = strcmp(what, "import") == 0, exp = strcmp(what, "export") == 0,
        era = strcmp(what, "erase") == 0, his = strcmp(what, "history") == 0;
    if (!imp && !exp && !era && !his)
        return opts_usage_error(cmd, ledger_opts, "give import, export, history or erase, not '%s'",
                                what);
    if (nops != (imp ? 3 : 2))
        return opts_usage_error(cmd, ledger_opts, "give %s POLICY%s", what, imp ? " FILE.csv" : "");
    if (!a.ledger)
        return opts_usage_error(cmd, ledger_opts, "--ledger DB is required");
    if (era && !a.person)
        return opts_usage_error(cmd, ledger_opts, "--person ID is required");
    /* the first option given that the command does not take */
    const char *bad = a.out && !exp && !his           ? "out"
                      : a.person && !era && !his      ? "person"
                      : (a.claim || a.labels) && !his ? (a.claim ? "claim" : "labels")
                      : a.rejects && !imp             ? "rejects"
                      : a.dry_run && !imp             ? "dry-run"
                      : a.encoding && !imp            ? "encoding"
                                                      : NULL;
    if (bad)
        return opts_usage_error(cmd, ledger_opts, "--%s is not an option of ledger %s", bad, what);
    if (a.person && a.claim)
        return opts_usage_error(cmd, ledger_opts, "give --person or --claim, not both");
    Engine e;
    EngineSpec spec = {.path = ops[1], .mode = ENGINE_INTERP, .open_so = 1};
    switch (engine_load(&e, &spec)) {
    case ENGINE_OK: break;
    case ENGINE_POLICY_ERRORS: engine_free(&e); return EXIT_POLICY;
    case ENGINE_FAILED: engine_free(&e); return EXIT_USAGE;
    case ENGINE_SYSTEM: engine_free(&e); return EXIT_SYSTEM;
    }
    rc = imp   ? polrt_ledger_import(e.pe, a.ledger, a.ledger_key, ops[2], a.encoding, a.rejects,
                                     (int)a.dry_run)
         : exp ? polrt_ledger_export(e.pe, a.ledger, a.ledger_key, a.out)
         : his ? polrt_ledger_history(e.pe, a.ledger, a.ledger_key, a.person, a.claim, a.out,
                                      a.labels)
               : polrt_ledger_erase(e.pe, a.ledger, a.ledger_key, a.person);
    engine_free(&e);
    return rc;
}

/* host.c — a C program that embeds a policy engine: it loads the engine polc built from
 * embed.pol, settles two claims of one person and prints their outputs. Build and run:
 *   polc build embed.pol -o embed.so
 *   cc host.c $(pkg-config --cflags --libs polrt) -o host && ./host ./embed.so */
#include <polrt.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    char err[256], a[32], b[32], c[32];
    PolEngine *e = argc == 2 ? polrt_engine_open(argv[1], err, sizeof err) : NULL;
    PolSession *s = e ? polrt_session_new(e, NULL, err, sizeof err) : NULL;
    if (!s || polrt_session_person(s, "P1", NULL, NULL, 0) != 0) {
        fprintf(stderr, "host: %s\n", argc != 2 ? "usage: host ENGINE.so" : !s ? err : "person");
        return 2;
    }
    /* the claim fields in the policy's order: level (enum member index), date (days), fen */
    int64_t claims[2][3] = {{0, 0, 1000000}, {1, 0, 2000000}}; /* county 10000, city 20000 */
    polrt_parse_date("2024-03-01", 10, &claims[0][1]);
    polrt_parse_date("2024-05-01", 10, &claims[1][1]);
    for (int i = 0; i < 2; i++) {
        char id[] = {'C', (char)('1' + i), '\0'};
        PolResult r;
        if (polrt_session_claim(s, id, "P1", claims[i], &r) != 0 || r.status != 0) {
            fprintf(stderr, "host: claim %s: %s\n", id, polrt_session_errmsg(s));
            return 3;
        }
        printf("%s basic %s patient_pays %s backstop %s\n", id, polrt_fmt_money(r.out[0], a, 0),
               polrt_fmt_money(r.out[1], b, 0), polrt_fmt_money(r.out[2], c, 0));
    }
    polrt_session_free(s);
    polrt_engine_free(e);
    return 0;
}

/* test_dl.c — runtime/dl.c: an optional library loaded on first use fills its struct of
 * function pointers; a missing library or function is an error naming the soname and the
 * Debian package, the same on every later call, and nothing is half-loaded. */
#include "dl.h"
#include "unit.h"

#include <math.h>

/* libm: in every process (polc links it), so loading it again only finds it */
#define M_FUNCS(X) X(cos) X(sqrt)
static struct {
    M_FUNCS(RT_DL_SLOT)
} m;
static const char *const m_names[] = {M_FUNCS(RT_DL_NAME)};
RT_DL_CHECK(m, m_names, "libm.so.6");

/* a function libm does not have, after one it has */
static struct {
    __typeof__(cos) *cos;
    __typeof__(cos) *polc_no_such;
} bad;
static const char *const bad_names[] = {"cos", "polc_no_such"};
RT_DL_CHECK(bad, bad_names, "libm.so.6");

static struct {
    __typeof__(cos) *cos;
} none;
static const char *const none_names[] = {"cos"};

int main(void)
{
    char err[400] = "";
    RtDl ok = RT_DL_INIT("libm.so.6", "libc6", m_names, &m, 0);
    CHECK_EQ("a library: loaded", rt_dl_load(&ok, err, sizeof err), 0);
    CHECK("and its functions callable", m.cos(0.0) == 1.0 && m.sqrt(16.0) == 4.0);
    CHECK_EQ("a second load: nothing to do", rt_dl_load(&ok, err, sizeof err), 0);

    RtDl nofn = RT_DL_INIT("libm.so.6", "libc6", bad_names, &bad, 0);
    CHECK_EQ("a missing function: an error", rt_dl_load(&nofn, err, sizeof err), -1);
    CHECK_STR("which names it and the package", err,
              "libm.so.6 has no polc_no_such: a version older than polc was built against "
              "(Debian package libc6)");
    err[0] = '\0';
    CHECK_EQ("asked again: the same error", rt_dl_load(&nofn, err, sizeof err), -1);
    CHECK("(said again)", strstr(err, "has no polc_no_such") != NULL);
    CHECK("and no handle kept", rt_dl_sym(&nofn, "cos") == NULL);

    RtDl nolib = RT_DL_INIT("libpolc-none.so.9", "polc-none", none_names, &none, 0);
    CHECK_EQ("a missing library: an error", rt_dl_load(&nolib, err, sizeof err), -1);
    /* the dynamic loader's own words follow the colon */
    const char *want = "cannot load libpolc-none.so.9 (Debian package polc-none): "
                       "libpolc-none.so.9: cannot open shared object file";
    CHECK("which names the soname, the package and the loader's reason",
          strncmp(err, want, strlen(want)) == 0);
    CHECK("data symbols only of a loaded library",
          rt_dl_sym(&nolib, "cos") == NULL && rt_dl_sym(&ok, "cos") != NULL);
    UNIT_END();
}

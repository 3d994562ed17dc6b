/* backend.c — opening the LLVM back end on first use (backend.h says why) */
#include "backend.h"

#include <limits.h>
#include <stdio.h>

#include "driver.h"

static PolBackend be;
static const char *const be_names[] = {POLC_BACKEND_FUNCS(RT_DL_NAME)};
_Static_assert(sizeof be == sizeof be_names / sizeof *be_names * sizeof(void *),
               "one pointer a name");
static char be_path[PATH_MAX];
static RtDl be_dl = RT_DL_INIT(be_path, NULL, be_names, &be, 0);

const PolBackend *polc_backend(char *err, size_t errlen)
{
    pthread_mutex_lock(&be_dl.mu); /* the path found once, as rt_dl_load opens it once */
    int found = be_path[0] || polc_own_file("polc-backend.so", "lib/polc/polc-backend.so", be_path,
                                            sizeof be_path) == 0;
    if (!found)
        be_path[0] = '\0';
    pthread_mutex_unlock(&be_dl.mu);
    if (!found) {
        snprintf(err, errlen,
                 "cannot find the compiler's back end (polc-backend.so) beside polc or in its "
                 "../lib/polc: build it (make) or install it (make install)");
        return NULL;
    }
    return rt_dl_load(&be_dl, err, errlen) == 0 ? &be : NULL;
}

/* at the end of a command, its threads joined */
const PolBackend *polc_backend_loaded(void)
{
    return be_dl.state > 0 ? &be : NULL;
}

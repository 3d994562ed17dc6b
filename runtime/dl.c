/* dl.c — optional libraries opened on first use (dl.h says why) */
#include "dl.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

int rt_dl_load(RtDl *d, char *err, size_t errlen)
{
    pthread_mutex_lock(&d->mu);
    if (d->state == 0) {
        void *h = dlopen(d->soname, RTLD_NOW | (d->global ? RTLD_GLOBAL : RTLD_LOCAL));
        const char *why = h ? NULL : dlerror();
        const char *missing = NULL;
        for (size_t i = 0; h && i < d->n && !missing; i++) {
            void *f = dlsym(h, d->names[i]);
            if (!f)
                missing = d->names[i];
            /* the slots are function pointers; dlsym's result is copied into one as POSIX
             * has it (a function pointer and a void * have one representation) */
            memcpy((char *)d->fns + i * sizeof f, &f, sizeof f);
        }
        if (!h && d->package)
            snprintf(d->err, sizeof d->err, "cannot load %s (Debian package %s): %s", d->soname,
                     d->package, why ? why : "not found");
        else if (!h) /* one of polc's own (the back end): dlerror names the path */
            snprintf(d->err, sizeof d->err, "cannot load %s", why ? why : d->soname);
        else if (missing && d->package)
            snprintf(d->err, sizeof d->err,
                     "%s has no %s: a version older than polc was built "
                     "against (Debian package %s)",
                     d->soname, missing, d->package);
        else if (missing)
            snprintf(d->err, sizeof d->err, "%s has no %s: not the one this polc was built with",
                     d->soname, missing);
        if (h && missing)
            dlclose(h);
        else
            d->handle = h;
        d->state = h && !missing ? 1 : -1;
    }
    int rc = d->state > 0 ? 0 : -1;
    if (rc < 0)
        snprintf(err, errlen, "%s", d->err);
    pthread_mutex_unlock(&d->mu);
    return rc;
}

void *rt_dl_sym(RtDl *d, const char *name)
{
    return d->handle ? dlsym(d->handle, name) : NULL;
}

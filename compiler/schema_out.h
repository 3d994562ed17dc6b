/* schema_out.h — writing the embedded schema (spec/SCHEMA.md) of a lowered policy. */
#ifndef POLC_SCHEMA_OUT_H
#define POLC_SCHEMA_OUT_H

#include "ir.h"

#define POLC_VERSION_STRING "polc 0.1.0"

typedef struct SchemaInfo {
    const char *file;   /* the policy's path as given */
    const char *sha256; /* of the source bytes (policy, or reform + base) */
    const char *built;  /* ISO time */
    const char *reform; /* reform name, or NULL */
} SchemaInfo;

char *schema_json(Arena *a, const IrProgram *ir, const SchemaInfo *info);
void schema_sha256(const char *text, size_t len, char out[65]);
const char *schema_build_time(Arena *a);

#endif

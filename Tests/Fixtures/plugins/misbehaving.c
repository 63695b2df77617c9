/* A shared-library plugin that misbehaves on purpose, one way per compile-time flag, for the host's tests:
 * -DWRONG_ABI (reports ABI 99), -DMISSING_CALL (no idgenrec_plugin_call), -DBAD_JSON (describe is not
 * JSON), -DBAD_REPLY (assign answers non-JSON), -DLYING (one id too few), -DERROR_REPLY (an error reply),
 * none of them: answers correctly ("item <i>" per catalog item). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "idgenrec_plugin.h"

int idgenrec_plugin_abi_version(void) {
#ifdef WRONG_ABI
    return 99;
#else
    return IDGENREC_PLUGIN_ABI_VERSION;
#endif
}

char *idgenrec_plugin_describe(void) {
#ifdef BAD_JSON
    return strdup("{\"abi_version\": 1, \"components\": [");
#else
    return strdup("{\"abi_version\": 1, \"components\": [{\"name\": \"misbehaving\", \"kind\": \"item-ids\"}]}");
#endif
}

#ifndef MISSING_CALL
/* Counts catalog items by their "raw_id" keys: enough JSON for a fixture. */
static int count_items(const char *request) {
    int n = 0;
    for (const char *p = strstr(request, "\"raw_id\""); p; p = strstr(p + 1, "\"raw_id\"")) n++;
    return n;
}

char *idgenrec_plugin_call(const char *component, const char *method, const char *request_json) {
    (void)component; (void)method;
#ifdef ERROR_REPLY
    return strdup("{\"error\": \"fixture: refusing on purpose\"}");
#elif defined(BAD_REPLY)
    return strdup("ids: all of them");
#else
    int n = count_items(request_json);
#ifdef LYING
    n -= 1;
#endif
    size_t cap = 64 + (size_t)n * 24;
    char *out = malloc(cap);
    strcpy(out, "{\"ids\": [");
    for (int i = 0; i < n; i++) {
        char buf[32];
        snprintf(buf, sizeof buf, "%s\"item %d\"", i ? ", " : "", i);
        strcat(out, buf);
    }
    strcat(out, "], \"added_tokens\": []}");
    return out;
#endif
}
#endif

void idgenrec_plugin_free(char *buffer) { free(buffer); }

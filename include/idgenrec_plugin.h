/*
 * idgenrec_plugin.h — the C ABI of an IDGenRec external plugin (a shared object loaded with dlopen).
 *
 * A plugin exports the four functions below. Every message is a NUL-terminated UTF-8 JSON text; the same
 * messages travel as JSON lines over stdin/stdout for subprocess plugins (see Sources/Plugins/README.md).
 *
 *   idgenrec_plugin_abi_version()  -> IDGENREC_PLUGIN_ABI_VERSION; checked first, the host refuses any other.
 *   idgenrec_plugin_describe()     -> {"abi_version": 1, "plugin": "my-plugin",
 *                                      "components": [{"name": "hashed-ngrams", "kind": "item-ids",
 *                                                      "methods": ["assign"], "config": {"n": 2}}]}
 *   idgenrec_plugin_call(component, method, request_json)
 *                                  -> a reply object, or {"error": "advice for the user"}.
 *   idgenrec_plugin_free(buffer)   releases a buffer returned by describe or call (the host never frees
 *                                  plugin memory with its own allocator).
 *
 * Method "assign" of kind "item-ids":
 *   request: {"catalog": [{"raw_id": "B00X", "text": "title: …; brand: …", "fields": {"title": "…"}}, …],
 *             "training_sequences": [[0, 4, 2], …],   item indices, training part only, oldest first
 *             "seed": 42,
 *             "params": {…}}                           the experiment's parameters over the manifest defaults
 *   reply:   {"ids": ["…", …],                         exactly one non-empty, unique string per catalog item
 *             "added_tokens": ["<h_12>", …],           atomic tokens used literally in the ids (may be empty)
 *             "report": {"collisions": "3"}}           optional, strings
 *
 * Rules: the host loads a library once and never unloads it; calls come from one thread at a time; a
 * plugin must not write to stdout (subprocess plugins: stdout carries replies only, log to stderr).
 */
#ifndef IDGENREC_PLUGIN_H
#define IDGENREC_PLUGIN_H

#ifdef __cplusplus
extern "C" {
#endif

#define IDGENREC_PLUGIN_ABI_VERSION 1

int idgenrec_plugin_abi_version(void);
char *idgenrec_plugin_describe(void);
char *idgenrec_plugin_call(const char *component, const char *method, const char *request_json);
void idgenrec_plugin_free(char *buffer);

#ifdef __cplusplus
}
#endif

#endif /* IDGENREC_PLUGIN_H */

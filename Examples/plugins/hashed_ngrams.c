/*
 * hashed-ngrams — an item-ID strategy as a shared-library plugin (C ABI: include/idgenrec_plugin.h).
 *
 * Scheme: every word n-gram (n = 1..params.n) of an item's text is hashed (FNV-1a, seeded) into one of
 * params.buckets buckets; the item's ID is its params.code_length most distinctive buckets (tf·idf over
 * the catalog, so words every item shares do not make codes), written as atomic tokens "<h_12><h_407>".
 * Items that end up with the same code get a disambiguator token "<d_1>", "<d_2>"… (the smallest free one),
 * the way P5's collaborative IDs break ties with a trailing index. Deterministic from params and seed.
 *
 * Build: make -C Examples/plugins   (→ build/libhashed_ngrams.so, needs libjson-c-dev)
 */
#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <json-c/json.h>
#include "idgenrec_plugin.h"

static const char *STOPWORDS[] = {"a", "an", "and", "the", "of", "for", "with", "in", "on", "to", "by", "or",
                                  "title", "brand", "categories", "price", "description", NULL};

typedef struct { int n, buckets, code_length; uint64_t seed; } params_t;

static int is_stopword(const char *w) {
    for (int i = 0; STOPWORDS[i]; i++) if (strcmp(w, STOPWORDS[i]) == 0) return 1;
    return 0;
}

/* Lowercase alphanumeric words of `text` without stopwords; returns the count, words in *out (malloc'd). */
static int split_words(const char *text, char ***out) {
    int cap = 16, count = 0;
    char **words = malloc(sizeof(char *) * cap);
    const char *p = text;
    while (*p) {
        while (*p && !isalnum((unsigned char)*p)) p++;
        const char *start = p;
        while (*p && isalnum((unsigned char)*p)) p++;
        size_t len = (size_t)(p - start);
        if (len == 0) continue;
        char *w = malloc(len + 1);
        for (size_t i = 0; i < len; i++) w[i] = (char)tolower((unsigned char)start[i]);
        w[len] = 0;
        if (is_stopword(w)) { free(w); continue; }
        if (count == cap) { cap *= 2; words = realloc(words, sizeof(char *) * cap); }
        words[count++] = w;
    }
    *out = words;
    return count;
}

static uint64_t fnv1a(const char **words, int n, uint64_t seed) {
    uint64_t h = 1469598103934665603ULL ^ (seed * 0x9E3779B97F4A7C15ULL);
    for (int i = 0; i < n; i++) {
        if (i > 0) { h ^= ' '; h *= 1099511628211ULL; }
        for (const char *c = words[i]; *c; c++) { h ^= (unsigned char)*c; h *= 1099511628211ULL; }
    }
    return h;
}

/* Term counts per bucket for one item (counts has params->buckets entries, zeroed by the caller). */
static void bucket_counts(const char *text, const params_t *pr, int *counts) {
    char **words;
    int nw = split_words(text, &words);
    for (int n = 1; n <= pr->n; n++)
        for (int i = 0; i + n <= nw; i++)
            counts[fnv1a((const char **)words + i, n, pr->seed) % (uint64_t)pr->buckets]++;
    for (int i = 0; i < nw; i++) free(words[i]);
    free(words);
}

/* A set of strings (open addressing): which codes are taken, so disambiguation is O(1) per try. */
typedef struct { char **slots; size_t mask; } code_set_t;

static uint64_t hash_str(const char *s) {
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++) { h ^= (unsigned char)*s; h *= 1099511628211ULL; }
    return h;
}

/* Inserts `code` unless present; returns 1 if it was inserted (the code was free). */
static int code_set_insert(code_set_t *set, const char *code) {
    for (size_t i = hash_str(code) & set->mask;; i = (i + 1) & set->mask) {
        if (!set->slots[i]) { set->slots[i] = strdup(code); return 1; }
        if (strcmp(set->slots[i], code) == 0) return 0;
    }
}

static int read_int(json_object *params, const char *key, int fallback) {
    json_object *v;
    if (params && json_object_object_get_ex(params, key, &v) && json_object_is_type(v, json_type_int)) return json_object_get_int(v);
    return fallback;
}

static char *error_reply(const char *message) {
    json_object *o = json_object_new_object();
    json_object_object_add(o, "error", json_object_new_string(message));
    char *s = strdup(json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN));
    json_object_put(o);
    return s;
}

static char *assign(json_object *req) {
    json_object *catalog, *params = NULL, *seed;
    if (!json_object_object_get_ex(req, "catalog", &catalog) || !json_object_is_type(catalog, json_type_array))
        return error_reply("request has no catalog array");
    json_object_object_get_ex(req, "params", &params);
    params_t pr = {read_int(params, "n", 2), read_int(params, "buckets", 512), read_int(params, "code_length", 3), 0};
    if (json_object_object_get_ex(req, "seed", &seed)) pr.seed = (uint64_t)json_object_get_int64(seed);
    if (pr.n < 1 || pr.buckets < 2 || pr.code_length < 1) return error_reply("params: n >= 1, buckets >= 2 and code_length >= 1 are required");

    int items = (int)json_object_array_length(catalog);
    int *counts = calloc((size_t)items * pr.buckets, sizeof(int));     /* [items, buckets] */
    int *df = calloc((size_t)pr.buckets, sizeof(int));                  /* [buckets] */
    for (int i = 0; i < items; i++) {
        json_object *item = json_object_array_get_idx(catalog, i), *text;
        const char *t = json_object_object_get_ex(item, "text", &text) ? json_object_get_string(text) : "";
        bucket_counts(t ? t : "", &pr, counts + (size_t)i * pr.buckets);
        for (int b = 0; b < pr.buckets; b++) if (counts[(size_t)i * pr.buckets + b] > 0) df[b]++;
    }

    json_object *ids = json_object_new_array(), *added = json_object_new_array();
    char *seen_tok = calloc((size_t)pr.buckets, 1);
    int max_d = 0, collisions = 0, used_none = 0;
    code_set_t taken = {NULL, 1};
    while (taken.mask + 1 < (size_t)items * 2 + 2) taken.mask = taken.mask * 2 + 1;
    taken.slots = calloc(taken.mask + 1, sizeof(char *));
    for (int i = 0; i < items; i++) {
        int *c = counts + (size_t)i * pr.buckets;
        char code[1024] = "";
        for (int k = 0; k < pr.code_length; k++) {       /* k-th most distinctive bucket, ties → lower id */
            int best = -1; double best_score = 0;
            for (int b = 0; b < pr.buckets; b++) {
                if (c[b] <= 0) continue;
                double score = c[b] * log((double)(items + 1) / (double)df[b]);
                if (best < 0 || score > best_score) { best = b; best_score = score; }
            }
            if (best < 0) break;
            c[best] = -c[best];                            /* used */
            char tok[32];
            snprintf(tok, sizeof tok, "<h_%d>", best);
            strncat(code, tok, sizeof code - strlen(code) - 1);
            if (!seen_tok[best]) { seen_tok[best] = 1; json_object_array_add(added, json_object_new_string(tok)); }
        }
        if (code[0] == 0) { strcpy(code, "<h_none>"); used_none = 1; }   /* no words at all */
        /* Disambiguate against earlier items: append the smallest <d_k> that makes the code unique. */
        char final_code[1100];
        strcpy(final_code, code);
        for (int d = 1; !code_set_insert(&taken, final_code); d++) {
            if (d == 1) collisions++;
            snprintf(final_code, sizeof final_code, "%s<d_%d>", code, d);
            if (d > max_d) max_d = d;
        }
        json_object_array_add(ids, json_object_new_string(final_code));
    }
    for (int d = 1; d <= max_d; d++) {
        char tok[32];
        snprintf(tok, sizeof tok, "<d_%d>", d);
        json_object_array_add(added, json_object_new_string(tok));
    }
    if (used_none) json_object_array_add(added, json_object_new_string("<h_none>"));

    json_object *reply = json_object_new_object(), *report = json_object_new_object();
    char buf[64];
    snprintf(buf, sizeof buf, "%d", collisions);
    json_object_object_add(report, "collisions", json_object_new_string(buf));
    json_object_object_add(reply, "ids", ids);
    json_object_object_add(reply, "added_tokens", added);
    json_object_object_add(reply, "report", report);
    char *out = strdup(json_object_to_json_string_ext(reply, JSON_C_TO_STRING_PLAIN));
    json_object_put(reply);
    for (size_t i = 0; i <= taken.mask; i++) free(taken.slots[i]);
    free(taken.slots); free(seen_tok); free(counts); free(df);
    return out;
}

int idgenrec_plugin_abi_version(void) { return IDGENREC_PLUGIN_ABI_VERSION; }

char *idgenrec_plugin_describe(void) {
    return strdup("{\"abi_version\": 1, \"plugin\": \"hashed-ngrams\", \"components\": [{\"name\": \"hashed-ngrams\", "
                  "\"kind\": \"item-ids\", \"methods\": [\"assign\"], \"config\": {\"n\": 2, \"buckets\": 512, \"code_length\": 3}}]}");
}

char *idgenrec_plugin_call(const char *component, const char *method, const char *request_json) {
    if (strcmp(component, "hashed-ngrams") != 0) return error_reply("unknown component; this plugin offers hashed-ngrams");
    if (strcmp(method, "assign") != 0) return error_reply("unknown method; hashed-ngrams answers assign");
    json_object *req = json_tokener_parse(request_json);
    if (!req) return error_reply("request is not valid JSON");
    char *out = assign(req);
    json_object_put(req);
    return out;
}

void idgenrec_plugin_free(char *buffer) { free(buffer); }

#!/usr/bin/env python3
"""title-words — an item-ID strategy as a subprocess plugin (standard library only).

Scheme: an item's ID is the first `k` words of its title (stopwords dropped, lowercased) — short, readable,
and close to the "title" baseline of the IDGenRec paper. Items whose IDs collide are disambiguated by
adding the next distinctive word of their own text (so the ID stays human language), and only when the
text runs out by a number ("… 2"). Deterministic: the catalog order decides who keeps the shorter ID.

Protocol (Sources/Plugins/README.md): one JSON message per line on stdin, one reply per line on stdout;
logs go to stderr. Messages: {"method": "describe"} and {"component": ..., "method": "assign", "request": ...}.
"""
import json
import re
import sys

STOPWORDS = {"a", "an", "and", "the", "of", "for", "with", "in", "on", "to", "by", "or", "title", "brand",
             "categories", "price", "description"}
DESCRIBE = {"abi_version": 1, "plugin": "title-words",
            "components": [{"name": "title-words", "kind": "item-ids", "methods": ["assign"], "config": {"k": 3}}]}


def words(text):
    return [w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in STOPWORDS]


def title_of(item):
    fields = item.get("fields") or {}
    if fields.get("title"):
        return fields["title"]
    match = re.search(r"title:\s*([^;]*)", item.get("text", ""))
    return match.group(1) if match else item.get("text", "")


def assign(request):
    k = request.get("params", {}).get("k", 3)
    if not isinstance(k, int) or k < 1:
        return {"error": "params.k must be a positive integer"}
    used, ids, extended, numbered = set(), [], 0, 0
    for item in request["catalog"]:
        title_words = words(title_of(item)) or words(item.get("text", "")) or ["item"]
        candidate = " ".join(title_words[:k])
        if candidate in used:
            # Disambiguate with the item's own next words first (title beyond k, then the rest of its text).
            spare = [w for w in title_words[k:] + words(item.get("text", "")) if w not in candidate.split()]
            for w in spare:
                candidate = candidate + " " + w
                if candidate not in used:
                    break
            if candidate in used:
                base, n = candidate, 2
                while f"{base} {n}" in used:
                    n += 1
                candidate = f"{base} {n}"
                numbered += 1
            else:
                extended += 1
        used.add(candidate)
        ids.append(candidate)
    return {"ids": ids, "added_tokens": [],
            "report": {"extended_by_words": str(extended), "numbered": str(numbered)}}


def main():
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            message = json.loads(line)
            if message.get("method") == "describe":
                reply = DESCRIBE
            elif message.get("component") == "title-words" and message.get("method") == "assign":
                reply = assign(message["request"])
            else:
                reply = {"error": f"unknown message {message.get('component')}.{message.get('method')}"}
        except Exception as e:  # report, never die silently: the host shows this as an error reply
            reply = {"error": f"{type(e).__name__}: {e}"}
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()

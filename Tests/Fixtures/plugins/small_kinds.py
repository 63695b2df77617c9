#!/usr/bin/env python3
"""A subprocess plugin serving the small kinds besides item-ids (standard library only):
user-ids `last-item-user` (the ID of the last visible item, prefixed), metric `top1` (1 if the target is
ranked first), prompt `arrow-prompt` (history joined by " -> "), reporter `note-reporter` (writes note.txt)."""
import json
import os
import sys

COMPONENTS = [
    {"name": "last-item-user", "kind": "user-ids", "methods": ["user_id", "added_tokens"]},
    {"name": "top1", "kind": "metric", "methods": ["value"]},
    {"name": "arrow-prompt", "kind": "prompt", "methods": ["prompt"]},
    {"name": "note-reporter", "kind": "reporter", "methods": ["report"]},
]

for line in sys.stdin:
    m = json.loads(line)
    if m.get("method") == "describe":
        reply = {"abi_version": 1, "components": COMPONENTS}
    else:
        r, method = m["request"], m["method"]
        if method == "user_id":
            ids = r["visible_item_ids"]
            reply = {"user_id": "after " + ids[-1] if ids else "new user"}
        elif method == "added_tokens":
            reply = {"added_tokens": []}
        elif method == "value":
            reply = {"value": 1.0 if r["ranked"][:1] == [r["target"]] else 0.0}
        elif method == "prompt":
            reply = {"input": r["user_id"] + ": " + " -> ".join(r["history_ids"]), "output": r["target_id"]}
        elif method == "report":
            with open(os.path.join(r["folder"], "note.txt"), "w") as f:
                f.write("%s hr@5=%.4f\n" % (r["item_ids"], r["metrics"].get("hr@5", 0)))
            reply = {"text": "note written"}
        else:
            reply = {"error": "unknown method " + method}
    print(json.dumps(reply), flush=True)

#!/usr/bin/env python3
"""A subprocess plugin that misbehaves on purpose, one way per mode (argv[1]), for the host's bridge tests:
crash (dies by SIGSEGV while answering assign), hang (never answers assign), garbage (answers with non-JSON),
chatty (an extra stdout line after each reply), deaf (stops reading stdin after describe), lie (one id too few), duplicate (two items share an id), error (an error reply), wrong_abi (describe says 99),
exit_early (exits before answering describe), good (answers correctly: "item <i>")."""
import json
import os
import signal
import sys
import time

mode = sys.argv[1]
abi = 99 if mode == "wrong_abi" else 1
describe = {"abi_version": abi, "plugin": "misbehaving",
            "components": [{"name": "misbehaving", "kind": "item-ids", "methods": ["assign"]}]}

for line in sys.stdin:
    message = json.loads(line)
    if message.get("method") == "describe":
        if mode == "exit_early":
            sys.stderr.write("fixture: giving up before describe\n")
            sys.exit(3)
        reply = describe
        if mode == "deaf":
            sys.stdout.write(json.dumps(reply) + "\n")
            sys.stdout.flush()
            time.sleep(3600)
    else:
        n = len(message["request"]["catalog"])
        sys.stderr.write(f"fixture: mode {mode}, {n} items\n")
        sys.stderr.flush()
        if mode == "crash":
            os.kill(os.getpid(), signal.SIGSEGV)
        if mode == "hang":
            time.sleep(3600)
        if mode == "garbage":
            sys.stdout.write("this is not json\n")
            sys.stdout.flush()
            continue
        ids = [f"item {i}" for i in range(n)]
        if mode == "lie":
            ids = ids[:-1]
        if mode == "duplicate":
            ids[-1] = ids[0]
        reply = {"error": "fixture: refusing on purpose"} if mode == "error" else {"ids": ids, "added_tokens": []}
    extra = json.dumps({"log": "assigned"}) + "\n" if mode == "chatty" and "ids" in reply else ""
    sys.stdout.write(json.dumps(reply) + "\n" + extra)  # one write: both lines reach the host together
    sys.stdout.flush()

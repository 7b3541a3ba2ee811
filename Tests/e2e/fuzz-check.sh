#!/usr/bin/env bash
# Mutated plans (bytes flipped, cut, duplicated, deleted) never crash
# `arshjul check`: every run ends with exit 0, 1 or 2 and one-line errors.
set -uo pipefail
cd "$(dirname "$0")/../.."
. Tests/e2e/check.sh
python3 - "$work" <<'PY'
import random, sys
random.seed(20221)
src = open("plans/kulturtillgangar-2022.json", "rb").read()
for n in range(150):
    b = bytearray(src)
    for _ in range(random.randint(1, 6)):
        op = random.randrange(4)
        i = random.randrange(len(b))
        if op == 0:
            b[i] = random.randrange(256)
        elif op == 1:
            del b[i:i + random.randint(1, 40)]
        elif op == 2:
            b[i:i] = b[i:i + random.randint(1, 40)]
        else:
            b = b[:i]
    open(f"{sys.argv[1]}/m{n:03}.json", "wb").write(bytes(b))
# The hostile texts of issue 11 spliced into titles: escapes, bidi
# controls, zero-width and TAG characters, a BOM, line separators,
# noncharacters, a title past the length limit; and the plan minified.
import json
hostile = ["\x1b]0;pwn\x07", "\u202egnp.exe", "\u2066x\u2069", "a\u200db", "\ufeff", "\U000e0041",
           "x\u2028y", "\ufffe", "\uffff", "\ufdd0", "å" * 501, "\u0000"]
plan = json.loads(src)
for k, text in enumerate(hostile):
    p = json.loads(src)
    p["activities"][k % len(p["activities"])]["title"] = "Fika " + text
    open(f"{sys.argv[1]}/h{k:03}.json", "w", encoding="utf-8").write(json.dumps(p, ensure_ascii=False))
PY
crashes=0
badlines=0
for f in "$work"/m*.json "$work"/h*.json; do
  err=$("$bin" check "$f" 2>&1 >/dev/null)
  code=$?
  if [ $code -gt 2 ] || echo "$err" | grep -qiE "fatal error|backtrac|stack dump"; then
    echo "crash ($code) on $f: $err" | head -3
    crashes=$((crashes + 1))
  fi
  # Every line of an error names the file.
  if [ -n "$err" ] && echo "$err" | grep -qv "^$f"; then badlines=$((badlines + 1)); fi
done
check "150 mutated and 12 hostile plans: no crash" test "$crashes" = 0
check "every error line names its file" test "$badlines" = 0
# No escape or invisible character from a title reaches the terminal.
leaks=0
for f in "$work"/h*.json; do
  out=$("$bin" summary "$f" 2>&1; "$bin" agenda "$f" 2>&1; "$bin" check "$f" 2>&1)
  if printf '%s' "$out" | python3 -c 'import sys; t = sys.stdin.read(); sys.exit(1 if any(c in t for c in "\x1b\x07\u202e\u2066\u200d\ufeff\U000e0041\u2028\ufffe") else 0)'; then :; else
    echo "leak in $f"
    leaks=$((leaks + 1))
  fi
done
check "hostile titles: nothing raw reaches the terminal" test "$leaks" = 0
finish "fuzz-check"

#!/usr/bin/env bash
# Mutated plans (bytes flipped, cut, duplicated, deleted) never crash
# `arshjul check`: every run ends with exit 0, 1 or 2 and one-line errors.
set -uo pipefail
cd "$(dirname "$0")/../.."
. Tests/e2e/check.sh
bin=.build/debug/arshjul
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
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
PY
crashes=0
badlines=0
for f in "$work"/m*.json; do
  err=$("$bin" check "$f" 2>&1 >/dev/null)
  code=$?
  if [ $code -gt 2 ] || echo "$err" | grep -qiE "fatal error|backtrac|stack dump"; then
    echo "crash ($code) on $f: $err" | head -3
    crashes=$((crashes + 1))
  fi
  # Every line of an error names the file.
  if [ -n "$err" ] && echo "$err" | grep -qv "^$f"; then badlines=$((badlines + 1)); fi
done
check "150 mutated plans: no crash" test "$crashes" = 0
check "every error line names its file" test "$badlines" = 0
finish "fuzz-check"

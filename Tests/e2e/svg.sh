#!/usr/bin/env bash
# The printable wheel: valid XML by xmllint, drawn by rsvg-convert into a PNG
# of the right size, for A3 and A4, from the real binary.
set -uo pipefail
cd "$(dirname "$0")/../.."
. Tests/e2e/check.sh
for paper in a3 a4; do
  for plan in plans/kulturtillgangar-2022.json Tests/ics/tricky-plan.json; do
    name=$(basename "$plan" .json)-$paper
    check "$name: export" "$bin" export svg "$plan" --paper "$paper" --today -o "$work/$name.svg"
    check "$name: xmllint" xmllint --noout "$work/$name.svg"
    check "$name: rsvg-convert" rsvg-convert -w 1600 "$work/$name.svg" -o "$work/$name.png"
    check "$name: a PNG of real size" test "$(stat -c %s "$work/$name.png")" -gt 100000
  done
done
check "a broken plan makes no file" sh -c "! $bin export svg /nonexistent.json -o '$work/x.svg' 2>/dev/null && test ! -e '$work/x.svg'"
finish "svg-e2e"

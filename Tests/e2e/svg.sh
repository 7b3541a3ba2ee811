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
# Layers (issue 29): a school-break calendar as a thin ring outside the themes.
printf '%s\r\n' BEGIN:VCALENDAR VERSION:2.0 'PRODID:-//Kommun//EN' 'X-WR-CALNAME:Skollov' \
  BEGIN:VEVENT UID:sl@k SUMMARY:Sportlov 'DTSTART;VALUE=DATE:20220221' 'DTEND;VALUE=DATE:20220226' END:VEVENT \
  BEGIN:VEVENT UID:so@k SUMMARY:Sommarlov 'DTSTART;VALUE=DATE:20220615' 'DTEND;VALUE=DATE:20220820' END:VEVENT \
  END:VCALENDAR >"$work/lov.ics"
check "with --layer: export" "$bin" export svg plans/kulturtillgangar-2022.json --layer "$work/lov.ics" -o "$work/layered.svg"
check "with --layer: xmllint" xmllint --noout "$work/layered.svg"
check "with --layer: rsvg-convert" rsvg-convert -w 1600 "$work/layered.svg" -o "$work/layered.png"
layer_paths() { xmllint --xpath 'count(//*[local-name()="g"][@id="layers"]/*[local-name()="path"])' "$1" 2>/dev/null; }
check "the layer is a band and its two breaks" test "$(layer_paths "$work/layered.svg")" = 3
check "the legend names it among the rings" grep -qF 'Skollov (lager)</text>' "$work/layered.svg"
cp plans/kulturtillgangar-2022.json "$work/with-layer.json"
"$bin" layer add "$work/with-layer.json" "$work/lov.ics" >/dev/null
"$bin" export svg plans/kulturtillgangar-2022.json -o "$work/plain.svg"
"$bin" export svg "$work/with-layer.json" -o "$work/kept.svg"
check "a plan's own layers are drawn only when asked (--layers)" cmp -s "$work/plain.svg" "$work/kept.svg"
"$bin" export svg "$work/with-layer.json" --layers -o "$work/asked.svg"
check "and then as --layer draws them" test "$(layer_paths "$work/asked.svg")" = 3
check "a broken plan makes no file" sh -c "! $bin export svg /nonexistent.json -o '$work/x.svg' 2>/dev/null && test ! -e '$work/x.svg'"
finish "svg-e2e"

# check NAME COMMAND... counts a passed or failed check; finish SUITE prints
# the closing "N passed, N failed" line and fails when anything did.
# A script may define on_fail to show more when a check fails.
# Every script runs from the repository's root on the debug binary, in a
# folder of its own that goes at exit; a script adds its own clean-up
# (servers it started, tmux) to at_exit.
bin=$(pwd)/.build/debug/arshjul
work=$(mktemp -d)
at_exit=()
trap 'for c in "${at_exit[@]}"; do eval "$c"; done; rm -rf "$work"' EXIT
passed=0
failed=0
check() {
  local name=$1
  shift
  if "$@"; then
    echo "ok   $name"
    passed=$((passed + 1))
  else
    echo "FAIL $name"
    if declare -f on_fail >/dev/null; then on_fail; fi
    failed=$((failed + 1))
  fi
}
# await NAME SECONDS COMMAND...: polls COMMAND until it succeeds. When the
# time runs out it is a failed check named NAME, never a silent fall-through.
await() {
  local name=$1 limit=$2 i=0
  shift 2
  while [ $i -lt $((limit * 20)) ]; do
    if "$@"; then return 0; fi
    sleep 0.05
    i=$((i + 1))
  done
  echo "FAIL $name (not so after $limit s)"
  if declare -f on_fail >/dev/null; then on_fail; fi
  failed=$((failed + 1))
  return 1
}
finish() {
  echo "$1: $passed passed, $failed failed"
  [ "$failed" = 0 ]
}

#!/usr/bin/env bash
# The Debian package as a colleague meets it: scripts/package builds it,
# lintian reads it, `apt-get install ./arshjul_*.deb` installs it, and the
# installed /usr/bin/arshjul (never the build) is used: man pages, bash
# completion, check and export of the installed example plan, the wheel in
# tmux, git finding it as the merge driver. Then `apt-get remove` must leave
# nothing of it in /usr.
set -uo pipefail
cd "$(dirname "$0")/../.."
. Tests/e2e/lib.sh
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "package-e2e: skipped: installing a package needs root and apt-get (CI has both)"
  exit 0
fi
if dpkg -s arshjul >/dev/null 2>&1; then
  echo "package-e2e: FAIL: an arshjul package is installed already; remove it first (apt-get remove arshjul)"
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
installed=/usr/bin/arshjul
at_exit+=('dpkg -s arshjul >/dev/null 2>&1 && apt-get purge -y -qq arshjul >/dev/null 2>&1')

deb=$(scripts/package "$work" 2>"$work/package.log" | tail -n 1)
check "scripts/package builds arshjul_<version>_<arch>.deb" sh -c "[ -f '$deb' ] && case '$deb' in */arshjul_$(tr -d ' \n' <VERSION)_$(dpkg --print-architecture).deb) true ;; *) false ;; esac" || {
  tail -n 20 "$work/package.log"
  finish "package-e2e"
  exit 1
}
lintian --fail-on error "$deb" >"$work/lintian.out" 2>&1
check "lintian reports no error" test $? = 0
grep -E '^[EW]:' "$work/lintian.out"
check "Depends names ncursesw, libcurl is only recommended" sh -c "dpkg-deb -f '$deb' Depends | grep -q libncursesw6 && dpkg-deb -f '$deb' Recommends | grep -q libcurl && ! dpkg-deb -f '$deb' Depends | grep -q curl"

check "apt-get installs it" sh -c "apt-get install -y -qq '$deb' >'$work/apt.out' 2>&1"
dpkg -L arshjul | sort >"$work/files"
check "the binary is /usr/bin/arshjul and needs no Swift toolchain" sh -c "[ -x $installed ] && ! ldd $installed | grep -q 'libswift\|/opt/swift'"
check "--version says the version and the commit" sh -c "$installed --version | grep -qE '^$(tr -d ' \n' <VERSION) \(commit [0-9a-f]{12}\)$'"
check "man -w arshjul" man -w arshjul
check "a page per command: man arshjul.sync" man -w arshjul.sync
check "the plan format: man 5 arshjul-plan" man -w 5 arshjul-plan
check "arshjul(1) lists the keys of the terminal UI" sh -c "man arshjul 2>/dev/null | grep -q 'new activity'"
complete_words() { # complete_words WORD...: what bash's Tab offers for the last word
  bash -c 'source /usr/share/bash-completion/bash_completion
    _completion_loader arshjul
    COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
    fn=$(complete -p arshjul | sed -n "s/.*-F \([^ ]*\) .*/\1/p")
    "$fn" arshjul "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
    printf "%s\n" "${COMPREPLY[@]}"' _ "$@"
}
check "bash completion is found for arshjul" bash -c 'source /usr/share/bash-completion/bash_completion; _completion_loader arshjul; complete -p arshjul'
example=/usr/share/doc/arshjul/examples/kulturtillgangar-2022.json
completes_export() { [ "$(cd "$work" && PATH=/usr/bin:/bin complete_words arshjul ex)" = export ]; }
check "arshjul ex<Tab> completes to export" completes_export
completes_theme() { cd "$work" && PATH=/usr/bin:/bin complete_words arshjul add "$example" --theme sam | grep -qx samverkan; }
check "--theme <Tab> offers the plan's theme ids" completes_theme
check "zsh and fish completions are installed" test -s /usr/share/zsh/vendor-completions/_arshjul -a -s /usr/share/fish/vendor_completions.d/arshjul.fish
check "check of the installed example plan" $installed check "$example"
check "export ics of it" sh -c "$installed export ics '$example' -o '$work/plan.ics' && grep -q '^BEGIN:VCALENDAR' '$work/plan.ics'"

start 120 35 "cd '$work' && LANG=C.UTF-8 TERM=xterm-256color $installed $example; echo EXIT=\$?"
check "the installed binary opens the example plan" wait_for "1 Stöttande strukturer"
keys w
check "w shows the wheel" wait_for "Hjul"
keys q
check "q quits" wait_for "EXIT=0"

# git finds the installed binary as its merge driver: both sides add an
# activity at the same place, which a line merge cannot take and arshjul can.
export GIT_AUTHOR_NAME=Planner GIT_AUTHOR_EMAIL=planner@example.org
export GIT_COMMITTER_NAME=Planner GIT_COMMITTER_EMAIL=planner@example.org
repo=$work/repo
(
  PATH=/usr/bin:/bin
  git init -q "$repo" && cp "$example" "$repo/plan.json" && cd "$repo" && git add plan.json &&
    git commit -qm plan && arshjul git-setup plan.json >/dev/null && git add -A && git commit -qm setup &&
    git checkout -qb other && arshjul add plan.json --title "Deras träff" --theme 2 --start 2022-05-06 >/dev/null &&
    git commit -qam theirs && git checkout -q - && arshjul add plan.json --title "Vår träff" --theme 1 --start 2022-05-05 >/dev/null &&
    git commit -qam ours
) >"$work/git.out" 2>&1
check "git-setup with the installed binary" grep -q 'merge=arshjul' "$repo/.gitattributes"
check "git merges with the installed driver" sh -c "cd '$repo' && PATH=/usr/bin:/bin git merge -q --no-edit other >/dev/null 2>&1 && grep -q 'Vår träff' plan.json && grep -q 'Deras träff' plan.json && PATH=/usr/bin:/bin arshjul check plan.json >/dev/null"

check "apt-get removes it" sh -c "apt-get remove -y -qq arshjul >/dev/null 2>&1"
left=$(while read -r f; do case "$f" in /usr/share/doc | /usr/share/man* | /usr/share | /usr | /usr/bin | /. | /usr/share/bash-completion* | /usr/share/zsh* | /usr/share/fish*) [ -d "$f" ] && continue ;; esac; [ -e "$f" ] && echo "$f"; done <"$work/files")
check "nothing of it is left in /usr" test -z "$left"
[ -n "$left" ] && echo "$left"
check "dpkg knows it no more" sh -c "! dpkg -s arshjul 2>/dev/null | grep -q '^Status: install'"
finish "package-e2e"

#!/usr/bin/env bash
# The programs the end-to-end tests drive besides tmux and script: real shells (zsh, fish) for
# the hook, completion and handshake tests, python3 for the REPL test, direnv beside rune's
# hook, setfacl for sharing. Installed from Debian when missing and possible (root with apt);
# a test whose program is still missing skips itself and says why.
set -uo pipefail
want=()
for p in zsh fish direnv setfacl; do command -v "$p" >/dev/null 2>&1 || want+=("$p"); done
[ ${#want[@]} -eq 0 ] && exit 0
pkgs=()
for p in "${want[@]}"; do
  case "$p" in setfacl) pkgs+=(acl) ;; *) pkgs+=("$p") ;; esac
done
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "test deps: ${want[*]} missing and not installable here (needs root and apt-get); their tests skip" >&2
  exit 0
fi
echo "test deps: installing ${pkgs[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq "${pkgs[@]}" >/dev/null 2>&1 ||
  { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq "${pkgs[@]}" >/dev/null 2>&1; } ||
  echo "test deps: could not install ${pkgs[*]}; their tests skip" >&2
exit 0

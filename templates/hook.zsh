# rune's shell hook for zsh, printed by `rune hook zsh`. Put this line in ~/.zshrc:
#   eval "$(rune hook zsh)"
# A change of directory (chpwd) marks the variables stale; the next prompt (precmd) then runs
# `rune __hook-env zsh` once and evals what it prints: RUNE_PROJECT, RUNE_PROJECT_DIR and
# RUNE_SESSION_* exported or unset. A prompt in an unchanged directory starts no process.
# Running `rune` (a thin function below) refreshes them at the next prompt.
_rune_hook_env() {
  emulate -L zsh
  if ! whence -p rune >/dev/null 2>&1; then
    if [[ -z ${_rune_hook_warned-} ]]; then
      typeset -g _rune_hook_warned=1
      print -ru2 -- "rune: the shell hook finds no rune on PATH; RUNE_PROJECT is not updated"
    fi
    return 0
  fi
  typeset -g _rune_hook_warned=
  local _rune_code
  if _rune_code=$(command rune __hook-env zsh); then
    eval "$_rune_code" || :
  else
    print -ru2 -- "rune: the shell hook failed (exit $?); \`rune __hook-env zsh\` shows why"
  fi
  return 0
}
_rune_hook_chpwd() {
  typeset -g _rune_hook_stale=1
}
_rune_hook_precmd() {
  emulate -L zsh
  if [[ -n ${_rune_hook_stale-} ]]; then
    typeset -g _rune_hook_stale=
    _rune_hook_env
  fi
  return 0
}
function rune {
  command rune "$@"
  local _rune_status=$?
  typeset -g _rune_hook_stale=1
  return $_rune_status
}
typeset -g _rune_hook_stale=1
autoload -Uz add-zsh-hook
add-zsh-hook chpwd _rune_hook_chpwd
add-zsh-hook precmd _rune_hook_precmd

# rune's shell hook for bash, printed by `rune hook bash`. Put this line in ~/.bashrc:
#   eval "$(rune hook bash)"
# Each prompt compares $PWD with the directory it saw last, which starts no process. Only when
# it changed does it run `rune __hook-env bash`, and eval what that prints: RUNE_PROJECT,
# RUNE_PROJECT_DIR and RUNE_SESSION_* exported or unset. Running `rune` (a thin function below)
# refreshes them at the next prompt.
_rune_hook() {
  local _rune_status=$?
  if [[ "${_RUNE_HOOK_PWD-}" != "$PWD" ]]; then
    _RUNE_HOOK_PWD=$PWD
    _rune_hook_env
  fi
  # $? stays what the last command left, for prompt commands after this one; not under
  # `set -e`, where a non-zero status here would end the shell.
  if [[ $- == *e* ]]; then return 0; fi
  return "$_rune_status"
}
_rune_hook_env() {
  if ! type -P rune >/dev/null 2>&1; then
    if [[ -z "${_RUNE_HOOK_WARNED-}" ]]; then
      _RUNE_HOOK_WARNED=1
      printf '%s\n' "rune: the shell hook finds no rune on PATH; RUNE_PROJECT is not updated" >&2
    fi
    return 0
  fi
  _RUNE_HOOK_WARNED=
  local _rune_code
  if _rune_code=$(command rune __hook-env bash); then
    eval "$_rune_code" || :
  else
    printf '%s\n' "rune: the shell hook failed (exit $?); \`rune __hook-env bash\` shows why" >&2
  fi
  return 0
}
function rune {
  command rune "$@"
  local _rune_status=$?
  _RUNE_HOOK_PWD=
  return "$_rune_status"
}
case ";${PROMPT_COMMAND[*]-};" in
*";_rune_hook;"* | *" _rune_hook "* | *";_rune_hook "* | *" _rune_hook;"*) ;;
*)
  case "$(declare -p PROMPT_COMMAND 2>/dev/null)" in
  "declare -a"*) PROMPT_COMMAND=(_rune_hook "${PROMPT_COMMAND[@]}") ;;
  *) PROMPT_COMMAND="_rune_hook${PROMPT_COMMAND:+;$PROMPT_COMMAND}" ;;
  esac
  ;;
esac

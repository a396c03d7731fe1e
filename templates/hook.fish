# rune's shell hook for fish, printed by `rune hook fish`. Put this line in
# ~/.config/fish/config.fish:
#   rune hook fish | source
# A change of $PWD marks the variables stale; the next prompt then runs `rune __hook-env fish`
# once and evals what it prints: RUNE_PROJECT, RUNE_PROJECT_DIR and RUNE_SESSION_* exported or
# erased. A prompt in an unchanged directory starts no process. Running `rune` (a thin
# function below) refreshes them at the next prompt.
function __rune_hook_env
    if not command -q rune
        if not set -q __rune_hook_warned
            set -g __rune_hook_warned 1
            echo "rune: the shell hook finds no rune on PATH; RUNE_PROJECT is not updated" >&2
        end
        return 0
    end
    set -e __rune_hook_warned
    set -l __rune_code (command rune __hook-env fish)
    set -l __rune_status $status
    if test $__rune_status -eq 0
        printf '%s\n' $__rune_code | source
    else
        echo "rune: the shell hook failed (exit $__rune_status); `rune __hook-env fish` shows why" >&2
    end
    return 0
end
function __rune_hook_pwd --on-variable PWD
    set -g __rune_hook_stale 1
end
function __rune_hook_prompt --on-event fish_prompt
    if set -q __rune_hook_stale
        set -e __rune_hook_stale
        __rune_hook_env
    end
end
function rune --wraps rune
    command rune $argv
    set -l __rune_status $status
    set -g __rune_hook_stale 1
    return $__rune_status
end
set -g __rune_hook_stale 1

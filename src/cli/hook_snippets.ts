/**
 * The shell hooks `rune hook SHELL` prints: templates/hook.{bash,zsh,fish}, imported as text so
 * the bundle and the compiled binary carry them (nothing reads the repository at run time).
 */
import bash from "../../templates/hook.bash" with { type: "text" };
import zsh from "../../templates/hook.zsh" with { type: "text" };
import fish from "../../templates/hook.fish" with { type: "text" };
import type { HookShell } from "../shell/mod.ts";

export const HOOK_SNIPPETS: Readonly<Record<HookShell, string>> = { bash, zsh, fish };

/** Projects for the shell-hook tests: a config whose detect rule names a directory. */
import type { HookHome } from "./hook_shells.ts";

/** Quotes of every kind, a command substitution, backticks, a newline, a backslash, a `$`. */
export const HOSTILE_DIR = `it's $(touch PWNED) "q" \`touch PWNED\`\nline2 \\ $HOME`;

/**
 * Makes `$dir/<name>` (default "proj") with a `web.marker` file, and a user config whose
 * project `project` is detected by that file. Returns the directory.
 */
export function writeProjectConfig(h: HookHome, project: string, name = "proj"): string {
  const dir = `${h.home.home}/${name}`;
  Deno.mkdirSync(dir, { recursive: true });
  Deno.writeTextFileSync(`${dir}/web.marker`, "");
  h.home.writeConfig(`projects:\n  - name: ${project}\n    detect: ["web.marker"]\n`);
  return dir;
}

/**
 * What every try of the hostile and secrets areas is judged by, after one real rune run in a
 * World: nothing ran that a value smuggled in (`pwned…` files), no withheld value in rune's
 * output or in any pane of the server, no stack trace, no control character printed raw; then
 * rune's sessions are removed (the server and its secrets stay) so the next try starts clean.
 */
import type { RuneResult } from "../../helpers/run_rune.ts";
import { hasStack } from "./tally.ts";
import { clearPwned, leakedIn, paneLeaks, pwnedFiles } from "./world.ts";
import type { World } from "./world.ts";

export interface Broke {
  counter?: string;
  why: string;
}

// deno-lint-ignore no-control-regex
const RAW_CONTROL = /[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]/;

/** The standard judgement of one run: executed, leaked, stack traces, raw control output. */
export async function judge(w: World, r: RuneResult, codes: number[]): Promise<Broke[]> {
  const broke: Broke[] = [];
  const pwned = pwnedFiles(w);
  if (pwned.length) {
    broke.push({ counter: "executed", why: `ran: ${pwned.join(", ")}` });
    clearPwned(pwned);
  }
  const text = r.stdout + r.stderr;
  const leaks = [...leakedIn(text), ...await paneLeaks(w.tmux.socket)];
  if (w.socket !== w.tmux.socket) leaks.push(...await paneLeaks(w.socket, []));
  if (leaks.length) broke.push({ counter: "leaked", why: `secret in ${leaks.join(", ")}` });
  if (hasStack(text)) broke.push({ counter: "stack traces", why: `stack: ${text.slice(0, 300)}` });
  if (RAW_CONTROL.test(r.stderr)) {
    broke.push({
      why: `raw control character on stderr: ${JSON.stringify(r.stderr.slice(0, 200))}`,
    });
  }
  if (!codes.includes(r.code)) {
    broke.push({ why: `exit ${r.code}, wanted ${codes.join(" or ")}: ${r.stderr.slice(0, 400)}` });
  }
  return broke;
}

/** Kills every session but "keep" on the world's servers: the next try meets the old server. */
export async function resetSessions(w: World): Promise<void> {
  for (const socket of new Set([w.tmux.socket, w.socket])) {
    const out = await tmuxOn(socket, ["list-sessions", "-F", "#{session_id}\t#{session_name}"]);
    for (const line of out.split("\n").filter(Boolean)) {
      const [id, name] = line.split("\t");
      if (name !== "keep") await tmuxOn(socket, ["kill-session", "-t", id]);
    }
  }
  // Hooks rune set for its sessions go with them; none is left behind for the next try.
  await tmuxOn(w.tmux.socket, ["set-hook", "-gu", "session-closed"]);
}

/** `tmux -S socket ARGS`, stdout ("" when it fails). */
export async function tmuxOn(socket: string, args: string[]): Promise<string> {
  const out = await new Deno.Command("tmux", {
    args: ["-S", socket, ...args],
    stdout: "piped",
    stderr: "null",
  }).output();
  return new TextDecoder().decode(out.stdout).trimEnd();
}

/**
 * Error lines about the config that name no `file:line:col` (the argument's own are not, nor
 * an error about `file` as a whole, which names it).
 */
export function unlocated(stderr: string, file?: string): string[] {
  return stderr.split("\n").filter((l) => /\berror: /.test(l) && !/^\S.*:\d+:\d+: error: /.test(l))
    .filter((l) => !/^rune: /.test(l) && !/error: Cannot use ".*" as a project( name)?:/.test(l))
    .filter((l) => !(file && l.includes(file)));
}

/** The file's text, or undefined. */
export function read(path: string): string | undefined {
  try {
    return Deno.readTextFileSync(path);
  } catch {
    return undefined;
  }
}

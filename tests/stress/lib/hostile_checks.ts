/**
 * The hostile-value checks (issue 10's positions, issue 18's sources): each tries values from
 * one source on a World (a tmux server that already holds the secrets) and records every try
 * in the area's tally. Landings that write what they received must hold the value exactly as
 * rune was given it (Deno itself drops a trailing CR from argv: that is what rune gets).
 */
import { runRune } from "../../helpers/run_rune.ts";
import { landingConfig, SHELL_LANDINGS } from "./hostile_configs.ts";
import type { Slot } from "./hostile_configs.ts";
import { judge, read, resetSessions, tmuxOn } from "./probe.ts";
import type { Broke } from "./probe.ts";
import type { Tally } from "./tally.ts";
import { label } from "./values.ts";
import { environOf } from "./world.ts";
import type { World } from "./world.ts";

/** What rune receives of an argv value: Deno 2.9 drops trailing CRs from its arguments. */
export const viaArgv = (v: string) => v.replace(/\r+$/, "");

/** What `"$(printf %s V)"` gives: the shell drops trailing newlines (POSIX). */
const viaSubstitution = (v: string) => v.replace(/\n+$/, "");

/** Values longer than this take the lean slot: tmux refuses one command over 16,364 bytes. */
const LONG = 1000;

function makeDir(path: string): boolean {
  try {
    Deno.mkdirSync(path, { recursive: true });
    return Deno.statSync(path).isDirectory;
  } catch {
    return false; // longer than a file name may be
  }
}

/**
 * `values` through `{{.Var.hN}}` (`--var`) or `{{.Env.HN}}` (rune's environment) into every
 * landing of hostile_configs.ts, in one start, then once more (the sessions reused).
 */
export async function variablesCheck(
  w: World,
  tally: Tally,
  source: "var" | "env",
  values: string[],
): Promise<void> {
  const out = Deno.makeTempDirSync({ dir: w.home.dir, prefix: "out-" });
  const received = values.map(viaArgv);
  const slots: Slot[] = received.map((v, i) => ({
    ph: source === "var" ? `{{.Var.h${i}}}` : `{{.Env.H${i}}}`,
    id: `${source}${i}`,
    dir: v.length <= LONG && makeDir(`${w.dir}/d${v}`),
    lean: v.length > LONG,
  }));
  w.home.writeConfig(landingConfig(slots, out));
  const args = source === "var" ? received.flatMap((v, i) => ["--var", `h${i}=${v}`]) : [];
  const env = source === "env"
    ? { ...w.env, ...Object.fromEntries(received.map((v, i) => [`H${i}`, v])) }
    : w.env;
  const first = await runRune(["start", "web", "--detach", "--json", ...args], {
    env,
    cwd: w.dir,
    timeoutMs: 600_000,
  });
  const second = await runRune(["start", "web", "--detach", "--json", ...args], {
    env,
    cwd: w.dir,
    timeoutMs: 600_000,
  });
  const runBroke = [...await judge(w, first, [0]), ...await judge(w, second, [0])];
  let held = 0;
  for (const [i, v] of received.entries()) {
    const broke: Broke[] = [...runBroke];
    const id = slots[i].id;
    const landings = slots[i].lean ? SHELL_LANDINGS.filter((l) => l !== "exec") : SHELL_LANDINGS;
    for (const l of [...landings, "reuse"]) {
      const got = read(`${out}/${l}-${id}`);
      const want = l === "sub" ? viaSubstitution(v) : v;
      if (got !== want) {
        broke.push({ counter: "altered", why: `${l} got ${label(got ?? "(nothing)")}` });
      }
    }
    if (!slots[i].lean) broke.push(...await paneFacts(w, id, v, slots[i].dir));
    if (tally.record(`${source} ${label(values[i])}`, broke)) held++;
  }
  tally.check(`--${source === "var" ? "var" : "env"} into every field`, values.length, held);
  await resetSessions(w);
}

/** The pane's directory, environment and the session's option hold the value as given. */
async function paneFacts(w: World, id: string, v: string, dir: boolean) {
  const broke: Broke[] = [];
  const sessions = await tmuxOn(w.socket, [
    "list-sessions",
    "-F",
    "#{session_id}\t#{session_name}",
  ]);
  const line = sessions.split("\n").find((l) => l.split("\t")[1].startsWith(`v${id}-`));
  if (!line) return [{ why: `no session v${id}-… on the server` }];
  const sid = line.split("\t")[0];
  // Only pids: a path or command holding a newline would break a line-per-pane listing.
  const pids = await tmuxOn(w.socket, ["list-panes", "-s", "-t", sid, "-F", "#{pane_pid}"]);
  const pid = pids.split("\n")[0]; // the typed pane comes first in its window
  const cwd = await new Deno.Command("readlink", { args: [`/proc/${pid}/cwd`], stdout: "piped" })
    .output();
  const path = new TextDecoder().decode(cwd.stdout).replace(/\n$/, "");
  if (dir && path !== Deno.realPathSync(`${w.dir}/d${v}`)) {
    broke.push({ counter: "altered", why: `pane dir ${label(path)}` });
  }
  const env = await environOf(pid);
  if (env.HV !== v) broke.push({ counter: "altered", why: `pane env HV=${label(env.HV ?? "")}` });
  return broke;
}

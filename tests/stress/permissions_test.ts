/**
 * Issue 18 "permissions": the bundle under the narrowest set of Deno permissions each command
 * needs works; with each permission of that set removed in turn it prints the one-line message
 * and exits 3 — never Deno's prompt, never a stack. Run in a pane of a private tmux server (a
 * terminal, where Deno would prompt) and WITHOUT --no-prompt, as a launcher that forgot it
 * would start rune. A prompt would hang the pane: its screen is read for it.
 */
import { BUNDLE, DENO_CONFIG } from "../helpers/run_rune.ts";
import { makeTempHome } from "../helpers/temp_home.ts";
import { hasTmux, withTmuxServer } from "../helpers/tmux_server.ts";
import { runInPane } from "../e2e/pty_pane.ts";
import { FULL, hasStack, Tally } from "./lib/tally.ts";

const CONFIG = `projects: [{name: web}]
rituals:
  start:
    per_project:
      web: [{name: a, command: "true"}]
`;

/** Each command and the narrowest set it runs under. */
const COMMANDS: { args: string[]; perms: string[] }[] = [
  {
    args: ["start", "web", "--skip-rituals"],
    perms: ["--allow-read", "--allow-write", "--allow-env"],
  },
  {
    args: ["start", "web"],
    perms: ["--allow-read", "--allow-write", "--allow-env", "--allow-run=sh", "--allow-sys=uid"],
  },
  { args: ["config", "validate"], perms: ["--allow-read", "--allow-env"] },
  { args: ["status"], perms: ["--allow-read", "--allow-write", "--allow-env"] },
  { args: ["report"], perms: ["--allow-read", "--allow-write", "--allow-env"] },
  {
    args: ["session", "ls"],
    perms: ["--allow-read", "--allow-env", "--allow-run=tmux", "--allow-sys=uid"],
  },
];

Deno.test({
  name: "permissions: the narrowest set works; each removed is one line and exit 3, no prompt",
  ignore: !hasTmux,
  async fn(t) {
    const tally = new Tally("permissions", ["prompted", "stack traces", "not exit 3", "failed"]);
    const home = makeTempHome();
    try {
      home.writeConfig(CONFIG);
      await withTmuxServer(async (tmux) => {
        for (const c of FULL ? COMMANDS : COMMANDS.slice(0, 2)) {
          await t.step(`rune ${c.args.join(" ")}`, async () => {
            let held = 0;
            const sets = [c.perms, ...c.perms.map((_, i) => c.perms.filter((_, k) => k !== i))];
            for (const [i, perms] of sets.entries()) {
              const argv = [
                Deno.execPath(),
                "run",
                "-q",
                "--config",
                DENO_CONFIG,
                ...perms,
                BUNDLE,
                ...c.args,
              ];
              const run = await runInPane(tmux, {
                home,
                cwd: home.dir,
                args: [],
                argv,
                env: { RUNE_TMUX_SOCKET: `${home.dir}/run/p.sock` },
              });
              const code = await run.exitCode(20_000).catch(() => -1);
              const screen = await tmux.capture(run.pane);
              await tmux.tmux("kill-pane", "-t", run.pane);
              const what = i === 0 ? "the narrowest set" : `without ${c.perms[i - 1]}`;
              const broke = [];
              if (/Deno requests|Allow\?|\[y\/n/.test(screen) || code === -1) {
                broke.push({ counter: "prompted", why: `${what}: ${screen.slice(-300)}` });
              } else if (hasStack(screen)) {
                broke.push({ counter: "stack traces", why: `${what}: ${screen.slice(0, 300)}` });
              } else if (i === 0 && code !== 0) {
                broke.push({ counter: "failed", why: `exit ${code}: ${screen.slice(0, 300)}` });
              } else if (i > 0 && code !== 3 && code !== 0) {
                broke.push({
                  counter: "not exit 3",
                  why: `${what}: exit ${code}: ${screen.slice(0, 300)}`,
                });
              } else if (
                i > 0 && code === 3 && !/^rune: cannot continue: the \w+ permission/m.test(screen)
              ) {
                broke.push({
                  counter: "not exit 3",
                  why: `${what}: no one-line message: ${screen.slice(0, 300)}`,
                });
              }
              // A permission the command did not need after all (exit 0) is noted, not lost.
              if (i > 0 && code === 0) {
                tally.note(`rune ${c.args[0]} works without ${c.perms[i - 1]}`);
              }
              if (tally.record(`rune ${c.args.join(" ")}, ${what}`, broke)) held++;
            }
            tally.check(`rune ${c.args.join(" ")}`, sets.length, held, c.perms.join(" "));
          });
        }
      });
    } finally {
      home.cleanup();
    }
    tally.finish();
  },
});

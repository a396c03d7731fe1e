/**
 * Issue 18 "signals": SIGINT, SIGTERM and SIGHUP to rune at each stage of a ritual — a
 * foreground command of the start ritual, of the stop ritual, and (under `make stress`) an
 * interactive command in a pseudo-terminal, rune running in a terminal — end rune with 130,
 * leave no process of the ritual behind (found by a unique marker in its command line, never
 * by name) and give the terminal back in the modes it had.
 */
import { runeArgv, runRune } from "../helpers/run_rune.ts";
import { makeTempHome } from "../helpers/temp_home.ts";
import { hasTmux, withTmuxServer } from "../helpers/tmux_server.ts";
import { waitFor } from "../helpers/wait_for.ts";
import { killMarked, pidsWithMarker, uniqueMarker } from "../helpers/plan_fixture.ts";
import { runInPane } from "../e2e/pty_pane.ts";
import { FULL, hasStack, Tally } from "./lib/tally.ts";
import { read } from "./lib/probe.ts";

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

const config = (marker: string, dir: string) =>
  `projects: [{name: web}]
rituals:
  start:
    per_project:
      web:
        - {name: fg, command: "touch ${dir}/stage-start; sleep 300; : ${marker}"}
        - {name: after, command: "touch ${dir}/after-ran"}
  stop:
    per_project:
      web: [{name: fg, command: "touch ${dir}/stage-stop; sleep 300; : ${marker}"}]
`;

const PTY = (marker: string, dir: string) =>
  `projects: [{name: web}]
rituals:
  start:
    per_project:
      web: [{name: pty, interactive: true, command: "touch ${dir}/stage-pty; sleep 300; : ${marker}"}]
`;

async function direct(tally: Tally, stage: "start" | "stop", signal: Deno.Signal) {
  const home = makeTempHome();
  const marker = uniqueMarker(`sig-${stage}`);
  try {
    const dir = home.dir;
    home.writeConfig(config(marker, dir));
    if (stage === "stop") {
      await runRune(["start", "web", "--skip-rituals"], { env: home.env, cwd: dir });
    }
    const argv = runeArgv([stage, "web"]);
    const child = new Deno.Command(argv[0], {
      args: argv.slice(1),
      env: {
        ...home.env,
        ...(Deno.env.get("DENO_DIR") ? { DENO_DIR: Deno.env.get("DENO_DIR")! } : {}),
      },
      clearEnv: true,
      cwd: dir,
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    const out = child.output();
    await waitFor(() => read(`${dir}/stage-${stage}`) !== undefined, { what: `stage ${stage}` });
    child.kill(signal);
    const o = await out;
    const stderr = new TextDecoder().decode(o.stderr);
    const broke = [];
    if (o.code !== 130) {
      broke.push({ counter: "not 130", why: `exit ${o.code}: ${stderr.slice(0, 200)}` });
    }
    if (hasStack(stderr)) broke.push({ counter: "stack traces", why: stderr.slice(0, 200) });
    await waitFor(() => pidsWithMarker(marker).length === 0, { timeoutMs: 5_000 }).catch(() => {});
    const left = pidsWithMarker(marker);
    if (left.length) broke.push({ counter: "orphans", why: `left running: ${left.join(", ")}` });
    if (read(`${dir}/after-ran`) !== undefined) broke.push({ why: "a later step still ran" });
    tally.record(`${signal} during the ${stage} ritual`, broke);
  } finally {
    killMarked(marker);
    home.cleanup();
  }
}

async function pty(tally: Tally, signal: Deno.Signal) {
  const home = makeTempHome();
  const marker = uniqueMarker("sig-pty");
  try {
    await withTmuxServer(async (tmux) => {
      const config = home.writeConfig(PTY(marker, home.dir));
      const args = ["start", "web", "--config", config];
      const run = await runInPane(tmux, { home, cwd: home.dir, args, outsideTmux: true });
      await waitFor(() => read(`${home.dir}/stage-pty`) !== undefined, { what: "the pty stage" });
      // rune's own process, found by the unique config path on its command line.
      const rune = pidsWithMarker(config).filter((p) =>
        new TextDecoder().decode(
          new Deno.Command("ps", { args: ["-o", "args=", "-p", String(p)], stdout: "piped" })
            .outputSync().stdout,
        ).includes("rune.js")
      );
      for (const p of rune) Deno.kill(p, signal);
      const code = await run.exitCode(20_000);
      const broke = [];
      if (code !== 130) broke.push({ counter: "not 130", why: `exit ${code}` });
      if (run.sttyAfter() !== run.sttyBefore()) {
        broke.push({ counter: "terminal not restored", why: "stty differs" });
      }
      await waitFor(() => pidsWithMarker(marker).length === 0, { timeoutMs: 5_000 }).catch(
        () => {},
      );
      if (pidsWithMarker(marker).length) {
        broke.push({ counter: "orphans", why: "the pty command survived" });
      }
      tally.record(`${signal} during a pty step, in a terminal`, broke);
    });
  } finally {
    killMarked(marker);
    home.cleanup();
  }
}

Deno.test({
  name: "signals: INT, TERM and HUP at each stage of a ritual",
  ignore: !hasTmux,
  async fn(t) {
    const tally = new Tally("signals", [
      "not 130",
      "orphans",
      "terminal not restored",
      "stack traces",
    ]);
    // SIGHUP once ended rune with 129 and left the foreground command running (an orphan):
    // every signal is tried in the fast part too.
    for (const signal of SIGNALS) {
      await t.step(signal, async () => {
        await direct(tally, "start", signal);
        if (FULL) await direct(tally, "stop", signal);
        // While a pty step owns the terminal, Ctrl-C is that program's (README): not tried.
        if (FULL && signal !== "SIGINT") await pty(tally, signal);
      });
    }
    tally.check("signals at each stage", tally.tried, tally.tried - tally.lost);
    tally.finish();
  },
});

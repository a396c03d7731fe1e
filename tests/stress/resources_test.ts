/**
 * Issue 18 "resources": start/stop cycles (10 in `make test`, 100 under `make stress`) of a
 * project with a tmux session (its close hook set), a background command and work-session
 * tracking, on one private tmux server, leave no growth in the server's open files, the
 * processes it and rune leave behind, tmux sessions, global hooks (`show-hooks -g`), or state
 * files beyond the records kept (the audit log, the store, the background commands' logs).
 */
import { runRune } from "../helpers/run_rune.ts";
import { makeTempHome } from "../helpers/temp_home.ts";
import { hasTmux, withTmuxServer } from "../helpers/tmux_server.ts";
import { filesUnder } from "./lib/world.ts";
import { tmuxOn } from "./lib/probe.ts";
import { scaled, Tally } from "./lib/tally.ts";

const CONFIG = `settings:
  tmux: {kill_sessions_on_stop: true, stop_on_session_close: true}
projects: [{name: web}]
rituals:
  start:
    per_project:
      web:
        - {name: a, command: "true"}
        - {name: bg, command: "true", background: true}
        - {name: ws, interactive: true, tmux_template: t}
  stop:
    per_project:
      web: [{name: z, command: "true"}]
  templates:
    t:
      session_name: cycle
      attach: false
      windows: [{name: w, panes: [null, "echo typed"]}]
`;

async function sh(cmd: string): Promise<string> {
  const o = await new Deno.Command("sh", { args: ["-c", cmd], stdout: "piped", stderr: "null" })
    .output();
  return new TextDecoder().decode(o.stdout).trim();
}

/** Files rune keeps as records, which may grow by one entry per cycle. */
const RECORDS = /\/(audit\.jsonl|work_sessions\.db(-wal|-shm)?|logs\/.*\.log)$/;

Deno.test({
  name: "resources: start/stop cycles leave no growth",
  ignore: !hasTmux,
  async fn() {
    const tally = new Tally("resources", ["grew"]);
    const cycles = scaled(10, 100);
    const home = makeTempHome();
    try {
      home.writeConfig(CONFIG);
      await withTmuxServer(async (tmux) => {
        await tmux.tmux("new-session", "-d", "-s", "keep");
        const env = { ...home.env, RUNE_TMUX_SOCKET: tmux.socket };
        const pid = await tmux.tmux("display", "-p", "#{pid}");
        const measure = async () => ({
          "server open files": Number(await sh(`ls /proc/${pid}/fd | wc -l`)),
          "processes":
            Number(await sh(`ps -eo args= | grep -F -- '${home.dir}' | grep -v grep | wc -l`)) +
            Number(await sh(`ps -o pid= --ppid ${pid} | wc -l`)),
          "tmux sessions": (await tmuxOn(tmux.socket, ["list-sessions"])).split("\n").length,
          "global hooks":
            (await tmuxOn(tmux.socket, ["show-hooks", "-g"])).split("\n").filter((l) =>
              /session-closed\[/.test(l)
            ).length,
          "state files (not records)":
            [home.dir + "/state", home.dir + "/data", home.dir + "/cache", home.dir + "/run"]
              .flatMap(filesUnder).filter((f) => !RECORDS.test(f)).length,
        });
        let first: Record<string, number> | undefined;
        const failures: string[] = [];
        for (let i = 0; i < cycles; i++) {
          const start = await runRune(["start", "web", "--detach"], { env, cwd: home.dir });
          const stop = await runRune(["stop", "--kill-background"], { env, cwd: home.dir });
          if (start.code !== 0 || stop.code !== 0) {
            failures.push(
              `cycle ${i}: start ${start.code}, stop ${stop.code}: ${start.stderr.slice(0, 200)}${
                stop.stderr.slice(0, 200)
              }`,
            );
          }
          if (i === 0) first = await measure();
        }
        const last = await measure();
        let held = 0;
        for (const [what, n] of Object.entries(last)) {
          const grew = n > first![what]
            ? [{ counter: "grew", why: `${what}: ${first![what]} → ${n}` }]
            : [];
          if (tally.record(`${what} after ${cycles} cycles`, grew)) held++;
          console.log(`  ${what}: after cycle 1 ${first![what]}, after cycle ${cycles} ${n}`);
        }
        tally.record(`${cycles} cycles ran`, failures.map((why) => ({ why })));
        const audit = filesUnder(`${home.dir}/state`).filter((f) => f.endsWith("audit.jsonl"))
          .map((f) => Deno.readTextFileSync(f).split("\n").filter(Boolean).length)[0] ?? 0;
        tally.note("audit lines kept", audit);
        tally.check(`${cycles} start/stop cycles`, Object.keys(last).length, held);
      });
    } finally {
      home.cleanup();
    }
    tally.finish();
  },
});

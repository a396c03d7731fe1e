/**
 * Issue 18 "load": 10 (and, under `make stress`, 50) `rune start` at once for one project with
 * a tmux template end with one tmux session and one open work session, each process exiting
 * with a clear status; 20 processes appending to the audit log and writing the work-session
 * store at once (through rune's own state code, 50 each) leave no torn line and lose no row.
 */
import { runRune } from "../helpers/run_rune.ts";
import { makeTempHome } from "../helpers/temp_home.ts";
import { hasTmux } from "../helpers/tmux_server.ts";
import { FULL, hasStack, Tally } from "./lib/tally.ts";
import { killServer } from "./lib/world.ts";
import { tmuxOn } from "./lib/probe.ts";
import { integrity } from "./lib/faults.ts";

const CONFIG = `projects: [{name: web}]
rituals:
  start:
    per_project:
      web:
        - {name: a, command: "true"}
        - {name: ws, interactive: true, tmux_template: t}
  templates:
    t:
      session_name: load
      attach: false
      windows: [{name: w, panes: [null, null]}]
`;

async function concurrentStarts(tally: Tally, n: number) {
  const home = makeTempHome();
  const sock = `${home.dir}/run/load.sock`;
  try {
    home.writeConfig(CONFIG);
    const env = { ...home.env, RUNE_TMUX_SOCKET: sock };
    const runs = await Promise.all(
      Array.from(
        { length: n },
        () => runRune(["start", "web", "--detach"], { env, cwd: home.dir, timeoutMs: 180_000 }),
      ),
    );
    const broke: string[] = [];
    for (const [i, r] of runs.entries()) {
      tally.note(`${n} at once: exit ${r.code}`);
      if (hasStack(r.stdout + r.stderr)) broke.push(`run ${i}: a stack trace`);
      if (r.code !== 0 && !/^rune: |error: /m.test(r.stderr)) {
        broke.push(`run ${i}: exit ${r.code}, unclear`);
      }
      if (r.code !== 0 && r.code !== 1) {
        broke.push(`run ${i}: exit ${r.code}: ${r.stderr.slice(0, 200)}`);
      }
    }
    const sessions = await tmuxOn(sock, ["list-sessions", "-F", "#{session_name}"]);
    if (sessions !== "load") broke.push(`tmux sessions: ${JSON.stringify(sessions)}`);
    const windows = await tmuxOn(sock, ["list-windows", "-t", "=load", "-F", "#{window_name}"]);
    if (windows !== "w") broke.push(`windows of load: ${JSON.stringify(windows)}`);
    const report = await runRune(["report", "--from", "1970-01-01", "--format", "json"], { env });
    const open = JSON.parse(report.stdout).sessions.filter((s: { state: number }) => s.state !== 0);
    const all = JSON.parse(report.stdout).sessions.length;
    if (open.length !== 1 || all !== 1) broke.push(`work sessions: ${all}, open ${open.length}`);
    tally.record(`${n} concurrent rune start`, broke.map((why) => ({ counter: "lost", why })));
    tally.check(
      `${n} concurrent rune start`,
      1,
      broke.length ? 0 : 1,
      `${runs.filter((r) => r.code === 0).length} exit 0`,
    );
  } finally {
    await killServer(sock);
    home.cleanup();
  }
}

const WRITER = (src: string) => `
import { appendAudit, openStore } from "${src}/state/mod.ts";
const [audit, data, who, n] = Deno.args;
const opened = openStore(data, { create: true });
if (!opened.ok) { console.error(JSON.stringify(opened.error)); Deno.exit(1); }
for (let i = 0; i < Number(n); i++) {
  appendAudit(audit, { id: who + "-" + i, time: new Date().toISOString(), user: "u", project: "p" + who,
    ritual: "start", name: "x".repeat(2000 + i), command: "c", via: "direct", status: "ok", exitCode: 0,
    durationMs: i });
  const r = opened.value.importRecords([{ key: "load:" + who + ":" + i, project: "p" + who, start: 1e12 + i * 1000, end: 1e12 + i * 1000 + 500 }]);
  if (!r.ok) { console.error(JSON.stringify(r.error)); Deno.exit(1); }
}
opened.value.close();
`;

async function concurrentWriters(tally: Tally) {
  const home = makeTempHome();
  try {
    const src = new URL("../../src", import.meta.url).pathname;
    const script = `${home.dir}/writer.ts`;
    Deno.writeTextFileSync(script, WRITER(src));
    const audit = `${home.dir}/state/audit.jsonl`;
    const data = `${home.dir}/data/rune`;
    const per = 50;
    const outs = await Promise.all(
      Array.from({ length: 20 }, (_, w) =>
        new Deno.Command(Deno.execPath(), {
          args: [
            "run",
            "-q",
            "--no-prompt",
            "-A",
            "--config",
            new URL("../../deno.json", import.meta.url).pathname,
            script,
            audit,
            data,
            String(w),
            String(per),
          ],
          stdout: "piped",
          stderr: "piped",
        }).output()),
    );
    const broke: string[] = [];
    for (const [w, o] of outs.entries()) {
      if (!o.success) {
        broke.push(`writer ${w}: ${new TextDecoder().decode(o.stderr).slice(0, 200)}`);
      }
    }
    const lines = Deno.readTextFileSync(audit).split("\n").filter(Boolean);
    const torn = lines.filter((l) => {
      try {
        return typeof JSON.parse(l).id !== "string";
      } catch {
        return true;
      }
    });
    if (torn.length) broke.push(`${torn.length} torn audit line(s)`);
    if (lines.length !== 20 * per) broke.push(`audit lines: ${lines.length} of ${20 * per}`);
    const env = { ...home.env, XDG_DATA_HOME: `${home.dir}/data` };
    const report = await runRune(["report", "--from", "1970-01-01", "--format", "json"], { env });
    const rows = JSON.parse(report.stdout).sessions.length;
    if (rows !== 20 * per) broke.push(`store rows: ${rows} of ${20 * per}`);
    const check = integrity(`${data}/work_sessions.db`);
    if (check !== "ok") broke.push(`integrity: ${check}`);
    tally.record(
      "20 concurrent writers of the audit log and the store",
      broke.map((why) => ({ counter: "lost", why })),
    );
    tally.check(
      "20 concurrent writers (audit lines, store rows)",
      2 * 20 * per,
      broke.length ? 0 : 2 * 20 * per,
    );
  } finally {
    home.cleanup();
  }
}

Deno.test({
  name: "load: concurrent starts of one project, concurrent writers of the audit log and store",
  ignore: !hasTmux,
  async fn(t) {
    const tally = new Tally("load", ["lost"]);
    for (const n of FULL ? [10, 50] : [10]) {
      await t.step(`${n} concurrent rune start`, () => concurrentStarts(tally, n));
    }
    await t.step("20 concurrent writers", () => concurrentWriters(tally));
    tally.finish();
  },
});

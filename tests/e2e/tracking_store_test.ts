/**
 * The store under real processes: 20 `rune start` at once leave one open session; a rune
 * killed with SIGKILL in the middle of a write loses nothing committed, half-writes nothing,
 * and `rune doctor` then finds the store intact.
 */
import { deepStrictEqual, match, strictEqual } from "node:assert/strict";
import { runeArgv } from "../helpers/run_rune.ts";
import { waitFor } from "../helpers/wait_for.ts";
import { said, withTrackingHome } from "./tracking_helpers.ts";

Deno.test("20 concurrent rune start leave exactly one open session", async () => {
  await withTrackingHome(async (t) => {
    const runs = await Promise.all(
      Array.from({ length: 20 }, (_, i) => t.rune(["start", `p${i}`, "--quiet"])),
    );
    const won = runs.filter((r) => r.code === 0);
    strictEqual(won.length, 1, runs.map(said).join("\n---\n"));
    for (const lost of runs.filter((r) => r.code !== 0)) {
      strictEqual(lost.code, 1, said(lost));
      match(
        lost.stderr,
        /Cannot (start|track) "p\d+": "p\d+" (is open since|was started meanwhile)/,
      );
    }
    const sessions = await t.sessions();
    strictEqual(sessions.length, 1);
    strictEqual(sessions[0].state, 1);
    const doctor = JSON.parse((await t.rune(["doctor", "--json"])).stdout);
    const store = doctor.checks.find((c: { name: string }) => c.name === "work sessions");
    deepStrictEqual([store.status, store.detail.startsWith("1 session in ")], ["ok", true]);
  });
});

Deno.test("kill -9 during an import: the committed session survives, the import is all or nothing", async () => {
  await withTrackingHome(async (t) => {
    strictEqual((await t.rune(["start", "web", "--skip-rituals", "--at", "-2h"])).code, 0);
    strictEqual((await t.rune(["stop", "--skip-rituals", "--at", "-1h"])).code, 0);
    const frames = `${t.home.dir}/frames`;
    const n = 100_000;
    const base = Math.floor(Date.now() / 1000) - 400 * 86_400;
    Deno.writeTextFileSync(
      frames,
      JSON.stringify(Array.from({ length: n }, (_, i) => {
        const s = base + i * 300;
        return [s, s + 240, `p${i % 7}`, `f${i}`, ["t"], s + 240];
      })),
    );
    const wal = `${t.home.env.XDG_DATA_HOME}/rune/work_sessions.db-wal`;
    const walSize = () => {
      try {
        return Deno.statSync(wal).size;
      } catch {
        return 0;
      }
    };
    const before = walSize();
    const argv = runeArgv(["migrate", "watson", frames]);
    const child = new Deno.Command(argv[0], {
      args: argv.slice(1),
      env: t.home.env,
      clearEnv: true,
      cwd: t.cwd,
      stdout: "null",
      stderr: "null",
    }).spawn();
    // The WAL grows past what it held only while the import's transaction spills its pages.
    await waitFor(() => walSize() > before + 2_000_000, {
      timeoutMs: 60_000,
      intervalMs: 5,
      what: "the import to be writing",
    });
    child.kill("SIGKILL");
    strictEqual((await child.status).signal, "SIGKILL");

    const doctor = await t.rune(["doctor", "--json"]);
    const store = JSON.parse(doctor.stdout).checks.find((c: { name: string }) =>
      c.name === "work sessions"
    );
    strictEqual(store.status, "ok", store.detail);
    match(store.detail, /integrity ok/);
    const sessions = await t.sessions();
    strictEqual(sessions.some((s) => s.project === "web" && s.state === 0), true);
    strictEqual([1, 1 + n].includes(sessions.length), true, `${sessions.length} sessions`);
    // The store still takes writes, and the import can be run again to the end.
    const again = await t.rune(["migrate", "watson", frames]);
    strictEqual(again.code, 0, said(again));
    strictEqual((await t.sessions()).length, 1 + n);
  });
});

Deno.test("rune doctor says once which of Rune's keys rune does nothing with", async () => {
  await withTrackingHome(async (t) => {
    const r = await t.rune(["doctor"]);
    const lines = r.stdout.split("\n").filter((l) => l.includes("settings.work_hours"));
    strictEqual(lines.length, 1, r.stdout);
    match(
      lines[0],
      /^! Rune's keys +settings\.work_hours, settings\.notifications: read and checked/,
    );
    match(lines[0], /integrations\.slack: off; rune has no network permission/);
    match(r.stdout, /✓ work sessions +none recorded yet/);
  }, {
    settings: "settings:\n  work_hours: 8\n  notifications: { enabled: true }\n" +
      "integrations:\n  slack: { workspace: x }",
  });
});

/**
 * The audit log and transcripts through the bundle: an interactive run typed into in a real
 * terminal is logged (and recorded when settings ask), `rune audit ls|show` read it back, the
 * transcript replays; tmux runs are audited too.
 */
import { deepStrictEqual, match, ok, strictEqual } from "node:assert/strict";
import { runRune } from "../helpers/run_rune.ts";
import { makeTempHome, withProject } from "../helpers/temp_home.ts";
import { withTmuxServer } from "../helpers/tmux_server.ts";
import { readAudit } from "../../src/state/audit.ts";
import type { AuditEntry } from "../../src/state/audit.ts";
import { runInPane } from "./pty_pane.ts";

const mode = (path: string) => Deno.statSync(path).mode! & 0o777;

Deno.test("an interactive run is audited with its transcript; audit ls/show read it; it replays", async () => {
  const config = `
settings:
  audit: {transcripts: true}
rituals:
  start:
    global:
      - name: pick
        interactive: true
        command: "printf 'colour? '; read c; echo \\"picked [$c]\\"; exit 2"
`;
  await withProject(config, async (home, dir) => {
    await withTmuxServer(async (tmux) => {
      const run = await runInPane(tmux, { home, cwd: dir, args: ["start", "app"] });
      await tmux.waitForText(run.pane, "colour?", 20_000);
      await tmux.tmux("send-keys", "-t", run.pane, "-l", "blue");
      await tmux.tmux("send-keys", "-t", run.pane, "Enter");
      strictEqual(await run.exitCode(), 1);
    });
    const state = `${home.dir}/state/rune`;
    strictEqual(mode(`${state}/audit.jsonl`), 0o600);
    strictEqual(mode(state), 0o700);

    const ls = await runRune(["audit", "ls", "--json"], { env: home.env });
    strictEqual(ls.code, 0, ls.stderr);
    const [entry] = JSON.parse(ls.stdout) as AuditEntry[];
    deepStrictEqual(
      [
        entry.user,
        entry.project,
        entry.ritual,
        entry.name,
        entry.via,
        entry.status,
        entry.exitCode,
      ],
      ["tester", "app", "start", "pick", "pty", "failed", 2],
    );
    const t = entry.transcript!;
    strictEqual(t.format, "util-linux");
    for (const f of [t.log, t.timing!]) strictEqual(mode(f), 0o600);
    strictEqual(mode(`${state}/transcripts`), 0o700);

    const table = await runRune(["audit", "ls"], { env: home.env });
    match(
      table.stdout,
      /^ID\s+STARTED \(UTC\)\s+PROJECT\s+RITUAL\s+NAME\s+VIA\s+STATUS\s+EXIT\s+TOOK$/m,
    );
    match(
      table.stdout,
      new RegExp(`^${entry.id}\\s+\\S+ \\S+\\s+app\\s+start\\s+pick\\s+pty\\s+failed\\s+2\\s`, "m"),
    );

    const show = await runRune(["audit", "show", entry.id.slice(0, 4)], { env: home.env });
    strictEqual(show.code, 0, show.stderr);
    match(show.stdout, new RegExp(`^id:\\s+${entry.id}$`, "m"));
    match(show.stdout, /^status:\s+failed \(exit 2\)$/m);
    match(show.stdout, /--- transcript ---\ncolour\? blue\r\npicked \[blue\]\r\n/);
    ok(!show.stdout.includes("Script started"), "script's own lines are stripped");
    ok(!show.stdout.includes("Script done"), "script's own lines are stripped");

    const replay = await runRune(["audit", "show", entry.id, "--replay"], { env: home.env });
    strictEqual(replay.code, 0, replay.stderr);
    match(replay.stdout, /picked \[blue\]/);
  });
});

Deno.test("without transcripts the run is still audited, with no transcript", async () => {
  const config = `
rituals:
  start:
    global:
      - {name: quick, interactive: true, command: "exit 0"}
`;
  await withProject(config, async (home, dir) => {
    await withTmuxServer(async (tmux) => {
      const run = await runInPane(tmux, { home, cwd: dir, args: ["start", "app"] });
      strictEqual(await run.exitCode(), 0);
    });
    const { entries, unreadable } = readAudit(`${home.dir}/state/rune/audit.jsonl`);
    deepStrictEqual(unreadable, []);
    deepStrictEqual(entries.map((e) => [e.name, e.via, e.status, e.transcript]), [
      ["quick", "pty", "ok", undefined],
    ]);
    const replay = await runRune(["audit", "show", entries[0].id, "--replay"], { env: home.env });
    strictEqual(replay.code, 2);
    match(replay.stderr, /it has no transcript\n {2}hint: set settings\.audit\.transcripts: true/);
  });
});

Deno.test("interactive tmux runs are audited as tmux", async () => {
  const config = `
rituals:
  start:
    global:
      - {name: dev, interactive: true, tmux_session: "dev-app", command: "echo hi"}
`;
  await withProject(config, async (home, dir) => {
    await withTmuxServer(async (tmux) => {
      const r = await runRune(["start", "app", "--detach"], {
        env: { ...home.env, RUNE_TMUX_SOCKET: tmux.socket },
        cwd: dir,
      });
      strictEqual(r.code, 0, r.stderr);
      const [e] = readAudit(`${home.dir}/state/rune/audit.jsonl`).entries;
      // A tmux_session step keeps running in its window: started, not done.
      deepStrictEqual([e.name, e.command, e.via, e.status], ["dev", "echo hi", "tmux", "started"]);
    });
  });
});

Deno.test("audit ls with no log, and show with an unknown id", async () => {
  const home = makeTempHome();
  try {
    const ls = await runRune(["audit", "ls"], { env: home.env });
    strictEqual(ls.code, 0);
    match(ls.stderr, /no interactive runs recorded yet/);
    const show = await runRune(["audit", "show", "abc"], { env: home.env });
    strictEqual(show.code, 2);
    match(
      show.stderr,
      /rune: cannot show run "abc": no audit entry has the id "abc"\n {2}hint: list the runs with: rune audit ls/,
    );
    const bad = await runRune(["audit", "ls", "-n", "x"], { env: home.env });
    strictEqual(bad.code, 2);
    match(bad.stderr, /--limit "x" is not a whole number/);
  } finally {
    home.cleanup();
  }
});

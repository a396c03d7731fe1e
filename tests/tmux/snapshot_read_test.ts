/**
 * Reading sessions for a save, with tmux and ps answered from output captured together on one
 * server (capture.ts): what a save holds, and the refusals that keep the earlier save.
 */
import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { listLiveSessions, snapshotSessions } from "../../src/tmux/snapshot_read.ts";
import type { ServerRead } from "../../src/tmux/snapshot_read.ts";
import { fakeRuntime } from "../helpers/fake_runtime.ts";
import type { Answer } from "../helpers/fake_runtime.ts";

const FIXTURE = new URL("../fixtures/tmux_snapshot/", import.meta.url).pathname;
const read = (name: string) => Deno.readTextFileSync(`${FIXTURE}/${name}`);

/** tmux and ps as they answered on the captured server; `override` changes one answer. */
function server(
  override: (argv: readonly string[]) => Partial<Answer> | undefined = () => undefined,
) {
  const runtime = fakeRuntime((argv) => {
    const changed = override(argv);
    if (changed) return changed as never;
    if (argv[0] === "ps") return { stdout: read("ps.txt") };
    if (argv[0] === "sh") return { stdout: read("argv.txt") };
    if (argv.includes("list-panes")) return { stdout: read("list_panes.txt") };
    if (argv.includes("show-options")) return { stdout: read("show_options.txt") };
    return { stdout: read("values.txt") };
  });
  const s: ServerRead = { runtime, socket: ["-S", "/s"], env: {} };
  return { s, runtime };
}

async function snapshot(s: ServerRead) {
  const live = await listLiveSessions(s);
  if (!live.ok) throw new Error(live.error.problem);
  return await snapshotSessions(s, live.value);
}

Deno.test("snapshotSessions() keeps windows, layouts, panes, titles, options and programs", async () => {
  const { s, runtime } = server();
  const got = await snapshot(s);
  if (!got.ok) throw new Error(got.error.problem);
  const [other, web] = got.value;
  const d1 = web.dir;
  const base = d1.slice(0, -"/dir with spaces/é 中".length);
  deepStrictEqual(web, {
    name: "web",
    project: "web",
    dir: d1,
    size: { columns: 160, rows: 48 },
    env: { RUNE_PROJECT: "web", RUNE_PROJECT_DIR: "/p q" },
    options: { mouse: "on", "status-left": '[#{session_name}] "q"' },
    windows: [
      {
        name: "edit",
        layout: "8b5f,160x48,0,0{80x48,0,0,0,79x48,81,0,1}",
        active: true,
        zoomed: true,
        options: { "automatic-rename": "off", "main-pane-width": "50" },
        panes: [
          { dir: d1, title: 'title: "q" $HOME #x', active: false },
          { dir: `${base}/tab\there`, title: "vm", active: true },
        ],
      },
      {
        name: "ctl\x1fname\nx",
        layout: "cbff,160x48,0,0,2",
        active: false,
        zoomed: false,
        options: { "automatic-rename": "off" },
        // Its arguments exactly (ps shows "tail -f a b.log").
        panes: [{ dir: d1, title: "vm", active: true, running: ["tail", "-f", "a b.log"] }],
      },
    ],
  });
  deepStrictEqual(other.windows[0].panes.map((p) => p.running), [undefined, ["sleep", "300"]]);
  deepStrictEqual([other.project, other.env, other.options], ["", {}, {}]);
  // list-panes and ps, then the options and the programs' argv side by side, one value read
  // back: five processes for the whole server.
  const programs = runtime.calls.map((c) => c[0] === "tmux" ? c[3] : c[0]);
  deepStrictEqual(programs, ["list-panes", "ps", "show-options", "sh", "display-message"]);
});

Deno.test("a save of a server that is going away is refused", async (t) => {
  const cases: {
    name: string;
    answer: (argv: readonly string[]) => Partial<Answer> | undefined;
    code: string;
  }[] = [
    {
      name: "killed before its options were read",
      answer: (argv) =>
        argv.includes("show-options")
          ? { code: 1, stderr: "server exited unexpectedly" }
          : undefined,
      code: "server-going-away",
    },
    {
      name: "a session gone between the calls",
      answer: (argv) =>
        argv.includes("show-options") ? { code: 1, stderr: "can't find session: $1" } : undefined,
      code: "server-going-away",
    },
    {
      name: "its pane processes already exited",
      answer: (argv) =>
        argv[0] === "ps" ? { stdout: read("ps.txt").split("\n").slice(2).join("\n") } : undefined,
      code: "server-going-away",
    },
    {
      name: "the options output cut short",
      answer: (argv) => argv.includes("show-options") ? { stdout: "=rune=\n" } : undefined,
      code: "tmux-output",
    },
  ];
  for (const c of cases) {
    await t.step(c.name, async () => {
      const got = await snapshot(server(c.answer).s);
      deepStrictEqual(got.ok ? "saved" : got.error.code, c.code);
    });
  }
});

Deno.test("a system without /proc keeps the arguments as ps shows them", async () => {
  const pids = read("argv.txt").split("\n").filter(Boolean).map((l) => `${l.split(" ")[0]} \n`);
  const { s } = server((argv) => argv[0] === "sh" ? { stdout: pids.join("") } : undefined);
  const got = await snapshot(s);
  const panes = got.ok ? got.value.flatMap((x) => x.windows.flatMap((w) => w.panes)) : [];
  deepStrictEqual(panes.map((p) => p.running).filter(Boolean), ["sleep 300", "tail -f a b.log"]);
});

Deno.test("listLiveSessions() finds no sessions when no server runs, and says when tmux is missing", async () => {
  const none = await listLiveSessions(
    server(() => ({ code: 1, stderr: "no server running on /s" })).s,
  );
  deepStrictEqual(none, { ok: true, value: [] });
  const missing = await listLiveSessions(server(() => ({ code: 127 })).s);
  strictEqual(missing.ok ? "" : missing.error.code, "tmux-missing");
});

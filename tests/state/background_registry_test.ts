import { deepStrictEqual, strictEqual } from "node:assert/strict";
import {
  type BackgroundEntry,
  backgroundState,
  forgetBackground,
  readBackground,
  recordBackground,
  registryDir,
} from "../../src/state/background_registry.ts";
import { probeBackground } from "../../src/exec/background_review.ts";
import { fakeRuntime } from "../helpers/fake_runtime.ts";

function entry(pid: number, extra: Partial<BackgroundEntry> = {}): BackgroundEntry {
  return {
    pid,
    pgid: pid,
    project: "web",
    name: `job ${pid}`,
    command: "npm run dev",
    logFile: `/logs/${pid}.log`,
    startedAt: `2026-11-27T01:00:0${pid % 10}.000Z`,
    started: "Fri Nov 27 01:00:00 2026",
    ...extra,
  };
}

Deno.test("the registry keeps one private file per process, read back oldest first", () => {
  const state = Deno.makeTempDirSync();
  try {
    recordBackground(state, entry(12));
    recordBackground(state, entry(11));
    Deno.writeTextFileSync(`${registryDir(state)}/13.json`, "{torn");
    Deno.writeTextFileSync(`${registryDir(state)}/notes.txt`, "not ours");
    deepStrictEqual(readBackground(state).map((e) => e.pid), [11, 12]);
    strictEqual(Deno.statSync(registryDir(state)).mode! & 0o777, 0o700);
    strictEqual(Deno.statSync(`${registryDir(state)}/12.json`).mode! & 0o777, 0o600);
    forgetBackground(state, { pid: 12 });
    forgetBackground(state, { pid: 12 }); // twice is fine
    deepStrictEqual(readBackground(state).map((e) => e.pid), [11]);
  } finally {
    Deno.removeSync(state, { recursive: true });
  }
});

Deno.test("readBackground() of a state dir that does not exist is empty", () => {
  deepStrictEqual(readBackground("/nonexistent/rune-state"), []);
});

Deno.test("backgroundState() trusts a pid only with its start time", async (t) => {
  const e = entry(100);
  const cases: {
    name: string;
    entry: BackgroundEntry;
    starts: [number, string][];
    groups: number[];
    want: string;
  }[] = [
    {
      name: "same pid, same start: running",
      entry: e,
      starts: [[100, e.started!]],
      groups: [],
      want: "running",
    },
    {
      name: "pid reused by a later process: gone",
      entry: e,
      starts: [[100, "Sat Nov 28 09:00:00 2026"]],
      groups: [100],
      want: "gone",
    },
    {
      name: "leader exited, group still has members: running",
      entry: e,
      starts: [],
      groups: [100],
      want: "running",
    },
    { name: "leader and group gone: gone", entry: e, starts: [], groups: [], want: "gone" },
    {
      name: "no start time recorded: the pid alone decides",
      entry: entry(100, { started: undefined }),
      starts: [[100, "whenever"]],
      groups: [],
      want: "running",
    },
  ];
  for (const c of cases) {
    await t.step(c.name, () => {
      strictEqual(backgroundState(c.entry, new Map(c.starts), new Set(c.groups)), c.want);
    });
  }
});

Deno.test("probeBackground() asks for start times once, and for groups only when leaders are gone", async () => {
  const rt = fakeRuntime((argv) => {
    if (argv[1] === "-o") {
      return { stdout: `  1 ${entry(1).started}\n  2 Sun Nov 29 00:00:00 2026\n` };
    }
    return { stdout: "    3 S\n    4 Z\n" }; // ps -A -o pgid=,stat=: group 4 is a zombie
  });
  const r = await probeBackground(rt, [entry(1), entry(2), entry(3), entry(4)]);
  deepStrictEqual(r.running.map((e) => e.pid), [1, 3]);
  deepStrictEqual(r.gone.map((e) => e.pid), [2, 4]);
  deepStrictEqual(rt.calls, [
    ["ps", "-o", "pid=,lstart=", "-p", "1,2,3,4"],
    ["ps", "-A", "-o", "pgid=,stat="],
    ["ps", "-A", "-o", "pgid=,stat="],
  ]);
});

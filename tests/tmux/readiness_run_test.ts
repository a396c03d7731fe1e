/**
 * The readiness watcher: panes without depends_on start at once, others once what they wait
 * for is ready, all conditions watched together; a failed condition fails its gate and the
 * panes waiting for it never start. Pane states go to tmux options for `rune session status`.
 */
import { deepStrictEqual, ok } from "node:assert/strict";
import { ReadinessWatcher } from "../../src/tmux/readiness_run.ts";
import { PaneOutputs } from "../../src/tmux/pane_output.ts";
import type { BuiltPane, SessionReadiness } from "../../src/contract/mod.ts";
import { fakeLink } from "./fake_link.ts";

const bytes = (s: string) => new TextEncoder().encode(s);

/** db (waits for its output) → app (window, waits for db) → tests (waits for app.1). */
const readiness: SessionReadiness = {
  windows: [
    { window: 1, label: "db", panes: ["w1p1"] },
    { window: 2, label: "app", panes: ["w2p1"] },
    { window: 3, label: "tests", panes: ["w3p1", "w3p2"] },
  ],
  panes: [
    {
      key: "w1p1",
      label: "db.1",
      ready: { kind: "output", pattern: "accept", timeoutMs: 5000 },
      after: [],
    },
    {
      key: "w2p1",
      label: "app.1",
      ready: { kind: "output", pattern: "listening", timeoutMs: 0 },
      after: [{ kind: "window", window: 1 }],
    },
    { key: "w3p1", label: "tests.1", after: [{ kind: "pane", key: "w2p1" }] },
    { key: "w3p2", label: "tests.2", after: [] },
  ],
  order: [["w1p1", "w3p2"], ["w2p1"], ["w3p1"]],
};
const panes: BuiltPane[] = [
  { key: "w1p1", commands: ["./db"] },
  { key: "w2p1", commands: ["./app"] },
  { key: "w3p1", commands: ["make test"] },
  { key: "w3p2", commands: [] },
];
const idOf = (key: string) => `%${panes.findIndex((p) => p.key === key) + 1}`;

function setup() {
  const clock = { now: 0 };
  const outputs = new PaneOutputs(() => clock.now);
  const link = fakeLink();
  const watcher = new ReadinessWatcher({
    readiness,
    panes,
    idOf,
    link,
    outputs,
    now: () => clock.now,
    note: () => {},
  });
  const typedInto = () =>
    link.commands().filter((c) => c[0] === "send-keys" && c[3] === "-l").map((c) =>
      `${c[2]} ${c[4]}`
    );
  const states = () => {
    const last = new Map<string, string>();
    for (const c of link.commands()) if (c[4] === "@rune-state") last.set(c[3], c[5]);
    return Object.fromEntries(last);
  };
  const tick = () => watcher.until(() => true, new AbortController().signal);
  return { clock, outputs, link, watcher, typedInto, states, tick };
}

Deno.test("a chain starts link by link: each pane typed once, once what it waits for is ready", async () => {
  const s = setup();
  await s.watcher.shellsReady(panes.slice(0, 3).map((p) => ({ key: p.key, piped: false })));
  deepStrictEqual(s.typedInto(), ["%1 ./db"], "only the pane that waits for nothing");
  await s.tick();
  deepStrictEqual(s.states(), {
    "%1": "waiting until it prints a line matching /accept/ (within 5s)",
    "%2": "waiting for db",
    "%3": "waiting for app.1",
    "%4": "ready",
  });
  s.outputs.feed("%1", bytes("$ ./db\r\nready to accept\r\n"));
  await s.tick();
  deepStrictEqual(s.typedInto(), ["%1 ./db", "%2 ./app"]);
  ok(!s.watcher.settled());
  s.outputs.feed("%2", bytes("$ ./app\r\nlistening on 8080\r\n"));
  await s.tick();
  deepStrictEqual(s.typedInto(), ["%1 ./db", "%2 ./app", "%3 make test"]);
  ok(s.watcher.settled() && s.watcher.resolved());
  deepStrictEqual(s.watcher.failures().lines, []);
  deepStrictEqual(Object.values(s.states()), ["ready", "ready", "ready", "ready"]);
});

Deno.test("a pane whose shell is not ready yet waits for it, even when its gates are ready", async () => {
  const s = setup();
  await s.watcher.shellsReady([{ key: "w2p1", piped: false }, { key: "w3p1", piped: false }]);
  s.outputs.feed("%1", bytes("accept\r\n"));
  await s.tick();
  deepStrictEqual(s.typedInto(), [], "db's shell has not said it reads: nothing typed, nowhere");
  await s.watcher.shellsReady([{ key: "w1p1", piped: false }]);
  deepStrictEqual(s.typedInto(), ["%1 ./db"]);
});

Deno.test("a condition that times out fails its gate; what waits for it never starts", async () => {
  const s = setup();
  await s.watcher.shellsReady(panes.slice(0, 3).map((p) => ({ key: p.key, piped: false })));
  s.clock.now = 5000;
  await s.tick();
  ok(s.watcher.settled(), "nothing is left that can start");
  deepStrictEqual(s.typedInto(), ["%1 ./db"]);
  deepStrictEqual(s.watcher.failures(), {
    lines: [
      "db.1 prints a line matching /accept/ (within 5s): timed out",
      "app.1 was not started: db failed",
      "tests.1 was not started: app.1 failed",
    ],
    pane: "%1",
  });
  deepStrictEqual(s.states()["%2"], "failed: not started, db failed");
  deepStrictEqual(s.watcher.why({ kind: "pane", key: "w3p1" }), "it was not started: app.1 failed");
});

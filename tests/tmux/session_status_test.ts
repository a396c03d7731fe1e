/**
 * `rune session status` from what tmux prints: rows parsed from captured list-panes output,
 * each pane decided: waiting (for what), ready, failed, exited.
 */
import { deepStrictEqual } from "node:assert/strict";
import { decideStatus, parseStatusRows } from "../../src/tmux/session_status.ts";

const port = JSON.stringify({ kind: "port", port: 8080, timeoutMs: 60000 });
const exit = JSON.stringify({ kind: "exit", status: 0, timeoutMs: 60000 });
// list-panes -s -F STATUS_FORMAT, as tmux 3.3a prints it (fields split by tabs).
const CAPTURED = [
  `%1\tdb.0\t0\t\tdb.1\t1796160389284\t\tready`,
  `%2\tapp.0\t0\t\tapp.server\t1796160390292\t${port}\twaiting until it listens on port 8080 (within 1m)`,
  `%3\ttests.0\t0\t\ttests.1\t\t\twaiting for app.server`,
  `%4\ttests.1\t0\t\ttests.2\t\t\tfailed: not started, app.server failed`,
  `%5\tjobs.0\t1\t0\tjobs.1\t1796160390292\t${exit}\twaiting until it exits with status 0 (within 1m)`,
  `%6\tjobs.1\t1\t2\t\t\t\t`,
  `%7\tplain.0\t0\t\t\t\t\t`,
].join("\n");

Deno.test("each pane's status from its options and #{pane_dead}", () => {
  const rows = parseStatusRows(CAPTURED);
  deepStrictEqual(rows.map((r) => decideStatus(r)).map((s) => [s.pane, s.status, s.detail]), [
    ["db.1", "ready", ""],
    ["app.server", "waiting", "waiting until it listens on port 8080 (within 1m)"],
    ["tests.1", "waiting", "waiting for app.server"],
    ["tests.2", "failed", "not started, app.server failed"],
    ["jobs.1", "ready", "exited with status 0"],
    ["jobs.1", "exited", "exited with status 2"],
    ["plain.0", "ready", ""],
  ]);
});

Deno.test("a condition that holds when asked again is ready, checked now", () => {
  const [, app] = parseStatusRows(CAPTURED);
  deepStrictEqual(decideStatus(app, true), {
    id: "%2",
    pane: "app.server",
    status: "ready",
    detail: "it listens on port 8080 (within 1m): checked now",
    ready: { kind: "port", port: 8080, timeoutMs: 60000 },
  });
});

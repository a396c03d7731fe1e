/** `--dry-run` shows when each pane is ready, the order panes start in, and what a step waits for. */
import { deepStrictEqual } from "node:assert/strict";
import { readinessLines, waitForLine } from "../../src/output/readiness_text.ts";

Deno.test("readinessLines(): conditions, then the start order in waves with what each waits for", () => {
  deepStrictEqual(
    readinessLines({
      windows: [
        { window: 1, label: "db", panes: ["w1p1"] },
        {
          window: 2,
          label: "app",
          ready: { kind: "file", path: "/p/.up", timeoutMs: 0 },
          panes: ["w2p1"],
        },
      ],
      panes: [
        {
          key: "w1p1",
          label: "db.1",
          ready: { kind: "output", pattern: "ready\x1b", timeoutMs: 60_000 },
          after: [],
        },
        {
          key: "w2p1",
          label: "app.server",
          ready: { kind: "port", port: 8080, timeoutMs: 90_000 },
          after: [{ kind: "window", window: 1 }],
        },
      ],
      order: [["w1p1"], ["w2p1"]],
    }),
    [
      "ready: app has made /p/.up (no timeout)",
      "ready: db.1 prints a line matching /ready\\x1b/ (within 1m)",
      "ready: app.server listens on port 8080 (within 1m30s)",
      "start order:",
      "  1. db.1",
      "  2. app.server (after db)",
    ],
  );
});

Deno.test("waitForLine(): the panes, their session and step", () => {
  deepStrictEqual(
    waitForLine([{
      step: 1,
      session: "dev",
      gate: { kind: "pane", key: "w2p1" },
      label: "app.server",
    }]),
    "waits for app.server (session dev, step 1) to be ready",
  );
});

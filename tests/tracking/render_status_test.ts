/** `rune status` text and JSON from trackingStatus(). */
import { deepStrictEqual, strictEqual } from "node:assert/strict";
import {
  renderStatus,
  statusJson,
  trackingStatus,
  type WorkSession,
} from "../../src/tracking/mod.ts";

const MIN = 60_000;
const T0 = Date.parse("2026-03-02T09:15:00Z");
const opts = { now: T0 + 125 * MIN, timeZone: "UTC" };
const earlier: WorkSession = {
  project: "api",
  start: T0 - 120 * MIN,
  end: T0 - 60 * MIN,
  pauses: [],
};

Deno.test("renderStatus(): running, paused and idle", () => {
  const running: WorkSession = {
    project: "web",
    start: T0,
    pauses: [{ start: T0 + 30 * MIN, end: T0 + 40 * MIN }],
  };
  const status = trackingStatus(running, [earlier], opts);
  strictEqual(
    renderStatus(status, opts),
    "web: running since 09:15, 1h 55m worked (0h 10m paused)\nToday: 2h 55m\n",
  );
  const paused = { ...running, pauses: [...running.pauses, { start: T0 + 100 * MIN }] };
  strictEqual(
    renderStatus(trackingStatus(paused, [earlier], opts), opts),
    "web: paused since 10:55, 1h 30m worked (started 09:15)\nToday: 2h 30m\n",
  );
  strictEqual(
    renderStatus(trackingStatus(undefined, [earlier], opts), opts),
    "No work session is open.\nToday: 1h 0m\n",
  );
});

Deno.test("statusJson(): seconds, Rune's durations, RFC 3339 times", () => {
  const paused: WorkSession = { project: "web", start: T0, pauses: [{ start: T0 + 65 * MIN }] };
  deepStrictEqual(statusJson(trackingStatus(paused, [], opts), opts), {
    state: "paused",
    project: "web",
    started: "2026-03-02T09:15:00Z",
    paused_since: "2026-03-02T10:20:00Z",
    elapsed_seconds: 125 * 60,
    worked_seconds: 65 * 60,
    paused_seconds: 60 * 60,
    today_seconds: 65 * 60,
    today: "1h 5m",
    elapsed: "2h 5m",
    worked: "1h 5m",
    paused: "1h 0m",
  });
  deepStrictEqual(statusJson(trackingStatus(undefined, [], opts), opts), {
    state: "idle",
    today_seconds: 0,
    today: "0h 0m",
  });
});

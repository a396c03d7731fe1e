import { deepStrictEqual, strictEqual } from "node:assert/strict";
import {
  applyEvent,
  type TrackingEvent,
  type TrackingState,
  trackingState,
  type WorkSession,
} from "../../src/tracking/mod.ts";

const ZONE = "Europe/Berlin";
/** A fixed clock: 2026-06-10 12:00 in Berlin (10:00Z). */
const NOW = Date.parse("2026-06-10T10:00:00Z");
const at = (clock: string) => Date.parse(`2026-06-10T${clock}:00+02:00`);

const idle: TrackingState = { kind: "idle" };
const running = (s: Partial<WorkSession> = {}): TrackingState =>
  trackingState({ project: "web", start: at("09:00"), pauses: [], ...s });

/** Applies events in order; the first refusal ends the run. */
function run(state: TrackingState, events: TrackingEvent[]) {
  let s = state;
  for (const e of events) {
    const r = applyEvent(s, e, { now: NOW, timeZone: ZONE });
    if (!r.ok) return { code: r.error.code, problem: r.error.problem, hint: r.error.hint };
    s = r.value;
  }
  return s;
}

Deno.test("applyEvent() follows start, pause, resume, stop", () => {
  deepStrictEqual(
    run(idle, [
      { kind: "start", project: "web", at: at("09:00") },
      { kind: "pause", at: at("10:00") },
      { kind: "resume", at: at("10:15") },
      { kind: "pause", at: at("11:00") },
      { kind: "stop", at: at("11:30") },
    ]),
    {
      kind: "idle",
      last: {
        project: "web",
        start: at("09:00"),
        end: at("11:30"),
        pauses: [{ start: at("10:00"), end: at("10:15") }, {
          start: at("11:00"),
          end: at("11:30"),
        }],
      },
    },
  );
});

Deno.test("applyEvent() refuses what the rules forbid", async (t) => {
  const paused = running({ pauses: [{ start: at("10:00") }] });
  const cases: { name: string; state: TrackingState; events: TrackingEvent[]; code: string }[] = [
    {
      name: "pause with nothing open",
      state: idle,
      events: [{ kind: "pause", at: at("10:00") }],
      code: "no-open-session",
    },
    {
      name: "resume with nothing open",
      state: idle,
      events: [{ kind: "resume", at: at("10:00") }],
      code: "no-open-session",
    },
    {
      name: "stop with nothing open",
      state: idle,
      events: [{ kind: "stop", at: at("10:00") }],
      code: "no-open-session",
    },
    {
      name: "pause when paused",
      state: paused,
      events: [{ kind: "pause", at: at("11:00") }],
      code: "already-paused",
    },
    {
      name: "pause when paused, even at an earlier time",
      state: paused,
      events: [{ kind: "pause", at: at("08:00") }],
      code: "already-paused",
    },
    {
      name: "resume when running",
      state: running(),
      events: [{ kind: "resume", at: at("10:00") }],
      code: "not-paused",
    },
    {
      name: "start when one is open",
      state: running(),
      events: [{ kind: "start", project: "api", at: at("10:00") }],
      code: "session-open",
    },
    {
      name: "start with an empty name",
      state: idle,
      events: [{ kind: "start", project: "  ", at: at("10:00") }],
      code: "project-empty",
    },
    {
      name: "an event in the future",
      state: running(),
      events: [{ kind: "pause", at: NOW + 1 }],
      code: "at-future",
    },
    {
      name: "a start in the future",
      state: idle,
      events: [{ kind: "start", project: "web", at: NOW + 60_000 }],
      code: "at-future",
    },
    {
      name: "pause before the start",
      state: running(),
      events: [{ kind: "pause", at: at("08:59") }],
      code: "at-before-previous",
    },
    {
      name: "resume before the pause",
      state: paused,
      events: [{ kind: "resume", at: at("09:59") }],
      code: "at-before-previous",
    },
    {
      name: "stop before the last resume",
      state: running({ pauses: [{ start: at("10:00"), end: at("10:30") }] }),
      events: [{ kind: "stop", at: at("10:29") }],
      code: "at-before-previous",
    },
    {
      name: "start before the previous session ended",
      state: {
        kind: "idle",
        last: { project: "api", start: at("08:00"), end: at("09:30"), pauses: [] },
      },
      events: [{ kind: "start", project: "web", at: at("09:29") }],
      code: "at-before-previous",
    },
  ];
  for (const c of cases) {
    await t.step(c.name, () => {
      const r = run(c.state, c.events);
      strictEqual("code" in r ? r.code : r.kind, c.code);
    });
  }
});

Deno.test("applyEvent() allows an event at exactly the previous one's time, and at now", async (t) => {
  const cases: { name: string; state: TrackingState; event: TrackingEvent; want: string }[] = [
    {
      name: "pause at the start",
      state: running(),
      event: { kind: "pause", at: at("09:00") },
      want: "paused",
    },
    { name: "stop at now", state: running(), event: { kind: "stop", at: NOW }, want: "idle" },
    {
      name: "start where the last one ended",
      state: {
        kind: "idle",
        last: { project: "api", start: at("08:00"), end: at("09:30"), pauses: [] },
      },
      event: { kind: "start", project: "web", at: at("09:30") },
      want: "running",
    },
    {
      name: "stop while paused closes the pause",
      state: running({ pauses: [{ start: at("10:00") }] }),
      event: { kind: "stop", at: at("10:40") },
      want: "idle",
    },
  ];
  for (const c of cases) {
    await t.step(c.name, () => {
      const r = applyEvent(c.state, c.event, { now: NOW, timeZone: ZONE });
      strictEqual(r.ok && r.value.kind, c.want);
    });
  }
  const stopped = applyEvent(running({ pauses: [{ start: at("10:00") }] }), {
    kind: "stop",
    at: at("10:40"),
  }, { now: NOW });
  deepStrictEqual(stopped.ok && stopped.value.kind === "idle" && stopped.value.last?.pauses, [{
    start: at("10:00"),
    end: at("10:40"),
  }]);
});

Deno.test("refusals say what is true now and what to do, with local times", () => {
  deepStrictEqual(run(running(), [{ kind: "start", project: "api", at: at("10:00") }]), {
    code: "session-open",
    problem: 'Cannot start "api": "web" is open since 09:00',
    hint: 'Stop "web" first with "rune stop"',
  });
  deepStrictEqual(run(running(), [{ kind: "pause", at: at("08:30") }]), {
    code: "at-before-previous",
    problem: 'Cannot pause at 08:30: "web" had its last event (start) at 09:00',
    hint: "Give a time at or after 09:00",
  });
  deepStrictEqual(run(running(), [{ kind: "stop", at: NOW + 30 * 60_000 }]), {
    code: "at-future",
    problem: "Cannot stop at 12:30: that is in the future (now 12:00)",
    hint: "Give a time up to now, e.g. --at -10m, or leave --at out",
  });
  const yesterday = running({ start: Date.parse("2026-06-09T21:50:30Z") });
  deepStrictEqual(
    run(yesterday, [{ kind: "pause", at: at("09:00") }, { kind: "pause", at: at("09:05") }]),
    {
      code: "already-paused",
      problem: 'Cannot pause: "web" is already paused since 09:00',
      hint: 'Run "rune resume" to continue, or "rune stop" to end it',
    },
  );
  deepStrictEqual(run(yesterday, [{ kind: "stop", at: Date.parse("2026-06-09T21:00:00Z") }]), {
    code: "at-before-previous",
    problem:
      'Cannot stop at 2026-06-09 23:00: "web" had its last event (start) at 2026-06-09 23:50:30',
    hint: "Give a time at or after 2026-06-09 23:50:30",
  });
});

Deno.test("applyEvent() trims the project name and never mutates its input", () => {
  const state = running({ pauses: [{ start: at("10:00") }] });
  const before = structuredClone(state);
  const r = applyEvent(state, { kind: "resume", at: at("10:10") }, { now: NOW });
  deepStrictEqual(state, before);
  strictEqual(r.ok && r.value.kind, "running");
  const s = applyEvent(idle, { kind: "start", project: " web ", at: at("10:00") }, { now: NOW });
  strictEqual(s.ok && s.value.kind === "running" && s.value.session.project, "web");
});

/** decideSwitch(): `rune start B` while A is open, for every setting, --yes and terminal. */
import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { decideSwitch, isYes, type WorkSession } from "../../src/tracking/mod.ts";

const T0 = Date.parse("2026-03-02T09:15:00Z");
const NOW = T0 + 80 * 60_000;
const WEB: WorkSession = { project: "web", start: T0, pauses: [] };

Deno.test("decideSwitch() for each setting, --yes and terminal", async (t) => {
  const cases: {
    name: string;
    open?: WorkSession;
    project?: string;
    policy?: "ask" | "stop" | "refuse";
    yes?: boolean;
    terminal?: boolean;
    want: string;
  }[] = [
    { name: "nothing open: start", want: "start" },
    { name: "the same project open: continue", project: "web", want: "continue" },
    { name: "default in a terminal: ask", open: WEB, terminal: true, want: "ask" },
    { name: "default without a terminal: refuse", open: WEB, want: "refuse" },
    { name: "default with --yes: stop first", open: WEB, yes: true, want: "stop-first" },
    {
      name: "stop: stop first, no question",
      open: WEB,
      policy: "stop",
      terminal: true,
      want: "stop-first",
    },
    { name: "refuse wins over --yes", open: WEB, policy: "refuse", yes: true, want: "refuse" },
    {
      name: "refuse in a terminal: no question",
      open: WEB,
      policy: "refuse",
      terminal: true,
      want: "refuse",
    },
  ];
  for (const c of cases) {
    await t.step(c.name, () => {
      const open = c.open ?? (c.project === "web" ? WEB : undefined);
      const got = decideSwitch(open, c.project ?? "api", {
        policy: c.policy,
        yes: c.yes === true,
        terminal: c.terminal === true,
        now: NOW,
        timeZone: "UTC",
      });
      strictEqual(got.kind, c.want);
    });
  }
});

Deno.test("the question and the refusals name the open session and the way out", () => {
  const facts = { yes: false, now: NOW, timeZone: "UTC" };
  const ask = decideSwitch(WEB, "api", { ...facts, terminal: true });
  strictEqual(
    ask.kind === "ask" && ask.question,
    '"web" is open since 09:15 (1h 20m). Stop it (its stop ritual runs) and start "api"? [y/N] ',
  );
  const script = decideSwitch(WEB, "api", { ...facts, terminal: false });
  deepStrictEqual(script.kind === "refuse" && [script.issue.problem, script.issue.hint], [
    'Cannot start "api": "web" is open since 09:15',
    'Pass --yes to stop "web" first (its stop ritual runs), run "rune stop", or set ' +
    "settings.tracking.on_switch: stop",
  ]);
  const refuse = decideSwitch(WEB, "api", { ...facts, terminal: true, policy: "refuse" });
  strictEqual(
    refuse.kind === "refuse" && refuse.issue.hint,
    'Stop it first with "rune stop" (settings.tracking.on_switch is "refuse")',
  );
});

Deno.test("isYes() takes y and yes only", () => {
  deepStrictEqual(
    ["y", "Y", " yes ", "YES", "", "n", "no", "yep", undefined].map(isYes),
    [true, true, true, true, false, false, false, false, false],
  );
});

/** rune doctor on work sessions: the store's verdicts and Rune's keys rune ignores. */
import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { ignoredKeys, trackingChecks } from "../../src/doctor/mod.ts";

const PATH = "/h/.local/share/rune/work_sessions.db";

Deno.test("the store check: healthy, empty, damaged, unchecked", async (t) => {
  const cases = [
    {
      name: "healthy",
      store: { state: "ok" as const, path: PATH, sessions: 3, schemaVersion: 2, warnings: [] },
      want: ["ok", `3 sessions in ${PATH} (schema 2, integrity ok)`],
    },
    {
      name: "a warning (file mode)",
      store: {
        state: "ok" as const,
        path: PATH,
        sessions: 1,
        schemaVersion: 2,
        warnings: [`"${PATH}" is readable by others: mode 644`],
      },
      want: [
        "warn",
        `1 session in ${PATH} (schema 2, integrity ok); "${PATH}" is readable by others: mode 644`,
      ],
    },
    {
      name: "none yet",
      store: { state: "none" as const, path: PATH },
      want: ["ok", `none recorded yet (${PATH} is made by rune start)`],
    },
    {
      name: "damaged",
      store: { state: "damaged" as const, path: PATH, problems: ["it is damaged"], fix: "recover" },
      want: ["fail", "it is damaged"],
    },
    {
      name: "unchecked",
      store: { state: "unchecked" as const },
      want: ["warn", "not checked: the store needs the read, write and env permissions"],
    },
  ];
  for (const c of cases) {
    await t.step(c.name, () => {
      const [check] = trackingChecks({ store: c.store, ignored: [] });
      deepStrictEqual([check.status, check.detail], c.want);
    });
  }
});

Deno.test("Rune's keys rune ignores are named once, in one check", () => {
  const keys = ignoredKeys({
    settings: { work_hours: 8, break_interval: "25m", timeout: "30s", notifications: null },
    integrations: { slack: {}, telemetry: {} },
  });
  deepStrictEqual(keys, [
    "settings.work_hours",
    "settings.break_interval",
    "integrations.slack",
    "integrations.telemetry",
  ]);
  const checks = trackingChecks({ store: { state: "none", path: PATH }, ignored: keys });
  strictEqual(checks.length, 2);
  strictEqual(checks[1].status, "warn");
  strictEqual(
    checks[1].detail,
    "settings.work_hours, settings.break_interval: read and checked; rune has no timers, " +
      "reminders or notifications, so they change nothing; integrations.slack, " +
      "integrations.telemetry: off; rune has no network permission (no Slack, calendar, Git " +
      "hosting or telemetry)",
  );
  strictEqual(trackingChecks({ store: { state: "none", path: PATH }, ignored: [] }).length, 1);
  deepStrictEqual(ignoredKeys({ settings: null }), []);
});

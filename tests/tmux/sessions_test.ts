import { deepStrictEqual } from "node:assert/strict";
import { parseSessionList, resolveSession, stopSessionsArgv } from "../../src/tmux/sessions.ts";
import type { SessionMatch } from "../../src/tmux/sessions.ts";
import { unsetCloseHook } from "../../src/tmux/close_hook.ts";

Deno.test("parseSessionList() keeps only sessions carrying rune's mark", () => {
  // Captured from `tmux list-sessions -F LIST_FORMAT` with one foreign session.
  const captured =
    "dev-web\tweb\t4\t1\t1795742544\nmine\t\t1\t0\t1795742500\nsp ace\tapi\t2\t0\t1795742600\n";
  deepStrictEqual(parseSessionList(captured), [
    { name: "dev-web", project: "web", windows: 4, attached: 1, created: 1795742544 },
    { name: "sp ace", project: "api", windows: 2, attached: 0, created: 1795742600 },
  ]);
});

Deno.test("stopSessionsArgv() removes each close hook before it kills, in one call", () => {
  deepStrictEqual(stopSessionsArgv(["-L", "w"], ["dev-web", "x;"], true), [
    "tmux",
    "-L",
    "w",
    ...unsetCloseHook("dev-web"),
    ";",
    "kill-session",
    "-t",
    "=dev-web",
    ";",
    ...unsetCloseHook("x;"),
    ";",
    "kill-session",
    "-t",
    "=x\\;",
  ]);
  deepStrictEqual(stopSessionsArgv([], ["dev-web"], false), [
    "tmux",
    ...unsetCloseHook("dev-web"),
  ]);
});

Deno.test("resolveSession() takes a name, a project's name or a unique beginning", async (t) => {
  const s = (name: string, project: string) => ({
    name,
    project,
    windows: 1,
    attached: 0,
    created: 0,
  });
  const sessions = [
    s("dev-web", "webshop"),
    s("dev-api", "api"),
    s("api", "tools"),
    s("x", "two"),
    s("y", "two"),
  ];
  const cases: [string, SessionMatch][] = [
    ["dev-web", { kind: "found", session: sessions[0] }],
    ["webshop", { kind: "found", session: sessions[0] }],
    ["api", { kind: "found", session: sessions[2] }],
    ["dev-w", { kind: "found", session: sessions[0] }],
    ["dev", { kind: "ambiguous", names: ["dev-web", "dev-api"] }],
    ["two", { kind: "ambiguous", names: ["x", "y"] }],
    ["dev-wbe", { kind: "none", suggestion: "dev-web" }],
    ["webshp", { kind: "none", suggestion: "dev-web" }],
    ["zzz", { kind: "none", suggestion: undefined }],
    ["", { kind: "none" }],
  ];
  for (const [given, want] of cases) {
    await t.step(
      JSON.stringify(given),
      () => deepStrictEqual(resolveSession(given, sessions), want),
    );
  }
});

/** decideHook(): the variables the shell gets and when enter/leave run. */
import { deepStrictEqual } from "node:assert/strict";
import { decideHook } from "../../src/cli/hook_decide.ts";

const web = { name: "web", dir: "/code/web" };
const api = { name: "api", dir: "/code/api" };

Deno.test("decideHook() exports the project here and the open session, unsets the rest", () => {
  const session = {
    project: "web",
    start: 1_000_000,
    pauses: [{ start: 1_060_000, end: 1_180_000 }, { start: 1_300_500 }],
  };
  deepStrictEqual(decideHook({ here: web, session, enterLeave: false }), {
    env: [
      ["RUNE_PROJECT", "web"],
      ["RUNE_PROJECT_DIR", "/code/web"],
      ["RUNE_SESSION_PROJECT", "web"],
      ["RUNE_SESSION_START", "1000"],
      ["RUNE_SESSION_PAUSED", "1300"],
      ["RUNE_SESSION_PAUSED_SECONDS", "120"],
    ],
  });
  deepStrictEqual(decideHook({ enterLeave: false }).env.map(([, v]) => v), [
    undefined,
    undefined,
    undefined,
    undefined,
    undefined,
    undefined,
  ]);
});

Deno.test("decideHook() leaves and enters only on a change of project, when enabled", () => {
  const cases: [string, Parameters<typeof decideHook>[0], unknown, unknown][] = [
    ["into a project", { here: web, enterLeave: true }, undefined, web],
    ["out of one", { previous: web, enterLeave: true }, web, undefined],
    ["from one to another", { previous: web, here: api, enterLeave: true }, web, api],
    ["within one", { previous: web, here: web, enterLeave: true }, undefined, undefined],
    [
      "same name, another checkout",
      {
        previous: web,
        here: { name: "web", dir: "/tmp/web2" },
        enterLeave: true,
      },
      web,
      { name: "web", dir: "/tmp/web2" },
    ],
    ["not enabled", { previous: web, here: api, enterLeave: false }, undefined, undefined],
  ];
  for (const [name, facts, leave, enter] of cases) {
    const d = decideHook(facts);
    deepStrictEqual([name, d.leave, d.enter], [name, leave, enter]);
  }
});

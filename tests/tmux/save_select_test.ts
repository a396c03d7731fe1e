/** Which sessions `rune session save NAME…|--all [--any]` means. */
import { deepStrictEqual } from "node:assert/strict";
import { selectSessions } from "../../src/tmux/save_select.ts";
import type { LiveSession } from "../../src/tmux/snapshot_read.ts";

const live = (id: string, name: string, project: string, autosave = false): LiveSession => ({
  id,
  name,
  project,
  autosave,
  rows: [],
});
const SERVER = [
  live("$0", "dev-web", "web", true),
  live("$1", "dev-api", "api"),
  live("$2", "mine", ""),
];

Deno.test("selectSessions() picks rune's sessions, and others only with --any", async (t) => {
  const cases: {
    name: string;
    names: string[];
    all?: boolean;
    any?: boolean;
    want: string[] | string;
  }[] = [
    { name: "--all: rune's only", names: [], all: true, want: ["dev-web", "dev-api"] },
    {
      name: "--all --any: every session",
      names: [],
      all: true,
      any: true,
      want: ["dev-web", "dev-api", "mine"],
    },
    {
      name: "a name, a project, a beginning",
      names: ["dev-web", "api"],
      want: ["dev-web", "dev-api"],
    },
    { name: "an id (the autosave timer)", names: ["$1"], want: ["dev-api"] },
    { name: "the same one twice is saved once", names: ["web", "dev-web"], want: ["dev-web"] },
    { name: "someone else's session needs --any", names: ["mine"], want: "unknown-session" },
    { name: "with --any", names: ["mine"], any: true, want: ["mine"] },
    { name: "an ambiguous beginning", names: ["dev"], want: "unknown-session" },
    { name: "nothing named", names: [], want: "usage" },
  ];
  for (const c of cases) {
    await t.step(c.name, () => {
      const r = selectSessions(SERVER, {
        names: c.names,
        all: c.all ?? false,
        any: c.any ?? false,
      });
      deepStrictEqual(r.ok ? r.value.map((l) => l.name) : r.error.code, c.want);
    });
  }
});

Deno.test("selectSessions() with nothing to save says what would help", () => {
  const r = selectSessions([live("$2", "mine", "")], { names: [], all: true, any: false });
  deepStrictEqual(r.ok ? [] : [r.error.code, r.error.hint], [
    "nothing-to-save",
    "Add --any to save sessions rune did not make",
  ]);
});

Deno.test("selectSessions() for autosave: only marked sessions, and none is no error", () => {
  const pick = (names: string[], all: boolean) => {
    const r = selectSessions(SERVER, { names, all, any: false, autosave: true });
    return r.ok ? r.value.map((l) => l.name) : r.error.code;
  };
  deepStrictEqual([pick([], true), pick(["$0"], false), pick(["$1"], false)], [["dev-web"], [
    "dev-web",
  ], []]);
});

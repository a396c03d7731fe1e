/** A saved session's file: written by hand, read by npm:yaml, the same session both ways. */
import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { parse } from "yaml";
import { formatSaved, savedBody, yamlString } from "../../src/state/saved_format.ts";
import { parseSaved } from "../../src/state/saved_parse.ts";
import type { SavedSession } from "../../src/contract/mod.ts";
import { HASH_SEQUENCES } from "../helpers/hostile.ts";
import { HOSTILE } from "../templates/hostile_values.ts";
import * as YAML from "yaml";

const STRANGE = [
  ...HOSTILE,
  ...HASH_SEQUENCES.map(([raw]) => raw),
  "\x7f del",
  "\u0085 nel \u009b csi",
  "\u2028 ls \u2029 ps",
  "bidi \u202e evil \u2066",
  "\ufeff bom \ufffe \uffff",
  "lone \ud800 surrogate",
  "😀 中 é",
  "null",
  "~",
  "- a",
  "key: value",
  "# not a comment",
  "&anchor *alias !tag",
];

Deno.test("yamlString() reads back as exactly the value, whatever it holds", () => {
  for (const value of STRANGE) {
    const back = parse(`v: ${yamlString(value)}\n`).v;
    // A lone surrogate is not a Unicode scalar: JSON writes it as \ud800, YAML reads it back.
    strictEqual(back, value, JSON.stringify(value));
  }
});

const SESSION: SavedSession = {
  name: "dev-web",
  project: "web",
  dir: "/home/u/my web",
  size: { columns: 200, rows: 50 },
  env: { RUNE_PROJECT: "web", RUNE_PROJECT_DIR: "/home/u/my web" },
  options: { "status-left": '[#{session_name}] "q"', "@user": "a\nb" },
  windows: [
    {
      name: "ctl\x1fname\nx #(touch p)",
      layout: "8b5f,160x48,0,0{80x48,0,0,0,79x48,81,0,1}",
      active: true,
      zoomed: true,
      options: { "automatic-rename": "off" },
      panes: [
        {
          dir: "/tmp/tab\there",
          title: 'title: "q" $HOME',
          active: false,
          running: ["vim", "a b.txt"],
        },
        { dir: "/tmp/é 中", title: "vm", active: true, running: "sleep 300" },
      ],
    },
    {
      name: "",
      layout: "cbff,160x48,0,0,2",
      active: false,
      zoomed: false,
      options: {},
      panes: [{ dir: "/", title: "", active: true }],
    },
  ],
};

Deno.test("formatSaved() and parseSaved() give back the same session", () => {
  const text = formatSaved(SESSION, "2026-11-27T12:00:00.000Z");
  const back = parseSaved(text, "dev-web.yaml", YAML);
  deepStrictEqual(back, {
    ok: true,
    value: { session: SESSION, savedAt: "2026-11-27T12:00:00.000Z" },
  });
  // Every hostile string as a window name, directory and title, in one file.
  const hostile: SavedSession = {
    ...SESSION,
    windows: STRANGE.map((s) => ({
      name: s,
      layout: "x",
      active: false,
      zoomed: false,
      options: { [s || "k"]: s },
      panes: [{ dir: s, title: s, active: false, running: [s, s] }],
    })),
  };
  const text2 = formatSaved(hostile, "t");
  const again = parseSaved(text2, "f", YAML);
  deepStrictEqual(again.ok && again.value.session, hostile);
  // Nothing in the file moves a cursor, hides text or breaks a line on screen: all escaped.
  strictEqual(
    // deno-lint-ignore no-control-regex
    /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/.test(text2),
    false,
  );
});

Deno.test("savedBody() is the same for two saves of one state at different times", () => {
  const a = formatSaved(SESSION, "2026-11-27T12:00:00.000Z");
  const b = formatSaved(SESSION, "2026-11-27T12:15:00.000Z");
  strictEqual(a === b, false);
  strictEqual(savedBody(a), savedBody(b));
  strictEqual(savedBody(a) === savedBody(formatSaved({ ...SESSION, dir: "/x" }, "t")), false);
});

Deno.test("parseSaved() names every problem of an edited file", async (t) => {
  const good = formatSaved(SESSION, "t");
  const cases: { name: string; text: string; want: string[] }[] = [
    { name: "YAML syntax", text: "windows: [\n", want: ["saved-syntax"] },
    { name: "not a saved session", text: "session_name: x\n", want: ["saved-invalid"] },
    {
      name: "a newer format",
      text: good.replace("rune_saved_session: 1", "rune_saved_session: 9"),
      want: ["saved-invalid"],
    },
    {
      name: "several bad keys at once",
      text: good.replace('size: "200x50"', "size: big").replace('title: "vm"', "title: [1]"),
      want: ["saved-invalid", "saved-invalid"],
    },
  ];
  for (const c of cases) {
    await t.step(c.name, () => {
      const r = parseSaved(c.text, "f.yaml", YAML);
      deepStrictEqual(r.ok ? [] : r.error.map((i) => i.code), c.want);
    });
  }
  const r = parseSaved(good.replace('size: "200x50"', "size: big"), "f.yaml", YAML);
  strictEqual(
    !r.ok && r.error[0].problem,
    'Cannot read the saved session "f.yaml": size must look like "200x50"',
  );
});

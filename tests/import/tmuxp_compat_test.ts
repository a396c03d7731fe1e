/**
 * Every tmuxp file in ../shared/compat/tmuxp imports as compat/README.md says, and builds pane
 * by pane what tmuxp 1.27's own expand()+trickle() (expected/*.expanded.json) says it builds:
 * names, dirs, typed lines, programs, environments, layouts and focus. Skipped, visibly, where
 * the corpus is absent.
 */
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { importTmuxp } from "../../src/import/mod.ts";
import type { ImportResult } from "../../src/import/mod.ts";
import type { Issue } from "../../src/base/mod.ts";
import { sharedDir } from "../helpers/shared.ts";
import { comparable, flattenTemplate, flattenTmuxpExpanded } from "./oracle.ts";

const shared = sharedDir();
const DIR = shared && `${shared}/compat/tmuxp`;
const ignore = !DIR;
// The oracle's world: tmuxp ran with these, the workspace file in /home/holdout/proj/.tmuxp.
const HOME = "/home/holdout";
const facts = { home: HOME, cwd: `${HOME}/proj`, fileDir: `${HOME}/proj/.tmuxp` };
const FILES = [
  "blank-panes.json",
  "focus-window-and-panes.yaml",
  "options.yaml",
  "pane-shell.yaml",
  "session-environment.json",
  "start-directory.yaml",
];

function imported(name: string): ImportResult {
  const r = importTmuxp(Deno.readTextFileSync(`${DIR}/${name}`), name, facts);
  if (!r.ok) throw new Error(r.error.map((i) => i.problem).join("\n"));
  return r.value;
}

const placed = (issues: Issue[]) => issues.map((i) => [i.code, i.where?.line, i.where?.column]);
const names = (r: ImportResult) => r.template.windows.map((w) => w.name);
const paneCounts = (r: ImportResult) => r.template.windows.map((w) => w.panes.length);
const flat = (r: ImportResult) =>
  flattenTemplate(r.template, { home: HOME, projectDir: facts.cwd });

for (const file of FILES) {
  Deno.test({
    name: `tmuxp ${file} builds, pane by pane, what tmuxp 1.27's expand()+trickle() builds`,
    ignore,
    fn() {
      const stem = file.replace(/\.(json|yaml)$/, "");
      const oracle = JSON.parse(
        Deno.readTextFileSync(`${DIR}/expected/${stem}.tmuxp-1.27.0.expanded.json`),
      ).expanded_and_trickled;
      const all = { dirs: true, env: true, shells: true };
      const ours = comparable(flat(imported(file)), all);
      const theirs = comparable(
        flattenTmuxpExpanded(oracle, { home: HOME, projectDir: facts.cwd }),
        all,
      );
      deepStrictEqual(ours, theirs);
    },
  });
}

Deno.test({
  name:
    "tmuxp start-directory.yaml: 5 windows, 2 panes each, dirs, lines never joined, ./ reported",
  ignore,
  fn() {
    const r = imported("start-directory.yaml");
    strictEqual(r.template.session_name, "start directory");
    deepStrictEqual(names(r), [
      "should be /var/",
      "should be /var/log",
      "should be ~",
      "should be /bin",
      "should be workspace file's dir",
    ]);
    deepStrictEqual(paneCounts(r), [2, 2, 2, 2, 2]);
    deepStrictEqual(flat(r).windows.map((w) => w.panes[0].dir), [
      "/var",
      "/var/log",
      HOME,
      "/bin",
      "/var",
    ]);
    deepStrictEqual(flat(r).windows[0].panes[0].lines, [
      'echo "\\033c',
      'it trickles down from session-level"',
    ]);
    deepStrictEqual(placed(r.warnings), [["dot-directory", 37, 22]]);
    ok(r.warnings[0].problem.includes('"/var"'), "the report says which reading it took");
  },
});

Deno.test({
  name: "tmuxp focus-window-and-panes.yaml: pre in every pane, `pane` is blank, focus kept",
  ignore,
  fn() {
    const r = imported("focus-window-and-panes.yaml");
    deepStrictEqual(names(r), ["attached window", "second window"]);
    deepStrictEqual(paneCounts(r), [2, 3]);
    const second = flat(r).windows[1];
    deepStrictEqual(second.panes.map((p) => p.lines), [
      ["cd /var/log"],
      ["cd /var/log", "echo 'this pane should be focused, when window switched to first time'"],
      ["cd /var/log"],
    ]);
    strictEqual(flat(r).activeWindow, 0);
    strictEqual(flat(r).windows[0].activePane, 0);
    strictEqual(second.activePane, 1);
    deepStrictEqual(r.warnings, []);
  },
});

Deno.test({
  name:
    "tmuxp options.yaml: unnamed window reported, global_options kept to the session, $VAR said",
  ignore,
  fn() {
    const r = imported("options.yaml");
    strictEqual(r.template.windows.length, 1);
    const [w] = r.template.windows;
    strictEqual(w.name, undefined);
    strictEqual(w.layout, "main-horizontal");
    deepStrictEqual(w.panes, ["man echo", 'echo "hey"', 'echo "moo"']);
    strictEqual(flat(r).windows[0].panes[0].dir, HOME);
    deepStrictEqual(w.window_options, { "automatic-rename": "on" });
    deepStrictEqual(r.template.options, {
      "default-shell": "/bin/sh",
      "default-command": "/bin/sh",
      "main-pane-height": "{{.Env.MAIN_PANE_HEIGHT}}",
    });
    deepStrictEqual(placed(r.warnings), [
      ["unnamed-window", 15, 5],
      ["shell-variable", 13, 21],
      ["global-option", 10, 3],
      ["global-option", 11, 3],
    ]);
  },
});

Deno.test({
  name: "tmuxp pane-shell.yaml: each pane's program runs as its process, its lines typed into it",
  ignore,
  fn() {
    const r = imported("pane-shell.yaml");
    deepStrictEqual(names(r), ["first"]);
    const [w] = r.template.windows;
    strictEqual(w.layout, "even-vertical");
    deepStrictEqual(flat(r).windows[0].panes.map((p) => p.shell), [
      "/usr/bin/python3",
      "/usr/bin/vim -u none",
      "/usr/bin/python2",
      "/usr/bin/top",
    ]);
    deepStrictEqual(w.window_options, { "remain-on-exit": "on" });
    deepStrictEqual(w.panes[3], { shell: "/usr/bin/top" });
    // suppress_history: false is what rune does anyway: nothing to report.
    deepStrictEqual(r.warnings, []);
  },
});

Deno.test({
  name:
    "tmuxp session-environment.json: env at three levels, ${SERVER_PORT} left to the pane's shell",
  ignore,
  fn() {
    const r = imported("session-environment.json");
    const panes = flat(r).windows.flatMap((w) => w.panes);
    deepStrictEqual(panes.map((p) => p.env?.SERVER_PORT), ["8009", "8010", "8011"]);
    deepStrictEqual(panes.map((p) => p.env?.DJANGO_SETTINGS_MODULE), [
      "my_app.settings.local",
      "my_app.settings.local",
      "my_app.settings.local-testing",
    ]);
    ok(panes.every((p) => p.env?.EDITOR === "/usr/bin/vim"));
    ok(panes.every((p) => p.lines[0] === "./manage.py runserver 0.0.0.0:${SERVER_PORT}"));
    deepStrictEqual(r.warnings, []);
  },
});

Deno.test({
  name: 'tmuxp blank-panes.json: every blank spelling is a plain shell, "" is an Enter',
  ignore,
  fn() {
    const r = imported("blank-panes.json");
    deepStrictEqual(paneCounts(r), [3, 3, 3, 2]);
    deepStrictEqual(r.template.windows[0].panes, [null, null, null]);
    deepStrictEqual(r.template.windows[1].panes, [null, null, null]);
    deepStrictEqual(flat(r).windows[2].panes.map((p) => p.lines), [[""], [""], [""]]);
    ok(!JSON.stringify(r.template).match(/"(pane|blank)"/));
    strictEqual(flat(r).windows[3].activePane, 0);
    strictEqual(flat(r).windows[3].panes[1].dir, "/tmp");
    deepStrictEqual(r.warnings, []);
  },
});

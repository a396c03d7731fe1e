/**
 * Every tmuxinator file in ../shared/compat/tmuxinator imports as compat/README.md says, and
 * builds the windows, panes, dirs, typed lines, layouts and focus that tmuxinator's own `debug`
 * script (expected/) builds. Skipped, visibly, where the corpus is absent.
 */
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { importTmuxinator } from "../../src/import/mod.ts";
import type { ImportResult, RunePaneObject } from "../../src/import/mod.ts";
import type { Issue } from "../../src/base/mod.ts";
import { sharedDir } from "../helpers/shared.ts";
import { comparable, flattenTemplate, parseTmuxinatorDebug } from "./oracle.ts";

const shared = sharedDir();
const DIR = shared && `${shared}/compat/tmuxinator`;
const ignore = !DIR;
const HOME = "/home/holdout";
const read = (name: string) => Deno.readTextFileSync(`${DIR}/${name}`);
const facts = { home: HOME, cwd: HOME, fileDir: `${DIR}` };

function imported(name: string, text = read(name)): ImportResult {
  const r = importTmuxinator(text, name, facts);
  if (!r.ok) throw new Error(r.error.map((i) => i.problem).join("\n"));
  return r.value;
}

function failed(name: string, text = read(name)): Issue[] {
  const r = importTmuxinator(text, name, facts);
  if (r.ok) throw new Error(`${name} imported, but should not`);
  return r.error;
}

/** [code, line, column] of each issue: what and where, not the wording. */
const placed = (issues: Issue[]) => issues.map((i) => [i.code, i.where?.line, i.where?.column]);

/** tmuxinator 3.0.5 types a dangling "… && " for a null `pre` item; rune drops the null. */
function withoutDanglingAnd<T>(session: T): T {
  return JSON.parse(JSON.stringify(session).replaceAll(' && "', '"'));
}

function sameAsOracle(
  result: ImportResult,
  oracle: string,
  opts: { dirs?: boolean; titles?: boolean },
) {
  const ours = comparable(flattenTemplate(result.template, { home: HOME, projectDir: HOME }), opts);
  const theirs = comparable(parseTmuxinatorDebug(read(`expected/${oracle}`)), opts);
  deepStrictEqual(ours, withoutDanglingAnd(theirs));
}

const names = (r: ImportResult) => r.template.windows.map((w) => w.name);
const paneCounts = (r: ImportResult) => r.template.windows.map((w) => w.panes.length);

Deno.test({
  name: "tmuxinator sample.yml: 9 windows in order, 14 panes, pre_window first, 3 options reported",
  ignore,
  fn() {
    const r = imported("sample.yml");
    deepStrictEqual(names(r), [
      "editor",
      "shell",
      "guard",
      "database",
      "server",
      "logs",
      "console",
      "capistrano",
      "server",
    ]);
    deepStrictEqual(paneCounts(r), [4, 1, 3, 1, 1, 1, 1, 1, 1]);
    strictEqual(r.template.dir, "~/test");
    strictEqual(r.template.windows[0].layout, "main-vertical");
    strictEqual(r.template.windows[2].layout, "tiled");
    deepStrictEqual(
      r.template.windows[0].panes[3],
      {
        title: "pane_with_multiple_commands",
        command: ["ssh server", 'echo "Hello"'],
      } satisfies RunePaneObject,
    );
    deepStrictEqual(r.template.windows[1].panes, [{ command: ["git pull", "git merge"] }]);
    deepStrictEqual(r.template.windows[7].panes, [null]);
    const flat = flattenTemplate(r.template, { home: HOME, projectDir: HOME });
    for (const w of flat.windows) {
      for (const p of w.panes) strictEqual(p.lines[0], "rbenv shell 2.0.0-p247");
    }
    strictEqual(
      flat.windows[0].panes[1].lines[1],
      'echo "I get run in each pane, before each pane command!"',
    );
    deepStrictEqual(flat.windows[2].panes[0].lines.slice(1), [
      'echo "I get run in each pane." && echo "Before each pane command!"',
    ]);
    deepStrictEqual(placed(r.warnings), [
      ["no-equivalent", 12, 1], // socket_name: foo
      ["no-equivalent", 14, 1], // tmux_options: -f ~/.tmux.mac.conf
      ["unknown-key", 15, 1], // tmux_detached: false
    ]);
    ok(r.warnings[0].problem.includes('socket_name "foo"'));
    ok(r.warnings[1].problem.includes('tmux_options "-f ~/.tmux.mac.conf"'));
    ok(r.warnings[2].problem.includes("tmux_detached"));
    deepStrictEqual(r.start, [{
      name: "tmux session",
      interactive: true,
      tmux_template: "sample",
    }]);
  },
});

Deno.test({
  name: "tmuxinator sample.yml builds what tmuxinator 3.0.5's debug script builds",
  ignore,
  fn: () =>
    sameAsOracle(imported("sample.yml"), "sample.tmuxinator-3.0.5.debug.sh", { dirs: true }),
});

Deno.test({
  name:
    "tmuxinator assets-sample.yml: ERB in a value is refused at 9:7, the comment on line 7 is not",
  ignore,
  fn() {
    const issues = failed("assets-sample.yml");
    deepStrictEqual(placed(issues), [["erb", 9, 7]]);
    ok(issues[0].problem.includes("<%= name %>"));
    ok(issues[0].hint?.includes("{{.Var.name}}"));
  },
});

Deno.test({
  name: "tmuxinator assets-sample.yml: with the name given, windows editor (2 panes), server, logs",
  ignore,
  fn() {
    const r = imported(
      "assets-sample.yml",
      read("assets-sample.yml").replace("<%= name %>", "sample"),
    );
    deepStrictEqual(names(r), ["editor", "server", "logs"]);
    const editor = r.template.windows[0];
    strictEqual(editor.layout, "main-vertical");
    deepStrictEqual(editor.panes, [{ title: "editor", command: "vim" }, "guard"]);
    strictEqual(r.template.session_name, "sample");
    deepStrictEqual(r.warnings, []);
  },
});

Deno.test({
  name:
    "tmuxinator assets-sample.yml: <%= ENV[...] %> as the name becomes {{.Env.X}}, located at 9:7",
  ignore,
  fn() {
    const text = read("assets-sample.yml").replace("<%= name %>", '<%= ENV["PROJECT"] %>');
    const r = imported("assets-sample.yml", text);
    strictEqual(r.template.session_name, "{{.Env.PROJECT}}");
    strictEqual(r.name, "assets-sample"); // a template's own name cannot come from a variable
    deepStrictEqual(placed(r.warnings), [["erb-variable", 9, 7]]);
    ok(!JSON.stringify([r.template, r.start]).includes("<%"));
  },
});

Deno.test({
  name: "tmuxinator assets-sample-uncommented.yml: hooks, attach: false, startup pane, synchronize",
  ignore,
  fn() {
    const r = imported("derived/assets-sample-uncommented.yml");
    deepStrictEqual(names(r), ["editor", "server", "logs"]);
    const editor = r.template.windows[0];
    strictEqual(editor.layout, "main-vertical");
    strictEqual(editor.synchronize, "after");
    deepStrictEqual(editor.panes, [{ title: "editor", command: "vim" }, {
      command: "guard",
      focus: true,
    }]);
    strictEqual(r.template.attach, false);
    strictEqual(r.template.windows.some((w) => w.focus), false); // editor, the first, is selected
    const log = (hook: string) => `echo ${hook} >> /tmp/rune-holdout-tmuxinator-hooks.log`;
    deepStrictEqual(r.template.on_first_start, [log("on_project_first_start")]);
    deepStrictEqual(r.template.on_reuse, [log("on_project_restart")]);
    const step = (hook: string) => ({
      name: hook,
      command: log(hook),
      optional: true,
      working_dir: "~",
    });
    deepStrictEqual(r.start, [
      step("on_project_start"),
      { name: "tmux session", interactive: true, tmux_template: "sample" },
      step("on_project_exit"),
    ]);
    deepStrictEqual(r.stop, [step("on_project_stop")]);
    deepStrictEqual(placed(r.warnings), [
      ["no-equivalent", 18, 1], // socket_name
      ["no-equivalent", 44, 1], // tmux_options
      ["focus-overridden", 53, 15], // startup_pane: 1 wins over focused_pane: editor
    ]);
  },
});

Deno.test({
  name: "tmuxinator assets-sample-uncommented.yml builds what tmuxinator 3.0.5 builds",
  ignore,
  fn: () =>
    sameAsOracle(
      imported("derived/assets-sample-uncommented.yml"),
      "assets-sample-uncommented.tmuxinator-3.0.5.debug.sh",
      { dirs: true },
    ),
});

Deno.test({
  name: "tmuxinator sample_alias.yml: the <<: merge key applies, the defaults: helper is silent",
  ignore,
  fn() {
    const r = imported("sample_alias.yml");
    deepStrictEqual(names(r), ["editor", "guard"]);
    deepStrictEqual(paneCounts(r), [4, 1]);
    strictEqual(r.template.windows[0].layout, "main-vertical");
    deepStrictEqual(r.template.windows[1].panes, [null]);
    const flat = flattenTemplate(r.template, { home: HOME, projectDir: HOME });
    for (const p of flat.windows[0].panes) strictEqual(p.lines[0], 'echo "alias_is_working"');
    deepStrictEqual(r.warnings, []);
    sameAsOracle(r, "sample_alias.tmuxinator-3.0.5.debug.sh", { dirs: true });
  },
});

Deno.test({
  name:
    "tmuxinator interface-basic.yml: window roots, `commands` is a pane title, pre_window first",
  ignore,
  fn() {
    const r = imported("interface-basic.yml");
    const [editor, shell] = r.template.windows;
    strictEqual(editor.dir, "/workspace/basic/app");
    deepStrictEqual(editor.panes, ["bundle exec vim", "bundle exec rake test"]);
    strictEqual(shell.dir, undefined); // `root: .` is the project root
    strictEqual(r.template.dir, "/workspace/basic");
    deepStrictEqual(shell.panes, [{
      title: "commands",
      command: ["bin/setup", "bundle exec rake test"],
    }]);
    strictEqual(r.template.pre_window, "bundle exec ruby -v");
    deepStrictEqual(placed(r.warnings), [["no-equivalent", 9, 1]]);
    ok(r.warnings[0].hint?.includes("settings.tmux.socket: interface"));
    sameAsOracle(r, "interface-basic.tmux-2.6.debug.sh", { dirs: true, titles: true });
  },
});

Deno.test({
  name: "tmuxinator interface-session_name.yml: no . or : in the session name",
  ignore,
  fn() {
    const r = imported("interface-session_name.yml");
    strictEqual(r.template.session_name, "home_arpa_lab");
    strictEqual(r.name, "home-arpa-lab");
    deepStrictEqual(r.template.windows, [{ name: "main", panes: ["echo ok"] }]);
    sameAsOracle(r, "interface-session_name.tmux-2.6.debug.sh", {});
  },
});

Deno.test({
  name: "tmuxinator readme-erb-settings.yml: refused (no windows), the ERB located at 10:9",
  ignore,
  fn() {
    const issues = failed("readme-erb-settings.yml");
    deepStrictEqual(placed(issues), [["erb-variable", 10, 9], ["import-no-windows", 9, 1]]);
    strictEqual(issues[1].severity, "error");
    ok(issues[0].problem.includes("{{.Var.workspace}}"));
  },
});

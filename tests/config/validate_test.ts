/**
 * validateConfigText(): every check, each pinned to its exact place, code and message. The
 * YAML is written with its line numbers in mind: line 1 is the first line after the backtick.
 */
import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { validateConfigText } from "../../src/config/validate.ts";
import type { ValidateOptions } from "../../src/config/validate.ts";
import type { Issue } from "../../src/base/result.ts";

const FILE = "/home/u/.config/rune/config.yaml";

type Row = [severity: string, code: string, at: string, problem: string];

function rows(issues: Issue[]): Row[] {
  return issues.map((i) => [
    i.severity,
    i.code,
    i.where ? `${i.where.line}:${i.where.column}` : "-",
    i.problem,
  ]);
}

function check(text: string, options: ValidateOptions = {}): Row[] {
  return rows(validateConfigText(text, FILE, { checkTemplates: () => [], ...options }).issues);
}

function hints(text: string): (string | undefined)[] {
  return validateConfigText(text, FILE, { checkTemplates: () => [] }).issues.map((i) => i.hint);
}

Deno.test("YAML syntax errors are located and stop the checks", () => {
  deepStrictEqual(check("rituals:\n\tstart: {}\n"), [
    ["error", "yaml-syntax", "2:1", "Cannot read the YAML: Tabs are not allowed as indentation"],
  ]);
  deepStrictEqual(hints("rituals:\n\tstart: {}\n"), ["Indent with spaces, not tabs"]);
  deepStrictEqual(check("a: 1\nb: *nowhere\n"), [
    [
      "error",
      "yaml-syntax",
      "2:4",
      'Cannot read the YAML: the alias "*nowhere" names no anchor defined before it',
    ],
  ]);
});

Deno.test("a duplicate key names both places", () => {
  const text = `rituals:
  start:
    global:
      - name: a
        command: x
        name: b
`;
  deepStrictEqual(check(text), [
    [
      "error",
      "duplicate-key",
      "6:9",
      'Cannot use the key "name" twice in one map: it is already set at line 4, column 9',
    ],
  ]);
});

Deno.test("wrong types get rune's words, not zod's", () => {
  const text = `rituals:
  start:
    global:
      - name: a
        command: x
        optional: "yes"
  stop:
    global: echo hi
settings:
  work_hours: 30
`;
  deepStrictEqual(check(text), [
    [
      "error",
      "wrong-type",
      "6:19",
      'Cannot use rituals.start.global[0].optional: expected true or false, got the string "yes"',
    ],
    [
      "error",
      "wrong-type",
      "8:13",
      'Cannot use rituals.stop.global: expected a list of commands, got the string "echo hi"',
    ],
    [
      "error",
      "out-of-range",
      "10:15",
      "Cannot use settings.work_hours: expected a number above 0 and at most 24, got the number 30",
    ],
  ]);
  deepStrictEqual(hints(text), [
    "Write optional: true or optional: false (YAML 1.2 reads yes as a string)",
    'Write global as a list: one "- item" per line under it',
    "Set work_hours to a number above 0 and at most 24",
  ]);
});

Deno.test("a wrong value inside a pane object is reported at that key", () => {
  const text = `rituals:
  templates:
    t:
      session_name: s
      windows:
        - panes:
            - command: vim
              focus: 1
            - 42
`;
  deepStrictEqual(check(text), [
    [
      "error",
      "wrong-type",
      "8:22",
      "Cannot use rituals.templates.t.windows[0].panes[0].focus: expected true or false, " +
      "got the number 1",
    ],
    [
      "error",
      "wrong-type",
      "9:15",
      "Cannot use rituals.templates.t.windows[0].panes[1]: expected a pane: a command, ~ for an " +
      "empty shell, or a map with command, got the number 42",
    ],
  ]);
});

Deno.test("version 2, a project without a name, an empty name", () => {
  const text = `version: 2
projects:
  - detect: [package.json]
  - name: ""
`;
  deepStrictEqual(check(text), [
    ["error", "bad-version", "1:10", "Cannot read config version 2: rune reads version 1"],
    ["error", "missing-key", "3:5", 'Cannot use projects[0]: it has no "name"'],
    ["error", "empty-name", "4:11", "Cannot use projects[1]: its name is empty"],
  ]);
  deepStrictEqual(hints(text)[0], "Set version: 1 (or remove the key)");
});

Deno.test("a misspelt key is an error with did-you-mean; other unknown keys warn", () => {
  const text = `settings:
  timezone: UTC
rituals:
  start:
    per_projct:
      web: []
    global:
      - name: a
        command: x
        interactve: true
        when: weekdays
      - name: b
        command: y
        tmux_templte: dev
`;
  deepStrictEqual(check(text), [
    [
      "warning",
      "unknown-key",
      "2:3",
      'Ignoring the key "timezone" in settings: rune does not use it',
    ],
    [
      "error",
      "misspelt-key",
      "5:5",
      'Cannot use the key "per_projct" in rituals.start: rune knows no such key',
    ],
    [
      "error",
      "misspelt-key",
      "10:9",
      'Cannot use the key "interactve" in rituals.start.global[0]: rune knows no such key',
    ],
    [
      "warning",
      "unknown-key",
      "11:9",
      'Ignoring the key "when" in rituals.start.global[0]: rune does not use it',
    ],
    [
      "error",
      "misspelt-key",
      "14:9",
      'Cannot use the key "tmux_templte" in rituals.start.global[1]: rune knows no such key',
    ],
  ]);
  const h = hints(text);
  deepStrictEqual([h[1], h[2], h[4]], [
    'Did you mean "per_project"? Rename the key',
    'Did you mean "interactive"? Rename the key',
    'Did you mean "tmux_template"? Rename the key',
  ]);
});

Deno.test("Rune's own sections and x- keys pass silently, whatever they hold", () => {
  const text = `user_id: 12345
x-defaults: &defaults
  optional: true
integrations:
  slack: { enabled: false, tokn: 1 }
logging:
  level: debug
  whatever: [1, 2]
rituals:
  start:
    global:
      - <<: *defaults
        name: a
        command: x
`;
  deepStrictEqual(check(text), []);
  const v = validateConfigText(text, FILE);
  strictEqual(v.config?.rituals?.start?.global?.[0].optional, true, "the merge key is applied");
});

Deno.test("--strict makes warnings errors", () => {
  const text = "settings:\n  timezone: UTC\n";
  deepStrictEqual(check(text, { strict: true }), [
    [
      "error",
      "unknown-key",
      "2:3",
      'Ignoring the key "timezone" in settings: rune does not use it',
    ],
  ]);
});

Deno.test("a command needs something to run", () => {
  const text = `rituals:
  start:
    global:
      - name: nothing
        optional: true
      - name: session only
        interactive: true
        tmux_session: dev
      - name: template, not interactive
        tmux_template: t
      - name: template
        interactive: true
        tmux_template: t
      - name: session, not interactive
        command: make
        tmux_session: dev
  templates:
    t:
      session_name: s
      windows: [{ name: w, panes: [vim] }]
`;
  deepStrictEqual(check(text), [
    [
      "error",
      "missing-command",
      "4:9",
      'Cannot run "nothing": it has neither command nor tmux_template',
    ],
    [
      "error",
      "missing-command",
      "6:9",
      'Cannot run "session only": tmux_session "dev" needs a command to run in it',
    ],
    [
      "error",
      "missing-command",
      "9:9",
      'Cannot run "template, not interactive": it names tmux_template "t" without ' +
      "interactive: true, and has no command",
    ],
    [
      "warning",
      "not-interactive",
      "16:9",
      'Ignoring tmux_session of "session, not interactive": interactive is not true, so only ' +
      "its command runs",
    ],
  ]);
});

Deno.test("an unknown template name suggests one from both template places", () => {
  const text = `rituals:
  start:
    global:
      - name: open
        interactive: true
        tmux_template: dev-layot
    templates:
      dev-layout:
        session_name: s
        windows: [{ panes: [vim] }]
  templates:
    other:
      session_name: o
      windows: [{ panes: [vim] }]
`;
  deepStrictEqual(check(text), [
    [
      "error",
      "unknown-template",
      "6:24",
      'Cannot open the template of "open": there is no template "dev-layot"',
    ],
  ]);
  deepStrictEqual(hints(text), ['Did you mean "dev-layout"?']);
  const far = text.replace("dev-layot", "zzz");
  deepStrictEqual(hints(far), [
    'Use one of: other, dev-layout; or define "zzz" under rituals.templates',
  ]);
});

Deno.test("templates need windows, windows need panes, names are unique", () => {
  const text = `rituals:
  templates:
    a:
      session_name: a
    b:
      session_name: b
      windows: []
    c:
      session_name: c
      windows:
        - name: empty
        - name: nulls
          panes:
        - panes: [vim]
  start:
    templates:
      a:
        session_name: again
        windows: [{ panes: [vim] }]
  stop:
    templates:
      c:
        session_name: thrice
        windows: [{ panes: [vim] }]
`;
  deepStrictEqual(check(text), [
    ["error", "empty-windows", "3:5", 'Cannot open the template "a": it has no windows'],
    ["error", "empty-windows", "7:7", 'Cannot open the template "b": it has no windows'],
    [
      "error",
      "empty-windows",
      "11:11",
      'Cannot open the template "c": its window "empty" has no panes',
    ],
    [
      "error",
      "empty-windows",
      "13:11",
      'Cannot open the template "c": its window "nulls" has no panes',
    ],
    [
      "error",
      "duplicate-template",
      "17:7",
      'Cannot define the template "a" twice: it is also defined at rituals.templates.a ' +
      "(line 3, column 5)",
    ],
    [
      "error",
      "duplicate-template",
      "22:7",
      'Cannot define the template "c" twice: it is also defined at rituals.templates.c ' +
      "(line 8, column 5)",
    ],
  ]);
});

Deno.test("durations must parse, and the hint rewrites spelled-out units", () => {
  const text = `settings:
  timeout: 2m
  break_interval: 25m
  idle_threshold: soon
rituals:
  start:
    global:
      - name: a
        command: x
        timeout: 10 minutes
      - name: b
        command: y
        timeout: 90
`;
  deepStrictEqual(check(text), [
    [
      "error",
      "bad-duration",
      "4:19",
      'Cannot use settings.idle_threshold: expected a duration such as "30s", "2m" or "1h30m", ' +
      'got "soon"',
    ],
    [
      "error",
      "bad-duration",
      "10:18",
      'Cannot use rituals.start.global[0].timeout: expected a duration such as "30s", "2m" or ' +
      '"1h30m", got "10 minutes"',
    ],
  ]);
  deepStrictEqual(hints(text), [
    "Write a number with a unit (ms, s, m, h), e.g. idle_threshold: 90s, or 0 for none",
    "Write timeout: 10m",
  ]);
});

Deno.test("layouts: a preset, or a tmux layout string tmux would accept", () => {
  const text = `rituals:
  templates:
    t:
      session_name: s
      windows:
        - name: ok-preset
          layout: tiled
          panes: [a, b]
        - name: ok-custom
          layout: "cf3a,200x50,0,0{100x50,0,0,0,99x50,101,0,1}"
          panes: [a, b]
        - name: typo
          layout: main-horizonal
          panes: [a]
        - name: checksum
          layout: "a5e1,200x50,0,0{100x50,0,0,0,99x50,101,0,1}"
          panes: [a, b]
        - name: count
          layout: "cf3a,200x50,0,0{100x50,0,0,0,99x50,101,0,1}"
          panes: [a, b, c]
`;
  deepStrictEqual(check(text), [
    [
      "error",
      "bad-layout",
      "13:19",
      'Cannot use the layout "main-horizonal" of window "typo" in template "t": it is neither ' +
      "a tmux layout name nor a layout string",
    ],
    [
      "error",
      "bad-layout",
      "16:19",
      'Cannot use the layout "a5e1,200x50,0,0{100x50,0,0,0,99x50,101,0,1}" of window ' +
      '"checksum" in template "t": tmux rejects its checksum "a5e1": the layout\'s checksum is ' +
      '"cf3a"',
    ],
    [
      "error",
      "bad-layout",
      "19:19",
      'Cannot use the layout of window "count" in template "t": it places 2 pane(s), the ' +
      "window has 3",
    ],
  ]);
  strictEqual(hints(text)[0], 'Did you mean "main-horizontal"?');
});

Deno.test("per_project keys should name a project of projects, when there is a list", () => {
  const text = `projects:
  - name: web
    detect: [package.json]
rituals:
  start:
    per_project:
      Web: [{ name: a, command: x }]
      wbe: [{ name: b, command: y }]
`;
  deepStrictEqual(check(text), [
    [
      "warning",
      "unknown-project",
      "8:7",
      'per_project "wbe" of the start ritual names no project in projects: it runs only when ' +
      "the project is detected by that name",
    ],
  ]);
  deepStrictEqual(hints(text), ['Did you mean "web"?']);
  const noList = text.split("\n").slice(3).join("\n");
  deepStrictEqual(check(noList), [], "without projects, names come from detection");
});

Deno.test("template-variable issues are merged in file order", () => {
  const text = `rituals:
  start:
    global:
      - name: a
        command: echo {{project}}
        optional: "no"
`;
  const v = validateConfigText(text, FILE, {
    // A stand-in for the real checker: one located issue for the command.
    checkTemplates: (config, locate) => [{
      severity: "error",
      code: "unknown-variable",
      where: locate(["rituals", "start", "global", 0, "command"]),
      problem: `Cannot expand "${config.rituals?.start?.global?.[0].command}"`,
    }],
  });
  // The schema error comes first in the file, but a typed config is needed for the check:
  // with a schema error the variable check does not run.
  deepStrictEqual(rows(v.issues).map((r) => r[1]), ["wrong-type"]);
  const typed = `settings:
  timezone: UTC
rituals:
  start:
    global:
      - name: a
        command: echo {{project}}
        when: later
`;
  const merged = validateConfigText(typed, FILE, {
    checkTemplates: (_config, locate) => [{
      severity: "error",
      code: "unknown-variable",
      where: locate(["rituals", "start", "global", 0, "command"]),
      problem: "unknown variable",
    }],
  });
  deepStrictEqual(rows(merged.issues).map((r) => [r[1], r[2]]), [
    ["unknown-key", "2:3"],
    ["unknown-variable", "7:18"],
    ["unknown-key", "8:9"],
  ]);
});

Deno.test("every problem of a file comes back in one run, in file order", () => {
  const text = `version: 3
rituals:
  start:
    global:
      - name: a
        interactve: true
      - name: b
        command: x
        timeout: forever
`;
  deepStrictEqual(check(text).map((r) => [r[1], r[2]]), [
    ["bad-version", "1:10"],
    ["missing-command", "5:9"],
    ["misspelt-key", "6:9"],
    ["bad-duration", "9:18"],
  ]);
});

Deno.test("the top level must be a map; an empty file is an empty config", () => {
  deepStrictEqual(check("- a\n- b\n"), [
    [
      "error",
      "wrong-type",
      "1:1",
      "Cannot use the config: expected a map with keys such as version, projects, rituals, got a list",
    ],
  ]);
  const empty = validateConfigText("# nothing yet\n", FILE);
  deepStrictEqual([empty.issues, empty.config], [[], {}]);
});

Deno.test("keys Rune's docs use but Go Rune never read warn; none is taken for a typo", () => {
  const text = `settings:
  timezone: America/New_York
  auto_start: true
  focus: deep
projects:
  - name: web
    detect: [package.json]
    description: d
    tags: [a]
    client: c
    rate: 150
    budget: 1
    deadline: x
rituals:
  start:
    global:
      - name: a
        command: x
        when: weekdays
  break: {}
  resume: {}
  daily: {}
  weekly: {}
`;
  const found = check(text);
  deepStrictEqual(found.map((r) => r[0]), Array(found.length).fill("warning"));
  deepStrictEqual(found.map((r) => /"([^"]+)"/.exec(r[3])?.[1]), [
    "timezone",
    "auto_start",
    "focus",
    "description",
    "tags",
    "client",
    "rate",
    "budget",
    "deadline",
    "when",
    "break",
    "resume",
    "daily",
    "weekly",
  ]);
});

/** A save → the step that rebuilds it, and the call that puts back what a build does not make. */
import { deepStrictEqual, strictEqual } from "node:assert/strict";
import {
  finishArgv,
  parseShapes,
  planRestore,
  restoreSize,
  sameShape,
} from "../../src/tmux/restore_plan.ts";
import type { RestoreChoices } from "../../src/tmux/restore_plan.ts";
import type { SavedSession } from "../../src/contract/mod.ts";

const SAVED: SavedSession = {
  name: "dev-web",
  project: "web",
  dir: "/p",
  size: { columns: 160, rows: 48 },
  env: { RUNE_PROJECT: "web" },
  options: { "status-left": "x;" },
  windows: [
    {
      name: "edit #(x)",
      layout: "8b5f,160x48,0,0{80x48,0,0,0,79x48,81,0,1}",
      active: false,
      zoomed: true,
      options: { "automatic-rename": "off", "main-pane-width": "50" },
      panes: [
        { dir: "/p", title: "t #(touch x)", active: false, running: ["vim", "a b.txt"] },
        { dir: "/gone", title: "vm", active: true, running: "make watch" },
      ],
    },
    {
      name: "logs",
      layout: "cbff,160x48,0,0,2",
      active: true,
      zoomed: false,
      options: {},
      panes: [{ dir: "/p/sub", title: "vm", active: true }],
    },
  ],
};

const CHOICES: RestoreChoices = {
  programs: ["vim", "less"],
  runCommands: false,
  isDirectory: (p) => p !== "/gone",
  home: "/h",
};

Deno.test("planRestore() rebuilds windows, layouts, focus and dirs; programs by the allowlist", () => {
  const plan = planRestore(SAVED, 3, CHOICES);
  deepStrictEqual(plan.step, {
    kind: "tmux",
    id: 3,
    name: 'restore "dev-web"',
    scope: "global",
    optional: false,
    session: "dev-web",
    cwd: "/p",
    env: { RUNE_PROJECT: "web" },
    layout: {
      template: "",
      session: "dev-web",
      dir: "/p",
      before: [],
      windows: [
        {
          name: "edit #(x)",
          layout: "8b5f,160x48,0,0{80x48,0,0,0,79x48,81,0,1}",
          dir: "/p",
          focus: false,
          panes: [
            { commands: ["vim 'a b.txt'"], dir: "/p", focus: false, exec: false },
            { commands: [], pending: "make watch", dir: "/p", focus: true, exec: false },
          ],
        },
        {
          name: "logs",
          layout: "cbff,160x48,0,0,2",
          dir: "/p/sub",
          focus: true,
          panes: [{ commands: [], dir: "/p/sub", focus: true, exec: false }],
        },
      ],
    },
  });
  deepStrictEqual([plan.restarted, plan.typed], [["vim"], ["make"]]);
  deepStrictEqual(plan.notes, ['directory "/gone" is gone: its panes open in "/p"']);
});

Deno.test("planRestore() runs every program with --run-commands, and renames what tmux would change", () => {
  const plan = planRestore({ ...SAVED, name: "a.b$c", dir: "/gone" }, 1, {
    ...CHOICES,
    runCommands: true,
  });
  strictEqual(plan.step.session, "a_b_c");
  deepStrictEqual(plan.restarted, ["vim", "make"]);
  strictEqual(plan.step.cwd, "/h");
  strictEqual(plan.notes.length, 3);
});

Deno.test("restoreSize() is the saved size, never below 80x24", () => {
  deepStrictEqual(restoreSize(SAVED), { columns: 160, rows: 48 });
  deepStrictEqual(restoreSize({ ...SAVED, size: { columns: 30, rows: 10 } }), {
    columns: 80,
    rows: 24,
  });
});

Deno.test("finishArgv() sets options, titles (literally) and zoom by id, zoom last", () => {
  // Captured from `list-panes -a -F SHAPE_FORMAT` after a rebuild (and another session).
  const shapes = parseShapes(
    "dev-web\t$4 @9 %21\ndev-web\t$4 @9 %22\ndev-web\t$4 @10 %23\na b\t$5 @11 %24\n",
  );
  const shape = shapes.get("dev-web")!;
  deepStrictEqual(shape, {
    session: "$4",
    windows: [{ id: "@9", panes: ["%21", "%22"] }, { id: "@10", panes: ["%23"] }],
  });
  deepStrictEqual(shapes.get("a b"), { session: "$5", windows: [{ id: "@11", panes: ["%24"] }] });
  strictEqual(sameShape(SAVED, shape), true);
  strictEqual(sameShape(SAVED, shapes.get("a b")!), false);
  const other: SavedSession = {
    ...SAVED,
    options: {},
    windows: [{ ...SAVED.windows[1], panes: [{ dir: "/", title: "x", active: true }] }],
  };
  deepStrictEqual(
    finishArgv(["-S", "/s"], [{ saved: SAVED, built: shape }, {
      saved: { ...other, windows: [{ ...other.windows[0], zoomed: true }] },
      built: shapes.get("a b")!,
    }]),
    [[
      "tmux",
      "-S",
      "/s",
      ...["set-option", "-t", "$4", "status-left", "x\\;", ";"],
      ...["set-option", "-w", "-t", "@9", "automatic-rename", "off", ";"],
      ...["set-option", "-w", "-t", "@9", "main-pane-width", "50", ";"],
      ...["select-pane", "-t", "%21", "-T", "t ##(touch x)", ";"],
      ...["select-pane", "-t", "%22", "-T", "vm", ";"],
      ...["set-option", "-w", "-t", "@10", "-u", "automatic-rename", ";"],
      ...["select-pane", "-t", "%23", "-T", "vm", ";"],
      ...["set-option", "-w", "-t", "@11", "-u", "automatic-rename", ";"],
      ...["select-pane", "-t", "%24", "-T", "x", ";"],
      // A window of one pane is never zoomed (tmux would not either).
      ...["resize-pane", "-Z", "-t", "%22"],
    ]],
  );
  deepStrictEqual(parseShapes("garbage\n").size, 0);
});

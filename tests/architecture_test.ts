/**
 * The architecture of src/, held by a test. LAYERS is the order, top first: a folder may import
 * only folders listed after it, and only through their mod.ts; no file imports in a cycle.
 * README's "Architecture" section shows the same order.
 */
import { deepStrictEqual } from "node:assert/strict";
import { checkTree } from "./helpers/import_graph.ts";

export const LAYERS = [
  "cli", //       argv → one command → exit code; the only code that prints or exits
  "doctor", //    what rune needs and what it found: gathered, then judged (pure)
  "runner", //    walks a Plan through the executors; the interactive router
  "output", //    how runs, plans and listings read: reporters and text (pure)
  "pty", //       interactive commands in a pseudo-terminal made by `script`
  "share", //     a session shared with other Unix users: gate, server-access, join, audit
  "tmux", //      sessions: the argv (pure), the client, the executor, hooks
  "exec", //      processes: spawning, groups, timeouts, background; the Deno runtime
  "state", //     what rune keeps on disk: audit log, background registry, transcripts
  "planning", //  config + project → the Plan (pure)
  "project", //   which project this is: gather facts, then decide (pure)
  "tracking", //  work sessions: start, pause, resume, stop, `--at`, reports (pure)
  "import", //    tmuxinator, tmuxp and smug files → a rune template and rituals (pure)
  "migrate", //   other trackers' history (Go Rune's bbolt, Watson, Timewarrior) read (pure)
  "config", //    find, load and validate the config, every issue located
  "readiness", // a template's readiness as a graph: names, cycles, start order (pure)
  "templates", // template variables, expanded for where each value lands
  "shell", //     shell quoting: the lexer and the one word quoter
  "env", //       which variables children get (pure)
  "contract", //  the Plan, steps, outcomes and the Runtime seam: types
  "base", //      leaf helpers: results, durations, names, colours, XDG paths
] as const;

const SRC = new URL("../src", import.meta.url).pathname;
const FIXTURE = new URL("./fixtures/architecture/src", import.meta.url).pathname;

Deno.test("src/ keeps the layer order: no cycle, no mod.ts bypass, no upward import", () => {
  const report = checkTree(SRC, LAYERS);
  deepStrictEqual(report.violations.map((v) => v.message), []);
});

Deno.test("the architecture checker fails on a tree that breaks each rule", () => {
  const report = checkTree(FIXTURE, ["top", "low"]);
  const found = report.violations.map((v) => `${v.kind}: ${v.message}`).sort();
  deepStrictEqual(
    found,
    [
      "bypass: low/b.ts imports top/a.ts, bypassing top/mod.ts",
      "cycle: import cycle: low/c.ts -> low/d.ts -> low/c.ts",
      "cycle: import cycle: low/b.ts -> top/a.ts -> low/mod.ts -> low/b.ts",
      "loose-file: loose.ts is not in a folder",
      "no-mod: nomod/ has no mod.ts",
      "unknown-folder: nomod/ is not in the layer order",
      "upward: low/b.ts (low) imports top/a.ts (top), which is not below it",
    ].sort(),
  );
});

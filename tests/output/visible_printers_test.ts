/**
 * Hostile values (ESC that hides text, CR that overwrites the line, BEL, a bidi override)
 * through every printer of human output: each shows them as `\x1b`, `\r`, `\x07`, `\u202e`,
 * and nothing of them reaches the terminal raw.
 */
import { ok } from "node:assert/strict";
import { formatIssue, makeColors } from "../../src/base/mod.ts";
import {
  closingLines,
  formatAuditEntry,
  formatAuditTable,
  formatBackgroundReview,
  formatListing,
  formatPlan,
  LiveReporter,
  PlainReporter,
} from "../../src/output/mod.ts";
import type { RunSummary, Step, StepOutcome, TmuxStep } from "../../src/contract/mod.ts";
import type { AuditEntry, BackgroundEntry } from "../../src/state/mod.ts";
import { background, plan, shell } from "../helpers/plan_fixture.ts";

/** Hides what follows, returns to the line start, rings, then reverses the rest. */
const H = "x\x1b[8mhidden\rover\x07bell\u202erev";
const SHOWN = String.raw`x\x1b[8mhidden\rover\x07bell\u202erev`;
// Anything a terminal would act on, except the newline between lines.
// deno-lint-ignore no-control-regex
const RAW = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

function check(what: string, text: string, times = 1) {
  ok(!RAW.test(text), `${what} prints a control character raw:\n${JSON.stringify(text)}`);
  ok(text.split(SHOWN).length > times, `${what} shows the value:\n${text}`);
}

const plain = makeColors(false);
const tmuxStep: TmuxStep = {
  kind: "tmux",
  id: 4,
  name: H,
  scope: "project",
  optional: false,
  session: H,
  cwd: H,
  env: {},
  layout: {
    template: H,
    session: H,
    dir: H,
    before: [H],
    windows: [{
      name: H,
      layout: H,
      dir: H,
      focus: false,
      panes: [{ commands: [H], dir: H, focus: false, exec: false }],
    }],
  },
};
const steps: Step[] = [
  shell(1, H, `echo ${H}`, { cwd: H, env: { [H]: H } }),
  background(2, H, H, `/logs/${H}.log`, { cwd: H }),
  { kind: "pty", id: 3, name: H, scope: "global", optional: true, command: H, cwd: H, env: {} },
  tmuxStep,
];
const thePlan = {
  ...plan(steps),
  project: { name: H, dir: H, detectedBy: H },
  configFile: H,
  envRemoved: [H],
};

Deno.test("formatPlan (--dry-run) shows every value's control characters", () => {
  check(
    "the plan",
    formatPlan(thePlan, { colors: plain, describeTmux: () => [`argv ${H}`] }).join("\n"),
    20,
  );
});

const failed: StepOutcome = {
  status: "failed",
  exitCode: 1,
  durationMs: 1,
  message: H,
  outputTail: ["tail"],
};
const started: StepOutcome = {
  status: "started",
  exitCode: null,
  durationMs: 1,
  message: "pid 1",
  pid: 1,
  logFile: H,
  via: "background",
};

function drive(r: PlainReporter | LiveReporter) {
  const p = { ...plan(steps.slice(0, 2)), project: { name: H, dir: "/d", detectedBy: H } };
  r.begin(p);
  r.stepStarted(p.steps[0]);
  r.note(H);
  r.stepFinished({ step: p.steps[0], outcome: failed });
  r.stepStarted(p.steps[1]);
  r.stepFinished({ step: p.steps[1], outcome: started });
  r.end({
    plan: p,
    results: [{ step: p.steps[0], outcome: failed }, { step: p.steps[1], outcome: started }],
    interrupted: true,
  });
}

Deno.test("the plain progress lines show names, notes and messages visibly", () => {
  let out = "";
  drive(new PlainReporter({ write: (t) => out += t, colors: plain, verbose: true }));
  check("plain progress", out, 8);
});

Deno.test("the live display shows names, notes and messages visibly", () => {
  let out = "";
  drive(
    new LiveReporter({
      write: (t) => out += t,
      colors: plain,
      size: () => ({ columns: 200, rows: 50 }),
      now: () => 0,
    }),
  );
  // The display's own cursor movements are the only escapes it writes.
  // deno-lint-ignore no-control-regex
  const own = out.replace(/\x1b\[\?25[lh]|\x1b\[\d+A\r|\x1b\[[KJ]/g, "");
  check("live progress", own, 4);
});

Deno.test("the closing lines (problems, left running, summary) show values visibly", () => {
  const summary: RunSummary = {
    plan: { ...plan(steps), project: { name: H, dir: "/", detectedBy: "x" } },
    results: [{ step: steps[0], outcome: failed }, { step: steps[1], outcome: started }],
    interrupted: true,
  };
  check("closing lines", closingLines(summary, 1, plain).join("\n"), 3);
});

Deno.test("ritual list, audit, background review and issues show values visibly", () => {
  const cmd = {
    name: H,
    command: H,
    optional: false,
    background: false,
    interactive: true,
    tmux_template: H,
    working_dir: H,
  };
  const listing = {
    start: { global: [cmd], per_project: { [H]: [cmd] } },
    stop: { global: [], per_project: {} },
    templates: [{
      name: H,
      place: "rituals.templates",
      session_name: H,
      windows: [{ name: H, layout: H, panes: [H, { command: [H] }] }],
    }],
  };
  check("ritual list", formatListing(listing, plain).join("\n"), 8);
  const entry: AuditEntry = {
    id: "abcd1234",
    time: "2026-12-01T00:00:00.000Z",
    user: H,
    project: H,
    ritual: "start",
    name: H,
    command: H,
    via: "pty",
    status: "ok",
    exitCode: 0,
    durationMs: 1,
    transcript: { log: H, timing: H, format: "util-linux" },
  };
  check("audit ls", formatAuditTable([entry]), 2);
  check("audit show", formatAuditEntry(entry, H).join("\n"), 6);
  const e: BackgroundEntry = {
    pid: 1,
    pgid: 1,
    project: H,
    name: H,
    command: H,
    logFile: H,
    startedAt: "2026-12-01T00:00:00Z",
  };
  check(
    "stop's background review",
    formatBackgroundReview({ running: [e], ended: [e], forgotten: 0 }, 0).join("\n"),
    3,
  );
  check(
    "an issue",
    formatIssue({
      severity: "error",
      code: "x",
      where: { file: H, line: 1, column: 2 },
      problem: `Cannot use "${H}"`,
      hint: H,
    }),
    2,
  );
});

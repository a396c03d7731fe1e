/**
 * A separate process acting on a work-session store, for the tests that need real processes
 * (concurrent starts, concurrent writers, SIGKILL mid-write, missing permissions) and for
 * timing the `rune status` path. Prints one JSON line per result.
 *
 *   start  DIR PROJECT     try one start
 *   cycle  DIR NAME ROUNDS try start, pause, resume, stop ROUNDS times; print what succeeded
 *   loop   DIR PREFIX      import one record per transaction forever; print each key once committed
 *   status DIR             open, read the current session and today's sessions (the prompt path)
 *   report DIR FORMAT      this month's report as text, csv or json, written to stdout
 *
 * RUNE_TEST_BARRIER=DIR: after opening the store, wait until DIR/go exists before acting.
 */
import { openStore } from "../../src/state/work_store.ts";
import {
  buildReport,
  renderCsv,
  renderJson,
  renderText,
  reportRange,
} from "../../src/tracking/mod.ts";

const [mode, dir, arg, rounds] = Deno.args;
const print = (v: unknown) =>
  Deno.stdout.writeSync(new TextEncoder().encode(`${JSON.stringify(v)}\n`));

const opened = openStore(dir);
if (!opened.ok) {
  print({ error: opened.error });
  Deno.exit(1);
}
const store = opened.value;

// With RUNE_TEST_BARRIER set: say "ready" there, then wait for "go", so that all workers act at
// once. (Env access is only asked for when the test granted it.)
const barrier = Deno.permissions.querySync({ name: "env", variable: "RUNE_TEST_BARRIER" }).state ===
    "granted"
  ? Deno.env.get("RUNE_TEST_BARRIER")
  : undefined;
if (barrier) {
  Deno.writeTextFileSync(`${barrier}/ready-${Deno.pid}`, "");
  while (!exists(`${barrier}/go`)) await new Promise((r) => setTimeout(r, 2));
}

function exists(path: string): boolean {
  try {
    Deno.statSync(path);
    return true;
  } catch {
    return false;
  }
}

switch (mode) {
  case "start": {
    const r = store.start(arg);
    print(r.ok ? { kind: r.value.kind, pid: Deno.pid } : { error: r.error });
    break;
  }
  case "cycle": {
    const acks = {
      starts: [] as string[],
      pauses: 0,
      resumes: 0,
      stops: 0,
      errors: [] as string[],
    };
    for (let i = 0; i < Number(rounds); i++) {
      const s = store.start(`${arg}-${i}`);
      if (s.ok && s.value.kind === "started") acks.starts.push(s.value.session.id!);
      for (const kind of ["pause", "resume", "stop"] as const) {
        const r = store[kind]();
        if (r.ok) acks[`${kind}s`]++;
        else if (r.error.code.startsWith("store-")) acks.errors.push(r.error.problem);
      }
      if (!s.ok) acks.errors.push(s.error.problem);
    }
    print(acks);
    break;
  }
  case "loop": {
    const t0 = Date.parse("2020-01-01T00:00:00Z");
    for (let i = 0;; i++) {
      const key = `${arg}:${i}`;
      const r = store.importRecords([{
        key,
        project: "crash",
        start: t0 + i * 1000,
        end: t0 + i * 1000 + 500,
      }]);
      if (!r.ok || r.value.added !== 1) {
        print({ error: r.ok ? r.value : r.error });
        Deno.exit(1);
      }
      print(key);
    }
  }
  // falls through: unreachable, the loop only ends by a signal
  case "status": {
    const now = Date.now();
    const current = store.currentSession();
    const today = store.sessionsBetween(now - 86_400_000, now + 86_400_000);
    print({ current: current.ok && current.value?.project, today: today.ok && today.value.length });
    break;
  }
  case "report": {
    const now = Date.now();
    const range = reportRange({ kind: "month" }, now);
    if (!range.ok) throw new Error(range.error.problem);
    const sessions = store.sessionsBetween(range.value.from, range.value.to);
    if (!sessions.ok) throw new Error(sessions.error.problem);
    const report = buildReport(sessions.value, range.value, { now });
    const render = arg === "json" ? renderJson : arg === "csv" ? renderCsv : renderText;
    Deno.stdout.writeSync(new TextEncoder().encode(render(report)));
    break;
  }
  default:
    throw new Error(`unknown mode ${mode}`);
}
store.close();

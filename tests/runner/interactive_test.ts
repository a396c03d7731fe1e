/**
 * createInteractiveExecutors(): routes, runs and audits interactive steps. Real `script` and
 * `sh`; the tests' stdin is not a terminal, so `ctx.terminal` says what each case needs
 * (script works without one, FACTS §6a). Commands write to files, never to the test output.
 */
import { deepStrictEqual, match, ok, strictEqual } from "node:assert/strict";
import { createInteractiveExecutors } from "../../src/runner/interactive.ts";
import type { InteractiveOptions } from "../../src/runner/interactive.ts";
import type { ExecContext, RunFlags, StepOutcome } from "../../src/contract/outcome.ts";
import type { PtyStep, TmuxStep } from "../../src/contract/plan.ts";
import { denoRuntime } from "../../src/exec/deno_runtime.ts";
import { readAudit } from "../../src/state/audit.ts";
import { stripScriptMarkers } from "../../src/state/transcripts.ts";
import { exists } from "../helpers/files.ts";

interface Recorded {
  notes: string[];
  taken: number;
  released: number;
}

function context(
  extra: { stdin?: boolean; flags?: Partial<RunFlags>; baseEnv?: Record<string, string> },
) {
  const rec: Recorded = { notes: [], taken: 0, released: 0 };
  const ctx: ExecContext = {
    baseEnv: extra.baseEnv ?? { PATH: Deno.env.get("PATH") ?? "/usr/bin:/bin", HOME: "/tmp" },
    parentEnv: { USER: "ana" },
    signal: new AbortController().signal,
    runtime: denoRuntime,
    terminal: { stdin: extra.stdin ?? true, stdout: false },
    flags: { noTmux: false, noPty: false, detach: false, verbose: false, ...extra.flags },
    takeTerminal() {
      rec.taken++;
      return () => rec.released++;
    },
    note: (m) => rec.notes.push(m),
  };
  return { ctx, rec };
}

const ptyStep = (command: string, extra: Partial<PtyStep> = {}): PtyStep => ({
  kind: "pty",
  id: 1,
  name: "repl",
  scope: "global",
  optional: false,
  command,
  cwd: "/tmp",
  env: {},
  ...extra,
});

const templateStep: TmuxStep = {
  kind: "tmux",
  id: 2,
  name: "full",
  scope: "project",
  optional: false,
  session: "full-web",
  cwd: "/tmp",
  env: {},
  layout: { template: "fullstack", session: "full-web", dir: "/tmp", before: [], windows: [] },
};

async function withState(fn: (dir: string, options: InteractiveOptions) => Promise<void>) {
  const dir = Deno.makeTempDirSync({ prefix: "rune-pty-" });
  try {
    await fn(dir, {
      project: "web",
      ritual: "start",
      stateDir: `${dir}/state`,
      transcripts: false,
      probes: { tmuxUsable: () => Promise.resolve(true) },
    });
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
}

Deno.test("pty: the command gets a terminal, the filtered env plus its own, and its exit status", async () => {
  await withState(async (dir, options) => {
    const out = `${dir}/out`;
    // In rune's own environment but not in the filtered one: the child must not see it. The
    // user's SHELL (here one that does not even exist) must not parse the command, yet the
    // command sees it.
    Deno.env.set("SECRET_TOKEN", "leaked");
    const command =
      `[ -t 0 ] && [ -t 1 ] && t=tty; echo "$t[$SECRET_TOKEN][$MINE][$SHELL]" > ${out}; exit 3`;
    const { ctx, rec } = context({
      baseEnv: { PATH: Deno.env.get("PATH")!, HOME: "/tmp", SHELL: "/opt/fish/bin/fish" },
    });
    const ex = createInteractiveExecutors(options);
    const outcome = await ex.pty(
      ptyStep(command, { env: { MINE: "mine" } }),
      ctx,
    ).finally(() => Deno.env.delete("SECRET_TOKEN"));
    strictEqual(outcome.status, "failed");
    strictEqual(outcome.exitCode, 3);
    strictEqual(outcome.via, "pty");
    strictEqual(outcome.message, "exited with 3");
    strictEqual(Deno.readTextFileSync(out), "tty[][mine][/opt/fish/bin/fish]\n");
    deepStrictEqual([rec.taken, rec.released], [1, 1]);
    deepStrictEqual(rec.notes, []);
    const log = readAudit(`${options.stateDir}/audit.jsonl`);
    strictEqual(log.entries.length, 1);
    const e = log.entries[0];
    deepStrictEqual(
      { ...e, id: "", time: "", durationMs: 0 },
      {
        id: "",
        time: "",
        user: "ana",
        project: "web",
        ritual: "start",
        name: "repl",
        command,
        via: "pty",
        status: "failed",
        exitCode: 3,
        durationMs: 0,
      },
    );
    match(e.id, /^[0-9a-f]{8}$/);
    ok(Date.parse(e.time) > 0);
  });
});

Deno.test("pty with transcripts: private files that scriptreplay plays back", async () => {
  await withState(async (_dir, options) => {
    const { ctx } = context({});
    const ex = createInteractiveExecutors({ ...options, transcripts: true });
    const outcome: StepOutcome = await ex.pty(
      ptyStep("printf 'one\\n' >/dev/null; echo secret-typed >/dev/tty; exit 0"),
      ctx,
    );
    strictEqual(outcome.status, "ok");
    const [entry] = readAudit(`${options.stateDir}/audit.jsonl`).entries;
    const t = entry.transcript!;
    strictEqual(t.format, "util-linux");
    strictEqual(outcome.logFile, t.log);
    strictEqual(t.log, `${options.stateDir}/transcripts/${entry.id}.log`);
    for (const f of [t.log, t.timing!]) strictEqual(Deno.statSync(f).mode! & 0o777, 0o600);
    strictEqual(Deno.statSync(`${options.stateDir}/transcripts`).mode! & 0o777, 0o700);
    strictEqual(stripScriptMarkers(Deno.readTextFileSync(t.log)), "secret-typed\r\n");
    const replay = await new Deno.Command("scriptreplay", {
      args: ["--log-timing", t.timing!, "--log-out", t.log, "-d", "1000"],
      stdout: "piped",
    }).output();
    strictEqual(replay.code, 0);
    // The last "\n" is the one `script` writes before its "Script done" line.
    strictEqual(new TextDecoder().decode(replay.stdout), "secret-typed\r\n\n");
  });
});

Deno.test("--no-pty: rune's own stdio, audited as direct, one note", async () => {
  await withState(async (dir, options) => {
    const { ctx, rec } = context({ flags: { noPty: true } });
    const ex = createInteractiveExecutors(options);
    const outcome = await ex.pty(ptyStep(`[ -t 1 ] || echo no-tty > ${dir}/out`), ctx);
    strictEqual(outcome.status, "ok");
    strictEqual(outcome.via, "direct");
    strictEqual(Deno.readTextFileSync(`${dir}/out`), "no-tty\n");
    deepStrictEqual(rec.notes, [
      '--no-pty: "repl" uses rune\'s terminal directly (no pseudo-terminal, no transcript)',
    ]);
    strictEqual(readAudit(`${options.stateDir}/audit.jsonl`).entries[0].via, "direct");
  });
});

Deno.test("no terminal: required fails, optional is skipped; nothing runs, nothing audited", async () => {
  await withState(async (dir, options) => {
    const ex = createInteractiveExecutors(options);
    const marker = `${dir}/ran`;
    const required = await ex.pty(ptyStep(`touch ${marker}`), context({ stdin: false }).ctx);
    deepStrictEqual(required, {
      status: "failed",
      exitCode: null,
      durationMs: 0,
      message: "needs a terminal, and rune's stdin is not one: run rune from a terminal, or " +
        "set optional: true",
      missing: undefined,
    });
    const optional = await ex.pty(
      ptyStep(`touch ${marker}`, { optional: true }),
      context({ stdin: false }).ctx,
    );
    strictEqual(optional.status, "skipped");
    strictEqual(optional.message, "needs a terminal, and rune's stdin is not one");
    ok(!exists(marker));
    ok(!exists(`${options.stateDir}/audit.jsonl`));
  });
});

Deno.test("tmux steps go to the tmux executor and are audited as tmux", async () => {
  await withState(async (_dir, options) => {
    const seen: string[] = [];
    const ex = createInteractiveExecutors({
      ...options,
      tmux: (step) => {
        seen.push(step.session);
        return Promise.resolve({ status: "ok", exitCode: 0, durationMs: 12, via: "tmux" });
      },
    });
    const outcome = await ex.tmux(templateStep, context({ stdin: false }).ctx);
    strictEqual(outcome.status, "ok");
    deepStrictEqual(seen, ["full-web"]);
    const [e] = readAudit(`${options.stateDir}/audit.jsonl`).entries;
    deepStrictEqual([e.via, e.command, e.name, e.durationMs], [
      "tmux",
      'tmux template "fullstack"',
      "full",
      12,
    ]);
  });
});

Deno.test("--no-tmux: a template is skipped, a tmux_session command runs in the terminal", async () => {
  await withState(async (dir, options) => {
    let called = 0;
    const ex = createInteractiveExecutors({
      ...options,
      tmux: () => (called++, Promise.resolve({ status: "ok", exitCode: 0, durationMs: 0 })),
    });
    const { ctx, rec } = context({ flags: { noTmux: true } });
    const skipped = await ex.tmux(templateStep, ctx);
    strictEqual(skipped.status, "skipped");
    strictEqual(skipped.message, '--no-tmux, and "full" is a tmux template');
    const session: TmuxStep = {
      ...templateStep,
      name: "dev",
      layout: undefined,
      command: `echo typed > ${dir}/out`,
    };
    const ran = await ex.tmux(session, ctx);
    strictEqual(ran.status, "ok");
    strictEqual(ran.via, "pty");
    strictEqual(Deno.readTextFileSync(`${dir}/out`), "typed\n");
    strictEqual(called, 0);
    deepStrictEqual(rec.notes, ['--no-tmux: running "dev" in this terminal instead of tmux']);
  });
});

Deno.test("tmux not usable: a tmux_session command falls back to the pty, said once", async () => {
  await withState(async (dir, options) => {
    const ex = createInteractiveExecutors({
      ...options,
      tmux: () => Promise.reject(new Error("must not be called")),
      probes: { tmuxUsable: () => Promise.resolve(false) },
    });
    const { ctx, rec } = context({});
    const step: TmuxStep = { ...templateStep, layout: undefined, command: `touch ${dir}/ran` };
    strictEqual((await ex.tmux(step, ctx)).via, "pty");
    ok(exists(`${dir}/ran`));
    deepStrictEqual(rec.notes, [
      'tmux is not installed or not on PATH: running "full" in this terminal instead of tmux',
    ]);
  });
});

Deno.test("tmux is not probed: when the executor finds it missing, the chain goes on without it", async () => {
  await withState(async (dir, options) => {
    let tmuxCalls = 0;
    const ex = createInteractiveExecutors({
      project: options.project,
      ritual: options.ritual,
      stateDir: options.stateDir,
      transcripts: false,
      // No probes: the default must not run `tmux -V` (a third tmux process per build).
      tmux: () => {
        tmuxCalls++;
        return Promise.resolve({
          status: "failed",
          exitCode: null,
          durationMs: 0,
          message: "tmux is not installed or not on PATH",
          missing: "tmux",
        });
      },
    });
    const { ctx, rec } = context({});
    const step: TmuxStep = { ...templateStep, layout: undefined, command: `touch ${dir}/ran` };
    strictEqual((await ex.tmux(step, ctx)).via, "pty");
    ok(exists(`${dir}/ran`));
    strictEqual((await ex.tmux({ ...step, command: `touch ${dir}/again` }, ctx)).via, "pty");
    strictEqual(tmuxCalls, 1, "once tmux is known missing it is not asked again");
    strictEqual(rec.notes.length, 2);
    // A template has no terminal form: the executor's own failure stands.
    const failed = await ex.tmux({ ...templateStep, id: 3 }, ctx);
    strictEqual(failed.status, "failed");
    strictEqual(failed.missing, "tmux");
  });
});

Deno.test("a tmux_session step without a command has nothing to run outside tmux", async () => {
  await withState(async (_dir, options) => {
    const ex = createInteractiveExecutors(options);
    const { ctx } = context({ flags: { noTmux: true } });
    const outcome = await ex.tmux({ ...templateStep, layout: undefined, command: "" }, ctx);
    deepStrictEqual(
      [outcome.status, outcome.message],
      ["skipped", "no command to run outside tmux"],
    );
  });
});

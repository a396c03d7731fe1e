/**
 * The tmux executor's test fixture: a two-pane step planned for a private socket, a context,
 * and a scripted fake tmux whose pane shells announce that they read (handshake.ts).
 */
import { createTmuxExecutor } from "../../src/tmux/executor.ts";
import { planTmuxCalls } from "../../src/tmux/step_plan.ts";
import { buildSession } from "../../src/tmux/build.ts";
import { READING } from "../../src/tmux/handshake.ts";
import { decideTmuxWorld } from "../../src/tmux/world.ts";
import type { ExecContext, Runtime, TmuxStep } from "../../src/contract/mod.ts";
import type { Answer } from "../helpers/fake_runtime.ts";

/** The pane files a build's pipe-pane commands write to: "exec cat >>'DIR/w1p1.out'". */
export function pipeFiles(argv: readonly string[]): string[] {
  return argv.flatMap((a, i) => {
    const m = argv[i - 2] === "pipe-pane" ? a.match(/^exec cat >>'?(.+?)'?$/) : null;
    return m ? [m[1]] : [];
  });
}

/** The pane shells start: each line editor announces it reads (READING) on its pipe. */
export function shellsAnswer(ids: string[], session = "$1\tdev-web\n"): Answer {
  return (argv) => {
    for (const file of pipeFiles(argv)) Deno.writeTextFileSync(file, `${READING}$ `);
    return {
      stdout: (argv.includes("new-session") ? session : "") + ids.map((id) => `${id}\n`).join(""),
    };
  };
}

export function ctxWith(runtime: Runtime, notes: string[] = []): ExecContext {
  return {
    baseEnv: { PATH: "/bin" },
    parentEnv: { PATH: "/bin" },
    signal: new AbortController().signal,
    runtime,
    terminal: { stdin: false, stdout: false },
    flags: { noTmux: false, noPty: false, detach: true, verbose: false },
    takeTerminal: () => () => {},
    note: (m) => notes.push(m),
  };
}

export const unplanned: TmuxStep = {
  kind: "tmux",
  id: 1,
  name: "ws",
  scope: "project",
  optional: false,
  session: "dev-web",
  cwd: "/p",
  env: {},
  layout: {
    template: "t",
    session: "dev-web",
    dir: "/p",
    before: [],
    windows: [{
      name: "w",
      dir: "/p",
      focus: false,
      panes: [
        { commands: ["make"], dir: "/p", focus: false, exec: false },
        { commands: ["vim"], dir: "/p", focus: false, exec: false },
      ],
    }],
  },
};

export const world = decideTmuxWorld({
  flags: { name: "t" },
  env: { PATH: "/bin" },
  baseEnv: { PATH: "/bin" },
  terminal: { stdin: false, stdout: false },
  detach: true,
  uid: 0,
});

/** The step with its tmux calls planned, its marker dir in a fresh temp dir. */
export function planned(s: TmuxStep, budget?: number): TmuxStep {
  const plan = planTmuxCalls(
    {
      ritual: "start",
      project: { name: "web", dir: "/p", detectedBy: "argument" },
      configFile: "/c.yaml",
      steps: [s],
      envRemoved: [],
      warnings: [],
    },
    world,
    { markerDir: `${Deno.makeTempDirSync()}/rune-panes` },
  );
  const step = plan.steps[0] as TmuxStep;
  if (budget === undefined || !step.tmux) return step;
  // The same calls cut small, as a big template's would be.
  const markerDir = step.tmux.markerDir;
  const create = buildSession(step.layout!, {
    socket: world.socketArgs,
    project: "web",
    size: world.size,
    env: {},
    hide: [],
    markerDir,
    budget,
  });
  return { ...step, tmux: { ...step.tmux, create } };
}

export const step = planned(unplanned);
export const executor = () => createTmuxExecutor({ world });

/**
 * The enter and leave rituals the shell hook runs: planned like every ritual (so commands get
 * the filtered environment plus RUNE_PROJECT and RUNE_PROJECT_DIR), run one after another with
 * no stdin, their stdout and stderr captured — never on rune's stdout, which the shell evals —
 * each with its own timeout, else settings.hooks.timeout, else 5 s (the planner decides it). What they print is cut to
 * one line: the last line of output, or why a command failed. Ctrl-C ends the running command's
 * whole process group.
 */
import { shortenValue, visible } from "../../base/mod.ts";
import type { ProjectInfo, StepOutcome } from "../../contract/mod.ts";
import { HOOK_TIMEOUT_MS, planRitual, ritualCommands } from "../../planning/mod.ts";
import { withoutNames } from "../../env/mod.ts";
import { denoRuntime, printable, runShellStep } from "../../exec/mod.ts";
import type { ProjectConfig } from "../project_config.ts";
import { isDirectory } from "../fs_facts.ts";

/** The line is cut to this many characters. */
const LINE_MAX = 160;

/** Runs `ritual` for `project`; the one line to show, or undefined when there is nothing to say. */
export async function runHookRitual(
  loaded: ProjectConfig,
  ritual: "enter" | "leave",
  project: ProjectInfo,
  env: Record<string, string>,
): Promise<string | undefined> {
  const { config } = loaded;
  const entries = ritualCommands(config, ritual, project.name);
  if (!entries.length) return undefined;
  const head = `rune: ${ritual} ${project.name}:`;
  const planned = planRitual(loaded, ritual, project, { env, now: new Date(), isDirectory });
  if (!planned.ok) {
    const first = planned.error.find((i) => i.severity === "error") ?? planned.error[0];
    return line(`${head} ${first.problem} (\`rune ritual test ${ritual}\` shows every problem)`);
  }
  const controller = new AbortController();
  const onInt = () => controller.abort();
  Deno.addSignalListener("SIGINT", onInt);
  let last = "";
  try {
    for (const step of planned.value.steps) {
      if (step.kind !== "shell") continue; // the config check allows nothing else here
      const decoder = new TextDecoder();
      let output = "";
      const outcome = await runShellStep(
        { ...step, timeoutMs: step.timeoutMs ?? HOOK_TIMEOUT_MS },
        {
          baseEnv: withoutNames(env, planned.value.envRemoved),
          parentEnv: env,
          signal: controller.signal,
          runtime: denoRuntime,
          terminal: { stdin: false, stdout: false },
          flags: { noTmux: true, noPty: true, detach: true, verbose: false },
          takeTerminal: () => () => {},
          note: () => {},
        },
        {
          onOutput: (chunk) => {
            output = (output + decoder.decode(chunk, { stream: true })).slice(-4096);
          },
        },
      );
      const said = lastLine(output);
      if (said) last = said;
      if (outcome.status !== "ok") {
        const why = `"${step.name}" ${failure(outcome)}`;
        if (outcome.status === "interrupted") return line(`${head} ${why}`);
        // An optional command's failure is said too, but the ritual goes on.
        if (!step.optional) return line(`${head} ${why}${said ? `: ${said}` : ""}`);
        last = why;
      }
    }
  } finally {
    Deno.removeSignalListener("SIGINT", onInt);
  }
  return last ? line(`${head} ${last}`) : undefined;
}

function failure(outcome: StepOutcome): string {
  if (outcome.status === "timed-out") return outcome.message ?? "timed out";
  if (outcome.status === "interrupted") return "interrupted";
  return `failed${outcome.exitCode === null ? "" : ` (exit ${outcome.exitCode})`}`;
}

function lastLine(output: string): string {
  const lines = output.split(/\r?\n/).map((l) => printable(l).trim()).filter((l) => l !== "");
  return lines.at(-1) ?? "";
}

function line(text: string): string {
  return visible(shortenValue(text.replace(/\s+/g, " "), LINE_MAX));
}

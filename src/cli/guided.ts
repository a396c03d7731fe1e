/**
 * `rune init --guided`: the questions, their defaults and the check of each answer. A wrong
 * answer is said back with what to write, and the question asked again. The flow talks only
 * to a Prompter, so it is tested without a terminal.
 */
import { parseDetectRule } from "../project/mod.ts";
import type { Prompter } from "./prompt.ts";
import { STARTER_NAMES } from "./starter_names.ts";

export interface GuidedDefaults {
  project: string;
  detect: string;
  /** The starter to suggest; undefined asks no starter question (`--project`). */
  starter?: string;
}

export interface GuidedAnswers {
  project: string;
  detect: string;
  starter?: string;
}

type Check = { ok: true; value: string } | { ok: false; problem: string };

/** The answers, or undefined when input ended (Ctrl-D) before the last one. */
export async function askGuided(
  prompter: Prompter,
  defaults: GuidedDefaults,
  home: string | undefined,
): Promise<GuidedAnswers | undefined> {
  const project = await askUntilValid(
    prompter,
    `Project name [${defaults.project}]: `,
    defaults.project,
    checkProjectName,
  );
  if (project === undefined) return undefined;
  prompter.say(
    "How rune recognises it here: a file (package.json), dir:~/path, git:NAME, " +
      "git-remote:PATTERN or env:VAR",
  );
  const detect = await askUntilValid(
    prompter,
    `Detect rule [${defaults.detect}]: `,
    defaults.detect,
    (answer) => checkDetectRule(answer, home),
  );
  if (detect === undefined) return undefined;
  if (defaults.starter === undefined) return { project, detect };
  const starter = await askUntilValid(
    prompter,
    `Starter (${STARTER_NAMES.join(", ")}) [${defaults.starter}]: `,
    defaults.starter,
    checkStarter,
  );
  return starter === undefined ? undefined : { project, detect, starter };
}

async function askUntilValid(
  prompter: Prompter,
  question: string,
  fallback: string,
  check: (answer: string) => Check,
): Promise<string | undefined> {
  for (;;) {
    const answer = await prompter.ask(question);
    if (answer === undefined) return undefined;
    const verdict = check(answer.trim() || fallback);
    if (verdict.ok) return verdict.value;
    prompter.say(`  ${verdict.problem}`);
  }
}

export function checkProjectName(answer: string): Check {
  if (/^[a-z0-9][a-z0-9_-]{0,63}$/.test(answer)) return { ok: true, value: answer };
  const key = answer.toLowerCase().replace(/[^a-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "")
    .slice(0, 64);
  return {
    ok: false,
    problem: `Cannot use "${answer}" as a project name: use lowercase letters, digits, - and _` +
      (key ? ` (e.g. ${key})` : ""),
  };
}

export function checkDetectRule(answer: string, home: string | undefined): Check {
  const parsed = parseDetectRule(answer, home);
  return parsed.ok
    ? { ok: true, value: answer }
    : { ok: false, problem: `Cannot use the rule "${answer}": ${parsed.problem}. ${parsed.hint}` };
}

export function checkStarter(answer: string): Check {
  return (STARTER_NAMES as readonly string[]).includes(answer)
    ? { ok: true, value: answer }
    : { ok: false, problem: `There is no starter "${answer}": write ${STARTER_NAMES.join(", ")}` };
}

/**
 * `rune start B` while A's work session is open: what rune does, decided purely from the open
 * session, the setting (`settings.tracking.on_switch`), `--yes` and whether a person is at a
 * terminal. Without a terminal rune never asks: a script gets a refusal that names `--yes`.
 */
import { errorIssue, type Issue } from "../base/mod.ts";
import { formatDuration } from "./format.ts";
import { formatWhen, type WorkSession } from "./model.ts";
import { elapsed } from "./arithmetic.ts";

/** settings.tracking.on_switch; "ask" when not set. */
export type SwitchPolicy = "ask" | "stop" | "refuse";

export type SwitchDecision =
  /** Nothing is open: start. */
  | { kind: "start" }
  /** The same project is open: run its rituals, keep its session. */
  | { kind: "continue"; open: WorkSession }
  /** Run the open project's stop ritual, close its session, then start. */
  | { kind: "stop-first"; open: WorkSession }
  /** Ask the person at the terminal; yes means stop-first. */
  | { kind: "ask"; open: WorkSession; question: string }
  | { kind: "refuse"; issue: Issue };

export interface SwitchFacts {
  policy?: SwitchPolicy;
  /** --yes: the answer to the question, given in advance. */
  yes: boolean;
  /** stdin and stderr are terminals: a question can be asked and answered. */
  terminal: boolean;
  now: number;
  timeZone?: string;
}

export function decideSwitch(
  open: WorkSession | undefined,
  project: string,
  facts: SwitchFacts,
): SwitchDecision {
  if (!open) return { kind: "start" };
  if (open.project === project) return { kind: "continue", open };
  const since = formatWhen(open.start, facts.now, facts.timeZone);
  const policy = facts.policy ?? "ask";
  const problem = `Cannot start "${project}": "${open.project}" is open since ${since}`;
  if (policy === "refuse") {
    return {
      kind: "refuse",
      issue: errorIssue("session-open", problem, {
        hint: `Stop it first with "rune stop" (settings.tracking.on_switch is "refuse")`,
      }),
    };
  }
  if (policy === "stop" || facts.yes) return { kind: "stop-first", open };
  if (facts.terminal) {
    const worked = formatDuration(elapsed(open, facts.now));
    return {
      kind: "ask",
      open,
      question: `"${open.project}" is open since ${since} (${worked}). Stop it (its stop ` +
        `ritual runs) and start "${project}"? [y/N] `,
    };
  }
  return {
    kind: "refuse",
    issue: errorIssue("session-open", problem, {
      hint: `Pass --yes to stop "${open.project}" first (its stop ritual runs), run "rune stop", ` +
        `or set settings.tracking.on_switch: stop`,
    }),
  };
}

/** A typed answer: "y" or "yes" in any case; anything else, an empty line included, is no. */
export function isYes(answer: string | undefined): boolean {
  return /^\s*y(es)?\s*$/i.test(answer ?? "");
}

/**
 * What the shell hook does on a change of directory, decided from plain facts: which
 * variables the shell gets (the project here, the open work session), and whether the
 * previous project is left and this one entered. Pure; the action (actions/hook_env.ts)
 * gathers the facts and acts.
 */
import type { EnvChange } from "../shell/mod.ts";
import type { WorkSession } from "../tracking/mod.ts";

export interface HookPlace {
  name: string;
  dir: string;
}

export interface HookFacts {
  /** The project of the current directory, when the config knows it. */
  here?: HookPlace;
  /** What the shell had: $RUNE_PROJECT and $RUNE_PROJECT_DIR. */
  previous?: HookPlace;
  /** The open work session, if any. */
  session?: WorkSession;
  /** settings.hooks.enter_leave */
  enterLeave: boolean;
}

export interface HookDecision {
  env: EnvChange[];
  leave?: HookPlace;
  enter?: HookPlace;
}

/** Every variable the hook owns, in the order it prints them. */
export const HOOK_VARIABLES = [
  "RUNE_PROJECT",
  "RUNE_PROJECT_DIR",
  "RUNE_SESSION_PROJECT",
  "RUNE_SESSION_START",
  "RUNE_SESSION_PAUSED",
  "RUNE_SESSION_PAUSED_SECONDS",
] as const;

export function decideHook(facts: HookFacts): HookDecision {
  const { here, previous, session } = facts;
  const openPause = session?.pauses.at(-1)?.end === undefined ? session?.pauses.at(-1) : undefined;
  let closedPauses = 0;
  for (const p of session?.pauses ?? []) {
    if (p.end !== undefined) closedPauses += Math.max(0, p.end - p.start);
  }
  const seconds = (ms: number) => String(Math.floor(ms / 1000));
  const env: EnvChange[] = [
    ["RUNE_PROJECT", here?.name],
    ["RUNE_PROJECT_DIR", here?.dir],
    ["RUNE_SESSION_PROJECT", session?.project],
    ["RUNE_SESSION_START", session ? seconds(session.start) : undefined],
    ["RUNE_SESSION_PAUSED", openPause ? seconds(openPause.start) : undefined],
    ["RUNE_SESSION_PAUSED_SECONDS", session ? seconds(closedPauses) : undefined],
  ];
  const moved = previous?.name !== here?.name || previous?.dir !== here?.dir;
  if (!facts.enterLeave || !moved) return { env };
  return {
    env,
    ...(previous ? { leave: previous } : {}),
    ...(here ? { enter: here } : {}),
  };
}

/** $RUNE_PROJECT and $RUNE_PROJECT_DIR as the shell has them (both, or none). */
export function previousPlace(env: Readonly<Record<string, string | undefined>>) {
  const name = env.RUNE_PROJECT;
  const dir = env.RUNE_PROJECT_DIR;
  return name && dir ? { name, dir } : undefined;
}

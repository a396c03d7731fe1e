/**
 * `rune doctor` on work sessions: the store's health (SQLite's integrity check and rune's own
 * invariants, e.g. after a process was killed mid-write) and, once, Rune's keys that rune reads
 * and checks but does nothing with. Pure: facts → checks.
 */
import type { Check } from "./checks.ts";

export type StoreFact =
  | { state: "ok"; path: string; sessions: number; schemaVersion: number; warnings: string[] }
  | { state: "damaged"; path: string; problems: string[]; fix?: string }
  /** No session recorded yet: the file is made by the first `rune start`. */
  | { state: "none"; path: string }
  | { state: "unchecked" };

/** Rune's settings that rune accepts and checks but gives no effect (no timers, no network). */
const IDLE_SETTINGS = ["work_hours", "break_interval", "idle_threshold", "notifications"];

/** The keys of `config` rune does nothing with, as dotted paths, in a fixed order. */
export function ignoredKeys(config: {
  settings?: Record<string, unknown> | null;
  integrations?: unknown;
}): string[] {
  const settings = config.settings ?? {};
  const out = IDLE_SETTINGS.filter((k) => settings[k] !== undefined && settings[k] !== null)
    .map((k) => `settings.${k}`);
  const integrations = config.integrations;
  if (integrations && typeof integrations === "object") {
    out.push(...Object.keys(integrations).map((k) => `integrations.${k}`));
  } else if (integrations !== undefined && integrations !== null) out.push("integrations");
  return out;
}

export function storeCheck(fact: StoreFact): Check {
  const name = "work sessions";
  switch (fact.state) {
    case "ok":
      return {
        name,
        status: fact.warnings.length ? "warn" : "ok",
        detail: `${fact.sessions} session${fact.sessions === 1 ? "" : "s"} in ${fact.path} ` +
          `(schema ${fact.schemaVersion}, integrity ok)` +
          (fact.warnings.length ? `; ${fact.warnings.join("; ")}` : ""),
        ...(fact.warnings.length ? { fix: "see the warnings above" } : {}),
      };
    case "none":
      return {
        name,
        status: "ok",
        detail: `none recorded yet (${fact.path} is made by rune start)`,
      };
    case "damaged":
      return {
        name,
        status: "fail",
        detail: fact.problems.join("; "),
        ...(fact.fix ? { fix: fact.fix } : {}),
      };
    case "unchecked":
      return {
        name,
        status: "warn",
        detail: "not checked: the store needs the read, write and env permissions",
        fix: "grant them (see permissions below)",
      };
  }
}

/** What the CLI gathers for these checks. */
export interface TrackingFacts {
  store: StoreFact;
  /** `ignoredKeys` of the loaded config; empty when none loaded. */
  ignored: string[];
}

/** The store's check, then the ignored keys' (only when there are any). */
export function trackingChecks(facts: TrackingFacts): Check[] {
  const ignored = ignoredCheck(facts.ignored);
  return [storeCheck(facts.store), ...(ignored ? [ignored] : [])];
}

/** One line for every key rune ignores, or none when there is nothing to say. */
export function ignoredCheck(keys: readonly string[]): Check | undefined {
  if (keys.length === 0) return undefined;
  const settings = keys.filter((k) => k.startsWith("settings."));
  const integrations = keys.filter((k) => !k.startsWith("settings."));
  const parts = [
    ...(settings.length
      ? [
        `${settings.join(", ")}: read and checked; rune has no timers, reminders or ` +
        "notifications, so they change nothing",
      ]
      : []),
    ...(integrations.length
      ? [
        `${integrations.join(", ")}: off; rune has no network permission (no Slack, ` +
        "calendar, Git hosting or telemetry)",
      ]
      : []),
  ];
  return {
    name: "Rune's keys",
    status: "warn",
    detail: parts.join("; "),
    fix: "nothing to do: Go Rune still reads them; rune keeps and ignores them",
  };
}

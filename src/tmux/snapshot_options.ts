/**
 * The options set on a session or window that differ from the server's: the calls that read
 * them and the parsers of their output. Pure. `show-options` lists what is set on a target,
 * quoting each value for tmux's parser; two values are the same exactly when their quoted
 * texts are, so that decides "differs". A quoted value is then read back unquoted as a format
 * (`#{n:NAME}:#{NAME}` yields an option's raw value, length-prefixed like the pane rows), and a
 * value made only of plain characters is taken as it stands.
 */
import { ENV_OPTION, PROJECT_OPTION } from "./build.ts";
import { packCommands } from "./pack.ts";
import { readFields } from "./snapshot_panes.ts";

/** Printed between the sections of the options call: no option line starts with "=". */
const SECTION = "=rune=";

/** What the build sets itself, and is never restored as an option. */
const MANAGED = new Set([PROJECT_OPTION, ENV_OPTION, "@rune-autosave", "default-size"]);

/** Option names a format can look up: `name`, `@name`, `name[3]`. */
const LOOKUP_NAME = /^@?[A-Za-z0-9_-]+(\[\d+\])?$/;

/** A value tmux prints unquoted, exactly as it is. */
const PLAIN_VALUE = /^[A-Za-z0-9_@,.:=+/-]+$/;

export interface OptionTargets {
  /** Session ids ("$3") and, for each, its window ids ("@7"). */
  sessions: { id: string; windows: string[] }[];
}

/**
 * The server's session and window options, then what is set on each session and each window,
 * in that order, each section ended by a SECTION line: one call unless tmux's message limit
 * needs more (their output read as one text).
 */
export function optionsArgv(socket: readonly string[], targets: OptionTargets): string[][] {
  const groups: string[][][] = [];
  const section = (show: string[], target?: string) => {
    groups.push([show, ["display-message", "-p", ...(target ? ["-t", target] : []), SECTION]]);
  };
  const first = targets.sessions[0]?.id;
  section(["show-options", "-g"], first);
  section(["show-options", "-g", "-w"], first);
  for (const s of targets.sessions) {
    section(["show-options", "-t", s.id], s.id);
    for (const w of s.windows) section(["show-options", "-w", "-t", w], w);
  }
  return packCommands(socket, groups);
}

/** An options section: option name → its value as show-options quotes it. */
export type QuotedOptions = Map<string, string>;

/** The sections of the options call's output, or undefined when there are not `count`. */
export function parseOptionSections(text: string, count: number): QuotedOptions[] | undefined {
  const sections: QuotedOptions[] = [];
  let current: QuotedOptions = new Map();
  for (const line of text.split("\n")) {
    if (line === SECTION) {
      sections.push(current);
      current = new Map();
      continue;
    }
    const space = line.indexOf(" ");
    if (space > 0) current.set(line.slice(0, space), line.slice(space + 1));
  }
  return sections.length === count ? sections : undefined;
}

/** What is set locally and differs from the server's, rune's own marks left out. */
export function differing(local: QuotedOptions, server: QuotedOptions): QuotedOptions {
  const out: QuotedOptions = new Map();
  for (const [name, quoted] of local) {
    if (MANAGED.has(name) || !LOOKUP_NAME.test(name)) continue;
    if (server.get(name) !== quoted) out.set(name, quoted);
  }
  return out;
}

/** The values that can be taken as printed, and the names to read back from tmux. */
export function splitPlain(options: QuotedOptions): {
  plain: Record<string, string>;
  lookup: string[];
} {
  const plain: Record<string, string> = {};
  const lookup: string[] = [];
  for (const [name, quoted] of options) {
    if (PLAIN_VALUE.test(quoted) && !quoted.startsWith("~")) plain[name] = quoted;
    else lookup.push(name);
  }
  return { plain, lookup };
}

/** The calls (usually one) that print, for each target, the raw values of `names`. */
export function valuesArgv(
  socket: readonly string[],
  lookups: readonly { target: string; names: readonly string[] }[],
): string[][] {
  const groups = lookups.map(({ target, names }) => [[
    "display-message",
    "-p",
    "-t",
    target,
    names.map((n) => `#{n:${n}}:#{${n}}`).join("\t"),
  ]]);
  return packCommands(socket, groups);
}

/** The values call's output → one record per lookup, or undefined when it does not read. */
export function parseValues(
  text: string,
  lookups: readonly { target: string; names: readonly string[] }[],
): Record<string, string>[] | undefined {
  const out: Record<string, string>[] = [];
  let at = 0;
  for (const { names } of lookups) {
    const read = readFields(text, at, names.length, { sep: "\t", end: "\n" });
    if (!read) return undefined;
    out.push(Object.fromEntries(names.map((n, i) => [n, read.values[i]])));
    at = read.next;
  }
  return at === text.length ? out : undefined;
}

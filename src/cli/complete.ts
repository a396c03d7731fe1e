/**
 * What to offer for the word being typed, read off the ONE command tree (tree.ts) the way
 * parse.ts reads argv: subcommands, options (a group's and the global ones), an option's or an
 * argument's values. Names that live in the config or on the tmux server come back as a
 * source for the caller to fill in (`rune __complete` does). Pure.
 */
import { GLOBAL_OPTIONS } from "./parse.ts";
import { optionShape } from "./spec.ts";
import type { ArgSpec, CommandSpec, OptionShape, OptionSpec } from "./spec.ts";

/** The shells `rune completion` writes a script for. */
export const COMPLETION_SHELLS = ["bash", "zsh", "fish"] as const;

export type DynamicSource = "project" | "template" | "session";

export interface Candidate {
  word: string;
  /** Shown beside the word by zsh and fish. */
  description?: string;
}

export type Completion =
  | { kind: "words"; candidates: Candidate[] }
  /** Names from the config or the tmux server, starting with `prefix`. */
  | { kind: "dynamic"; source: DynamicSource; prefix: string }
  /** File names: the shell completes them itself. */
  | { kind: "files" }
  | { kind: "none" };

export interface CompletionRequest {
  completion: Completion;
  /** Values of the value options typed so far, by key (`config`, `socket`, `socketPath`). */
  given: Record<string, string>;
}

interface Known {
  spec: OptionSpec;
  shape: OptionShape;
}

/**
 * `words`: the command line after `rune`, the last one being the word under the cursor ("" for
 * a new word).
 */
export function completeWords(root: CommandSpec, words: readonly string[]): CompletionRequest {
  let command = root;
  const chain: CommandSpec[] = [root];
  const given: Record<string, string> = {};
  let positionals = 0;
  let dashDash = false;
  const last = words.length - 1;
  const done = (completion: Completion): CompletionRequest => ({ completion, given });

  for (let i = 0; i < last; i++) {
    const token = words[i];
    if (dashDash || token === "-" || !token.startsWith("-")) {
      if (!dashDash && command.commands?.length && positionals === 0) {
        const sub = command.commands.find((c) => c.name === token);
        if (!sub) return done({ kind: "none" });
        command = sub;
        chain.push(sub);
        continue;
      }
      positionals++;
      continue;
    }
    if (token === "--") {
      dashDash = true;
      continue;
    }
    const known = knownOptions(chain);
    if (token.startsWith("--")) {
      const eq = token.indexOf("=");
      const opt = known.find((k) => k.shape.long === token.slice(2, eq < 0 ? undefined : eq));
      if (!opt?.shape.value) continue;
      if (eq >= 0) given[opt.shape.key] = token.slice(eq + 1);
      else if (i + 1 === last) return done(valueOf(opt.spec, words[last]));
      else given[opt.shape.key] = words[++i];
      continue;
    }
    for (let j = 1; j < token.length; j++) {
      const opt = known.find((k) => k.shape.short === token[j]);
      if (!opt?.shape.value) continue;
      const rest = token.slice(j + 1);
      if (rest) given[opt.shape.key] = rest;
      else if (i + 1 === last) return done(valueOf(opt.spec, words[last]));
      else given[opt.shape.key] = words[++i];
      break;
    }
  }

  const current = words[last] ?? "";
  if (!dashDash && current.startsWith("-")) {
    return done(matching(
      knownOptions(chain).map((k) => ({
        word: `--${k.shape.long}`,
        description: k.spec.description,
      })),
      current,
    ));
  }
  if (!dashDash && command.commands?.length && positionals === 0) {
    return done(matching(
      command.commands.filter((c) => !c.hidden).map((c) => ({
        word: c.name,
        description: c.summary,
      })),
      current,
    ));
  }
  const args = command.args ?? [];
  const arg = args[positionals] ?? (args.at(-1)?.variadic ? args.at(-1) : undefined);
  return done(arg ? argValues(arg, current) : { kind: "none" });
}

function valueOf(spec: OptionSpec, current: string): Completion {
  if (spec.choices) return matching(spec.choices.map((word) => ({ word })), current);
  return spec.complete ? bySource(spec.complete, current) : { kind: "none" };
}

function argValues(arg: ArgSpec, current: string): Completion {
  if (arg.choices) return matching(arg.choices.map((word) => ({ word })), current);
  return arg.complete ? bySource(arg.complete, current) : { kind: "none" };
}

function bySource(source: NonNullable<ArgSpec["complete"]>, prefix: string): Completion {
  switch (source) {
    case "project":
    case "template":
    case "session":
      return { kind: "dynamic", source, prefix };
    case "shell":
      return matching(COMPLETION_SHELLS.map((word) => ({ word })), prefix);
    case "file":
      return { kind: "files" };
  }
}

function matching(candidates: Candidate[], prefix: string): Completion {
  return { kind: "words", candidates: candidates.filter((c) => c.word.startsWith(prefix)) };
}

/** The chosen command's options, its groups' options, then the global ones (as parse.ts). */
function knownOptions(chain: readonly CommandSpec[]): Known[] {
  const seen = new Set<string>();
  return [...[...chain].reverse().flatMap((c) => c.options ?? []), ...GLOBAL_OPTIONS]
    .map((spec) => ({ spec, shape: optionShape(spec) }))
    .filter((k) => !seen.has(k.shape.long) && Boolean(seen.add(k.shape.long)));
}

/** The lines `rune __complete` prints: `word<TAB>description`, then `:files` when wanted. */
export function completionLines(candidates: readonly Candidate[], files = false): string {
  const lines = candidates.map((c) =>
    c.description ? `${c.word}\t${c.description.replace(/\s+/g, " ")}` : c.word
  );
  if (files) lines.push(":files");
  return lines.length ? `${lines.join("\n")}\n` : "";
}

/**
 * Every `rune …` command that a hint, fix, help text or message in src/ names exists in the
 * command tree (src/cli/tree.ts), with the options it names: a hint that sends a person to a
 * command that does not exist (`rune init`, before it does) fails here.
 */
import { deepStrictEqual, ok } from "node:assert/strict";
import { ROOT } from "../../src/cli/tree.ts";
import { GLOBAL_OPTIONS } from "../../src/cli/parse.ts";
import { optionShape } from "../../src/cli/spec.ts";
import type { CommandSpec } from "../../src/cli/spec.ts";
import { stringLiterals } from "../helpers/string_literals.ts";

const SRC = new URL("../../src", import.meta.url).pathname;

/**
 * Words that follow "rune" in prose ("rune cannot quote its value there"), never command
 * names. A new sentence may add one; a new command belongs in the tree instead.
 */
const PROSE = new Set([
  "built",
  "by",
  "cannot",
  "does",
  "escapes",
  "from",
  "got",
  "ignores",
  "knows",
  "made",
  "may",
  "needs",
  "on",
  "or",
  "reads",
  "runs",
  "supports",
  "switches",
  "warns",
  "would",
  "writes",
]);

interface Mention {
  file: string;
  line: number;
  words: string[];
}

function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of Deno.readDirSync(dir)) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory) files.push(...sourceFiles(path));
    else if (entry.name.endsWith(".ts")) files.push(path);
  }
  return files.sort();
}

function mentions(): Mention[] {
  const found: Mention[] = [];
  for (const file of sourceFiles(SRC)) {
    for (const literal of stringLiterals(Deno.readTextFileSync(file))) {
      // A command is named where a person is sent to it: quoted or in backticks inside a text,
      // or after "run", "with", "try", "fix:" or "hint:" ("see them with: rune config validate");
      // elsewhere "rune" is prose ("Cannot import it: rune has no equivalent").
      const named = /(?:[`"']|\b(?:[Rr]un|with|try|fix|hint):? )rune((?: (?:--?)?[a-z][a-z-]*)+)/g;
      for (const m of literal.text.matchAll(named)) {
        found.push({
          file: file.slice(SRC.length + 1),
          line: literal.line,
          words: m[1].split(" ").slice(1),
        });
      }
    }
  }
  return found;
}

/** The options of a command, of the groups above it (they hold for it too) and global ones. */
function optionNames(chain: readonly CommandSpec[]): Set<string> {
  const names = new Set<string>();
  for (const spec of [...GLOBAL_OPTIONS, ...chain.flatMap((c) => c.options ?? [])]) {
    const shape = optionShape(spec);
    names.add(`--${shape.long}`);
    if (shape.short) names.add(`-${shape.short}`);
  }
  return names;
}

/** What is wrong with one mention, or undefined when it names a command of the tree. */
function problem(words: string[]): string | undefined {
  let node = ROOT;
  const chain = [ROOT];
  let i = 0;
  for (; i < words.length && !words[i].startsWith("-"); i++) {
    const child = node.commands?.find((c) => c.name === words[i]);
    if (child) {
      node = child;
      chain.push(child);
      continue;
    }
    if (!node.commands?.length) break; // an argument of a leaf command: `rune start web`
    if (PROSE.has(words[i])) return undefined;
    return `"${words[i]}" is not a command of "${["rune", ...words.slice(0, i)].join(" ")}"`;
  }
  const known = optionNames(chain);
  const unknown = words.slice(i).filter((w) => w.startsWith("-") && !known.has(w));
  return unknown.length ? `${unknown.join(", ")} is not an option of it` : undefined;
}

Deno.test("every rune command named in src/ exists in the command tree", () => {
  const all = mentions();
  ok(all.length > 30, `found only ${all.length} mentions: the scan is broken`);
  const wrong = all
    .map((m) => ({ m, why: problem(m.words) }))
    .filter((x) => x.why)
    .map(({ m, why }) => `src/${m.file}:${m.line}: "rune ${m.words.join(" ")}": ${why}`);
  deepStrictEqual(wrong, []);
});

Deno.test("the check finds commands and options that do not exist", () => {
  deepStrictEqual(
    [["frobnicate"], ["config", "check"], ["stop", "--kill-everything"], ["start", "web", "-n"]]
      .map(
        problem,
      ),
    [
      '"frobnicate" is not a command of "rune"',
      '"check" is not a command of "rune config"',
      "--kill-everything is not an option of it",
      undefined,
    ],
  );
});

Deno.test("stringLiterals() skips comments and regular expressions", () => {
  const source = [
    "// rune init in a comment",
    "/* rune init */ const a = 'rune start'; const r = /rune init['\"]/g;",
    'const t = `rune ${x ? "config" : `ritual ${y}`} list`; const d = a / 2; // "x"',
  ].join("\n");
  deepStrictEqual(stringLiterals(source).map((l) => [l.text, l.line]), [
    ["rune start", 2],
    ["config", 3],
    ["ritual \u0000", 3],
    ["rune \u0000 list", 3],
  ]);
});

/**
 * Config text → YAML document, plain data and every YAML-level problem: syntax errors, more
 * than one document, duplicate keys (both places named), aliases to missing anchors and alias
 * bombs. Pure. Merge keys (`<<: *defaults`) are resolved, as Rune's configs use them.
 */
import { isAlias, isScalar, LineCounter, parseDocument, visit } from "yaml";
import type { Document } from "yaml";
import { errorIssue, warningIssue } from "../base/mod.ts";
import type { Issue } from "../base/mod.ts";
import { makeLocator } from "./positions.ts";
import type { Locator } from "./positions.ts";

export interface ReadYaml {
  doc: Document;
  /** The data, merges and aliases resolved; undefined when the YAML could not be read. */
  data: unknown;
  where: Locator;
  issues: Issue[];
}

/** What to do about each of the YAML library's error codes. */
const SYNTAX_HINTS: Record<string, string> = {
  TAB_AS_INDENT: "Indent with spaces, not tabs",
  BAD_INDENT: "Line this up with its siblings, and close any [ or { opened above",
  BLOCK_AS_IMPLICIT_KEY: "Put the nested key on its own line, indented, or quote a value " +
    'that contains ": "',
  MULTILINE_IMPLICIT_KEY: 'Indent the line under its key, or quote a value that contains ": "',
  MISSING_CHAR: "Close the quote or bracket that is opened before this point",
  MULTIPLE_DOCS: "Keep one YAML document in the config: remove the second `---`",
  UNEXPECTED_TOKEN: "Check the indentation of this line against the lines above it",
};

export function readYaml(text: string, file: string): ReadYaml {
  const lines = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter: lines,
    merge: true,
    prettyErrors: false,
    // Duplicates are found below, where both places can be named.
    uniqueKeys: false,
  });
  const where = makeLocator(doc, lines, file);
  const issues: Issue[] = [];
  const seenLines = new Set<number>();
  for (const e of doc.errors) {
    const at = where.at(e.pos[0]);
    // One parse error cascades into several on the same line; the first says it best.
    if (seenLines.has(at.line)) continue;
    seenLines.add(at.line);
    issues.push(errorIssue("yaml-syntax", `Cannot read the YAML: ${e.message.split("\n")[0]}`, {
      where: at,
      hint: SYNTAX_HINTS[e.code] ?? "Fix the YAML syntax at this point",
    }));
  }
  for (const w of doc.warnings) {
    issues.push(warningIssue("yaml-warning", `YAML: ${w.message.split("\n")[0]}`, {
      where: where.at(w.pos[0]),
      hint: "rune reads the value as plain text",
    }));
  }
  if (issues.some((i) => i.severity === "error")) {
    return { doc, data: undefined, where, issues };
  }
  issues.push(...duplicateKeys(doc, where), ...missingAnchors(doc, where));
  if (issues.some((i) => i.code === "yaml-syntax")) return { doc, data: undefined, where, issues };
  try {
    return { doc, data: doc.toJS({ maxAliasCount: 1000 }), where, issues };
  } catch (e) {
    issues.push(errorIssue("yaml-syntax", `Cannot read the YAML: ${(e as Error).message}`, {
      where: where.at(0),
      hint: "Use fewer nested aliases (*name)",
    }));
    return { doc, data: undefined, where, issues };
  }
}

function duplicateKeys(doc: Document, where: Locator): Issue[] {
  const issues: Issue[] = [];
  visit(doc, {
    Map(_, map) {
      const first = new Map<string, number>();
      for (const pair of map.items) {
        if (!isScalar(pair.key) || !pair.key.range) continue;
        // Several merge keys are how YAML 1.1 merges several maps (yaml marks them with a symbol).
        if (typeof pair.key.value === "symbol" || pair.key.value === "<<") continue;
        const name = String(pair.key.value);
        const earlier = first.get(name);
        if (earlier === undefined) {
          first.set(name, pair.key.range[0]);
          continue;
        }
        const e = where.at(earlier);
        issues.push(errorIssue(
          "duplicate-key",
          `Cannot use the key "${name}" twice in one map: it is already set at line ${e.line}, ` +
            `column ${e.column}`,
          { where: where.at(pair.key.range[0]), hint: `Remove one of the two "${name}" keys` },
        ));
      }
    },
  });
  return issues;
}

function missingAnchors(doc: Document, where: Locator): Issue[] {
  const issues: Issue[] = [];
  visit(doc, {
    Alias(_, alias) {
      if (isAlias(alias) && alias.resolve(doc) === undefined) {
        issues.push(errorIssue(
          "yaml-syntax",
          `Cannot read the YAML: the alias "*${alias.source}" names no anchor defined before it`,
          {
            where: where.at(alias.range?.[0] ?? 0),
            hint: `Define "&${alias.source}" on a value above this line, or fix the name`,
          },
        ));
      }
    },
  });
  return issues;
}

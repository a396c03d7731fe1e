/**
 * Config text → YAML document, plain data and every YAML-level problem, cheapest check first
 * so no file can take rune's memory or time: the size (before anything is parsed), the depth
 * of nesting (one lexer pass, before the recursive parser), syntax errors (the root cause
 * once, at its real place), more than one document, duplicate keys (both places named),
 * aliases (missing, recursive, too many, multiplying the config) and tags outside YAML's core
 * schema. Pure. Merge keys (`<<: *defaults`) are resolved, as Rune's configs use them.
 */
import { isScalar, LineCounter, parseDocument, visit } from "yaml";
import type { Document } from "yaml";
import { errorIssue, formatBytes, shortenValue, utf8Length, warningIssue } from "../base/mod.ts";
import type { Issue } from "../base/mod.ts";
import { makeLocator } from "./positions.ts";
import type { Locator } from "./positions.ts";
import { CONFIG_LIMITS, MAX_BYTES_VARIABLE, maxConfigValues, tooLargeIssue } from "./limits.ts";
import { scanYaml } from "./yaml_scan.ts";
import { syntaxIssue } from "./yaml_syntax.ts";
import { nodeIssues } from "./yaml_nodes.ts";

export interface ReadYaml {
  doc: Document;
  /** The data, merges and aliases resolved; undefined when the YAML could not be read. */
  data: unknown;
  where: Locator;
  issues: Issue[];
}

export interface ReadYamlOptions {
  /** The size limit in bytes (default CONFIG_LIMITS.maxBytes; RUNE_CONFIG_MAX_BYTES raises it). */
  maxBytes?: number;
}

/** Codes of issues after which the document cannot become data. */
const UNREADABLE = new Set(["yaml-syntax", "yaml-limit", "config-too-large"]);

export function readYaml(text: string, file: string, options: ReadYamlOptions = {}): ReadYaml {
  const maxBytes = options.maxBytes ?? CONFIG_LIMITS.maxBytes;
  // bytes >= characters, and at most 3 per UTF-16 unit: count only when it can matter.
  if (text.length > maxBytes || (text.length * 3 > maxBytes && utf8Length(text) > maxBytes)) {
    return unparsed(text, file, () => tooLargeIssue(file, utf8Length(text), maxBytes));
  }
  const maxValues = maxConfigValues(maxBytes);
  const scan = scanYaml(text, { maxDepth: CONFIG_LIMITS.maxDepth, maxValues });
  const { tooDeep, tooMany } = scan;
  if (tooDeep !== undefined) {
    return unparsed(text, file, (where) =>
      errorIssue(
        "yaml-limit",
        `Cannot read the YAML: it nests deeper than ${CONFIG_LIMITS.maxDepth} levels here`,
        { where: where.at(tooDeep), hint: "Close the [ and { opened above, or nest less" },
      ));
  }
  if (tooMany !== undefined) {
    return unparsed(text, file, (where) =>
      errorIssue(
        "yaml-limit",
        `Cannot read the YAML: it holds more than ${maxValues.toLocaleString("en-US")} values ` +
          `(keys, values and list items), the most rune reads from a config of at most ` +
          formatBytes(maxBytes),
        {
          where: where.at(tooMany),
          hint: `Shorten the file, or raise both limits: ${MAX_BYTES_VARIABLE}=${
            maxBytes * 4
          } rune … (one value per 12 bytes)`,
        },
      ));
  }

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
  const syntax = syntaxIssue(doc.errors, text, where.at, scan.unclosedQuotes);
  if (syntax) issues.push(syntax);
  for (const w of doc.warnings) {
    if (w.code === "TAG_RESOLVE_FAILED") continue; // every tag outside the core is an error below
    issues.push(warningIssue("yaml-warning", `YAML: ${w.message.split("\n")[0]}`, {
      where: where.at(w.pos[0]),
      hint: "rune reads the value as plain text",
    }));
  }
  if (syntax) return { doc, data: undefined, where, issues };
  issues.push(...duplicateKeys(doc, where), ...nodeIssues(doc, text, where));
  if (issues.some((i) => UNREADABLE.has(i.code))) return { doc, data: undefined, where, issues };
  // Aliases were counted and bounded above (nodeIssues); yaml's own count is not located.
  return { doc, data: doc.toJS({ maxAliasCount: -1 }), where, issues };
}

/** The result for a text that was refused before it was parsed: lines counted, nothing else. */
function unparsed(text: string, file: string, issue: (where: Locator) => Issue): ReadYaml {
  const doc = parseDocument("");
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lines.addNewLine(i + 1);
  const where = makeLocator(doc, lines, file);
  return { doc, data: undefined, where, issues: [issue(where)] };
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
        const name = shortenValue(String(pair.key.value));
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

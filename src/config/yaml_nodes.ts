/**
 * One walk over the parsed YAML document, before it becomes data, in file order: every alias
 * must name an anchor defined before it and outside its own value, aliases may not multiply
 * the config (a billion-laughs bomb is refused at the alias that crosses the limit, not at
 * 1:1), and no value may carry a tag outside YAML's core schema (`!shell`, `!!js/function`,
 * `!!python/object/apply:…`, `!<…>`, `!env`, also `!!binary`, `!!set`, `!!timestamp`, which
 * would make values rune never checks). Linear in the document; its depth is bounded by
 * the scan before parsing. Pure.
 */
import { isAlias, isCollection, isPair } from "yaml";
import type { Document } from "yaml";
import { errorIssue } from "../base/mod.ts";
import type { Issue } from "../base/mod.ts";
import type { Locator } from "./positions.ts";
import { CONFIG_LIMITS } from "./limits.ts";

/** YAML 1.2's core schema, and the non-specific tag `!` (a plain string, map or list). */
const CORE_TAGS = new Set(
  ["str", "int", "float", "bool", "null", "map", "seq"].map((t) => `tag:yaml.org,2002:${t}`)
    .concat("!"),
);

type Size = number | "open";

export function nodeIssues(doc: Document, text: string, where: Locator): Issue[] {
  const issues: Issue[] = [];
  const anchors = new Map<string, Size>();
  let aliases = 0;
  let added = 0;
  let stopped = false;
  const stop = (issue: Issue) => {
    issues.push(issue);
    stopped = true;
  };

  // deno-lint-ignore no-explicit-any
  const size = (node: any): number => {
    if (stopped || node === null || typeof node !== "object") return 1;
    const start = node.range?.[0] ?? 0;
    if (isAlias(node)) {
      const name = node.source;
      if (++aliases > CONFIG_LIMITS.maxAliases) {
        stop(errorIssue(
          "yaml-limit",
          `Cannot read the YAML: "*${name}" is alias number ${CONFIG_LIMITS.maxAliases + 1}, ` +
            `and rune reads at most ${CONFIG_LIMITS.maxAliases}`,
          { where: where.at(start), hint: "Write the values out instead of aliasing them" },
        ));
        return 1;
      }
      const found = anchors.get(name);
      if (found === undefined || found === "open") {
        issues.push(errorIssue(
          "yaml-syntax",
          found === undefined
            ? `Cannot read the YAML: the alias "*${name}" names no anchor defined before it`
            : `Cannot read the YAML: the alias "*${name}" is inside the value "&${name}" names`,
          {
            where: where.at(start),
            hint: found === undefined
              ? `Define "&${name}" on a value above this line, or fix the name`
              : "An alias cannot repeat the value it stands in: point it at another anchor",
          },
        ));
        return 1;
      }
      added += found;
      if (added > CONFIG_LIMITS.maxAliasValues) {
        stop(errorIssue(
          "yaml-limit",
          `Cannot read the YAML: "*${name}" makes the aliases repeat more than ` +
            `${CONFIG_LIMITS.maxAliasValues.toLocaleString("en-US")} values in all (an alias ` +
            "bomb would make billions)",
          { where: where.at(start), hint: "Use fewer or smaller aliases (*name)" },
        ));
      }
      return found;
    }
    if (node.tag && !CORE_TAGS.has(node.tag)) {
      const tagAt = tagOffset(text, start);
      const written = tagAt === undefined ? node.tag : /^\S+/.exec(text.slice(tagAt))![0];
      issues.push(errorIssue(
        "yaml-tag",
        `Cannot use the YAML tag "${written}": rune reads only plain strings, numbers, ` +
          "booleans, null, maps and lists, never tagged values",
        {
          where: where.at(tagAt ?? start),
          hint: `Remove "${written}" and write the value itself (quote it to keep it a string)`,
        },
      ));
    }
    const anchor: string | undefined = node.anchor;
    if (anchor) anchors.set(anchor, "open");
    let own = 1;
    if (isCollection(node)) {
      for (const item of node.items) {
        own += isPair(item) ? size(item.key) + size(item.value) : size(item);
      }
    }
    if (anchor) anchors.set(anchor, own);
    return own;
  };
  size(doc.contents);
  return issues;
}

/**
 * Where the tag of the node starting at `start` is written: the `!…` word before it (on its
 * line or the one above, for a block collection), past any anchor (`&a !t x`, `!t &a x`).
 * undefined when none is found.
 */
function tagOffset(text: string, start: number): number | undefined {
  let i = start;
  for (let words = 0; words < 3; words++) {
    while (i > 0 && /\s/.test(text[i - 1])) i--;
    let j = i;
    while (j > 0 && !/\s/.test(text[j - 1])) j--;
    if (j === i) return undefined;
    // A word may begin with flow indicators: `[!shell`, `{&a`.
    const props = /^[[{,]*/.exec(text.slice(j, i))![0].length;
    if (text[j + props] === "!") return j + props;
    if (text[j + props] !== "&") return undefined;
    i = j;
  }
  return undefined;
}

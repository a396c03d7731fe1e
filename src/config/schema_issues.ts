/**
 * zod's findings → issues a person can act on: the place, what was expected in rune's words
 * ("true or false", "a list of commands"), what the file holds, and the fix. Pure.
 */
import { errorIssue } from "../base/mod.ts";
import type { Issue } from "../base/mod.ts";
import { describePath } from "./positions.ts";
import type { ConfigPath, Locator } from "./positions.ts";
import {
  describeExpected,
  describeValue,
  descriptionOf,
  kindOf,
  schemaAt,
  unwrap,
  valueAt,
} from "./schema_walk.ts";
import type { Schema } from "./schema_walk.ts";

/** The parts of a zod issue rune reads. */
export interface ZodIssueLike {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  errors?: ZodIssueLike[][];
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
}

export function schemaIssues(
  found: readonly ZodIssueLike[],
  root: Schema,
  data: unknown,
  where: Locator,
): Issue[] {
  const out: Issue[] = [];
  const add = (zi: ZodIssueLike, prefix: ConfigPath) => {
    const path = [
      ...prefix,
      ...zi.path.filter((p): p is string | number => typeof p !== "symbol"),
    ];
    if (zi.code === "invalid_union" && zi.errors) {
      // Report the member the value was meant to be (a map → the map member), not all of them.
      const branch = unionBranch(data, path, zi.errors);
      if (branch) {
        for (const inner of branch) add(inner, path);
        return;
      }
    }
    out.push(describeIssue(zi, path, root, data, where));
  };
  for (const zi of found) add(zi, []);
  return out;
}

/** The errors of the union member that takes this kind of value, when it is a map or list. */
function unionBranch(
  data: unknown,
  path: ConfigPath,
  errors: ZodIssueLike[][],
): ZodIssueLike[] | undefined {
  const kind = kindOf(valueAt(data, path));
  if (kind !== "map" && kind !== "list") return undefined;
  const candidates = errors.filter((branch) =>
    branch.length > 0 && !branch.some((e) => e.code === "invalid_type" && e.path.length === 0)
  );
  return candidates.length === 1 ? candidates[0] : undefined;
}

function describeIssue(
  zi: ZodIssueLike,
  path: ConfigPath,
  root: Schema,
  data: unknown,
  where: Locator,
): Issue {
  const schema = schemaAt(root, data, path);
  const value = valueAt(data, path);
  const key = path[path.length - 1];
  const parent = valueAt(data, path.slice(0, -1));
  const missing = typeof key === "string" && kindOf(parent) === "map" &&
    !Object.hasOwn(parent as object, key);
  const expected = schema ? describeExpected(schema) : "a different value";

  if (missing) {
    const about = schema ? descriptionOf(schema) : undefined;
    return errorIssue(
      "missing-key",
      `Cannot use ${describePath(path.slice(0, -1))}: it has no "${key}"`,
      {
        where: where.value(path.slice(0, -1)),
        hint: `Add ${key}: (${expected}${about ? `; ${lowerFirst(about)}` : ""})`,
      },
    );
  }
  if (path.length === 1 && key === "version" && zi.code === "invalid_value") {
    return errorIssue(
      "bad-version",
      `Cannot read config version ${JSON.stringify(value)}: rune reads version 1`,
      { where: where.value(path), hint: "Set version: 1 (or remove the key)" },
    );
  }
  if (zi.code === "too_big" || zi.code === "too_small") {
    return errorIssue(
      "out-of-range",
      `Cannot use ${describePath(path)}: expected ${rangeOf(schema)}, got ${describeValue(value)}`,
      { where: where.value(path), hint: `Set ${key} to ${rangeOf(schema)}` },
    );
  }
  if (zi.code === "invalid_type" || zi.code === "invalid_union" || zi.code === "invalid_value") {
    return errorIssue(
      "wrong-type",
      `Cannot use ${describePath(path)}: expected ${expected}, got ${describeValue(value)}`,
      { where: where.value(path), hint: typeHint(String(key), schema, value) },
    );
  }
  return errorIssue("schema", `Cannot use ${describePath(path)}: ${zi.message}`, {
    where: where.value(path),
    hint: "`rune config schema` shows what each key takes",
  });
}

function typeHint(key: string, schema: Schema | undefined, value: unknown): string {
  const s = schema ? unwrap(schema) : undefined;
  const type = (s as unknown as { def?: { type?: string } } | undefined)?.def?.type;
  if (type === "boolean") {
    const yesNo = typeof value === "string" && /^(y|yes|n|no|on|off)$/i.test(value);
    return `Write ${key}: true or ${key}: false` +
      (yesNo ? ` (YAML 1.2 reads ${value} as a string)` : "");
  }
  if (type === "array") return `Write ${key} as a list: one "- item" per line under it`;
  if (type === "string") return `Quote the value: ${key}: "..."`;
  if (type === "object" || type === "record") {
    return `Write ${key} as a map: "name: value" lines indented under it`;
  }
  return "`rune config schema` shows what each key takes";
}

/** "a number above 0 and at most 24" from the schema's own checks. */
function rangeOf(schema: Schema | undefined): string {
  const checks = schema
    ? (unwrap(schema) as unknown as {
      def: { checks?: { _zod: { def: { check: string; value: number; inclusive: boolean } } }[] };
    }).def.checks ?? []
    : [];
  const parts: string[] = [];
  for (const c of checks) {
    const { check, value, inclusive } = c._zod.def;
    if (check === "greater_than") parts.push(inclusive ? `at least ${value}` : `above ${value}`);
    if (check === "less_than") parts.push(inclusive ? `at most ${value}` : `below ${value}`);
  }
  return `a number${parts.length ? ` ${parts.join(" and ")}` : " in range"}`;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1).replace(/\.$/, "");
}

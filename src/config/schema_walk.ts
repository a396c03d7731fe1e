/**
 * Reads the zod config schema as data: which keys each level knows, what a value should be,
 * and a walk of config data alongside its schema. The validation derives "known keys" and
 * "what was expected" from here, so schema.ts stays the one list of keys. Pure.
 */
import type { z } from "zod";
import {
  CommandSchema,
  DurationSchema,
  PaneSchema,
  ProjectSchema,
  TemplateSchema,
  WindowSchema,
} from "./schema.ts";
import type { ConfigPath } from "./positions.ts";

export type Schema = z.ZodType;

interface Def {
  type: string;
  innerType?: Schema;
  in?: Schema;
  element?: Schema;
  valueType?: Schema;
  options?: Schema[];
  values?: unknown[];
  entries?: Record<string, string | number>;
  shape?: Record<string, Schema>;
}

function def(schema: Schema): Def {
  return (schema as unknown as { def: Def }).def;
}

const WRAPPERS = new Set(["optional", "nullable", "default", "prefault", "readonly", "catch"]);

/** The schema under optional/nullable/default wrappers. */
export function unwrap(schema: Schema): Schema {
  let s = schema;
  for (let d = def(s); WRAPPERS.has(d.type) || d.type === "pipe"; d = def(s)) {
    s = (d.type === "pipe" ? d.in : d.innerType) as Schema;
  }
  return s;
}

/** The keys an object schema knows, or undefined when `schema` is not an object. */
export function objectShape(schema: Schema): Record<string, Schema> | undefined {
  const d = def(unwrap(schema));
  return d.type === "object" ? d.shape : undefined;
}

/** The basic kind of a YAML value. */
export type ValueKind = "null" | "string" | "number" | "boolean" | "list" | "map" | "other";

export function kindOf(value: unknown): ValueKind {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return "list";
  switch (typeof value) {
    case "string":
      return "string";
    case "number":
      return "number";
    case "boolean":
      return "boolean";
    case "object":
      return "map";
    default:
      return "other";
  }
}

function accepts(schema: Schema, kind: ValueKind): boolean {
  const d = def(schema);
  switch (d.type) {
    case "optional":
    case "nullable":
      return kind === "null" || accepts(d.innerType as Schema, kind);
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
      return accepts(d.innerType as Schema, kind);
    case "pipe":
      return accepts(d.in as Schema, kind);
    case "union":
      return (d.options ?? []).some((o) => accepts(o, kind));
    case "string":
    case "number":
    case "boolean":
    case "null":
      return kind === d.type;
    case "array":
      return kind === "list";
    case "object":
    case "record":
      return kind === "map";
    case "literal":
      return (d.values ?? []).some((v) => kindOf(v) === kind);
    case "unknown":
    case "any":
      return true;
    default:
      return false;
  }
}

/** For a union, the member that takes values of this kind (the first, if several do). */
export function memberFor(schema: Schema, value: unknown): Schema {
  const s = unwrap(schema);
  const d = def(s);
  if (d.type !== "union") return s;
  const kind = kindOf(value);
  const member = (d.options ?? []).find((o) => accepts(o, kind));
  return member ? memberFor(member, value) : s;
}

/** The schema of `value[key]` when `value` matches `schema`, or undefined (unknown key). */
export function childSchema(schema: Schema, value: unknown, key: string | number) {
  const s = memberFor(schema, value);
  const d = def(s);
  switch (d.type) {
    case "object":
      return typeof key === "string" && Object.hasOwn(d.shape ?? {}, key)
        ? d.shape?.[key]
        : undefined;
    case "array":
      return d.element;
    case "record":
      return d.valueType;
    default:
      return undefined;
  }
}

/** The schema node at `path` of `data`, following the data through unions. */
export function schemaAt(root: Schema, data: unknown, path: ConfigPath): Schema | undefined {
  let schema: Schema | undefined = root;
  let value = data;
  for (const key of path) {
    if (!schema) return undefined;
    schema = childSchema(schema, value, key);
    value = valueAt(value, [key]);
  }
  return schema;
}

/** The value at `path`, or undefined. */
export function valueAt(data: unknown, path: ConfigPath): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

/**
 * Visits every value of `data` that its schema describes, parents first, with the schema
 * node (unwrapped, union member chosen by the value's kind) and the declared schema
 * (unwrapped, before choosing a member: DurationSchema rather than its string member). Keys
 * the schema does not know are visited by their parent only (see `objectShape`); `unknown`
 * sections are not entered.
 */
export function walkSchema(
  root: Schema,
  data: unknown,
  visit: (schema: Schema, value: unknown, path: ConfigPath, declared: Schema) => void,
): void {
  const go = (schema: Schema, value: unknown, path: ConfigPath) => {
    const s = memberFor(schema, value);
    visit(s, value, path, unwrap(schema));
    const d = def(s);
    if (d.type === "object" && kindOf(value) === "map") {
      for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
        const cs = d.shape?.[key];
        if (cs && Object.hasOwn(d.shape ?? {}, key)) go(cs, child, [...path, key]);
      }
    } else if (d.type === "array" && Array.isArray(value)) {
      value.forEach((child, i) => go(d.element as Schema, child, [...path, i]));
    } else if (d.type === "record" && kindOf(value) === "map") {
      for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
        go(d.valueType as Schema, child, [...path, key]);
      }
    }
  };
  go(root, data, []);
}

/** What people call the config's parts, by schema identity. */
const NOUNS = new Map<Schema, [string, string]>([
  [CommandSchema, ["command", "commands"]],
  [TemplateSchema, ["template", "templates"]],
  [WindowSchema, ["window", "windows"]],
  [PaneSchema, ["pane", "panes"]],
  [ProjectSchema, ["project", "projects"]],
]);

/** "true or false", "a list of commands", 'a duration such as "30s"…': what `schema` takes. */
export function describeExpected(schema: Schema): string {
  if (schema === DurationSchema || unwrap(schema) === DurationSchema) {
    return 'a duration such as "30s", "2m" or "1h30m", or a number of seconds';
  }
  const s = unwrap(schema);
  const noun = NOUNS.get(s);
  if (s === PaneSchema) return "a pane: a command, ~ for an empty shell, or a map with command";
  const d = def(s);
  switch (d.type) {
    case "boolean":
      return "true or false";
    case "string":
      return "a string";
    case "number":
      return "a number";
    case "null":
      return "nothing (~)";
    case "literal":
      return (d.values ?? []).map((v) => JSON.stringify(v)).join(" or ");
    case "enum":
      return Object.values(d.entries ?? {}).map((v) => JSON.stringify(v)).join(" or ");
    case "array":
      return `a list of ${plural(d.element as Schema)}`;
    case "record":
      return `a map of ${plural(d.valueType as Schema)} by name`;
    case "object": {
      const keys = Object.keys(d.shape ?? {});
      const some = keys.slice(0, 3).join(", ") + (keys.length > 3 ? ", …" : "");
      return noun ? `a ${noun[0]} (a map with ${some})` : `a map with keys such as ${some}`;
    }
    case "union":
      return joinOr((d.options ?? []).map(describeExpected));
    default:
      return "a different value";
  }
}

function plural(schema: Schema): string {
  const s = unwrap(schema);
  const noun = NOUNS.get(s);
  if (noun) return noun[1];
  const d = def(s);
  switch (d.type) {
    case "string":
      return "strings";
    case "number":
      return "numbers";
    case "boolean":
      return "true/false values";
    case "array":
      return `lists of ${plural(d.element as Schema)}`;
    case "union":
      return joinOr((d.options ?? []).map(plural));
    default:
      return "values";
  }
}

function joinOr(parts: string[]): string {
  const unique = [...new Set(parts)];
  return unique.length <= 1
    ? unique.join("")
    : `${unique.slice(0, -1).join(", ")} or ${unique[unique.length - 1]}`;
}

/** 'the string "yes"', "the number 3", "a list", "a map", "nothing": what a value is. */
export function describeValue(value: unknown): string {
  switch (kindOf(value)) {
    case "null":
      return "nothing";
    case "string": {
      const s = value as string;
      return `the string ${JSON.stringify(s.length > 40 ? `${s.slice(0, 37)}...` : s)}`;
    }
    case "number":
      return `the number ${value}`;
    case "boolean":
      return String(value);
    case "list":
      return (value as unknown[]).length ? "a list" : "an empty list";
    case "map":
      return "a map";
    default:
      return typeof value;
  }
}

/** The schema's own description (`.meta({ description })`), for hints. */
export function descriptionOf(schema: Schema): string | undefined {
  let s: Schema | undefined = schema;
  while (s) {
    const text = (s as unknown as { description?: string }).description;
    if (text) return text;
    const d = def(s);
    s = WRAPPERS.has(d.type) ? d.innerType : undefined;
  }
  return undefined;
}

/**
 * Reading a foreign project file: YAML or JSON (JSON is YAML) through yaml's Document API, so
 * every value keeps its line:col, with YAML 1.1 merge keys (`<<: *defaults`) honoured. Maps come
 * back as `Map`s so keys keep their types (tmuxinator's `~:` window has a null key).
 */
import { isMap, isNode, isScalar, LineCounter, parseDocument } from "yaml";
import type { Document } from "yaml";
import { err, errorIssue, ok } from "../base/mod.ts";
import type { Location, Result } from "../base/mod.ts";

/** A place in the data: ["windows", 0, "editor", "panes", 3]. */
export type DataPath = readonly unknown[];

export interface ParsedSource {
  file: string;
  data: unknown;
  /** Where the value at `path` is (or the nearest parent that is in the file). */
  locate(path: DataPath): Location | undefined;
  /** Where the key naming `path`'s last element is, else as `locate`. */
  locateKey(path: DataPath): Location | undefined;
  /** An offset in the text → its location. */
  at(offset: number): Location;
  /** True when the value at `path` carries an anchor (`&defaults`): a helper for aliases. */
  anchored(path: DataPath): boolean;
}

/** Parses `text`; a YAML error is an "yaml-syntax" issue at its place. */
export function parseSource(text: string, file: string): Result<ParsedSource> {
  const lines = new LineCounter();
  const doc = parseDocument(text, { merge: true, lineCounter: lines, prettyErrors: false });
  const at = (offset: number): Location => {
    const { line, col } = lines.linePos(offset);
    return { file, line, column: col };
  };
  if (doc.errors.length) {
    // One error per place: the parser often reports a cause and its echo at the same offset.
    const seen = new Set<number>();
    const first = doc.errors.filter((e) => !seen.has(e.pos[0]) && seen.add(e.pos[0]));
    return err(
      first.map((e) =>
        errorIssue("yaml-syntax", `Cannot read ${file}: ${e.message.split("\n")[0]}`, {
          where: at(e.pos[0]),
          hint: "Fix the YAML (or JSON) syntax at this place",
        })
      ),
    );
  }
  return ok({
    file,
    data: doc.toJS({ mapAsMap: true, maxAliasCount: 1000 }),
    at,
    locate: (path) => locateValue(doc, path, at),
    locateKey: (path) => locateKey(doc, path, at),
    anchored: (path) => {
      const node = doc.getIn(path, true);
      return isNode(node) && Boolean(node.anchor);
    },
  });
}

function locateValue(
  doc: Document,
  path: DataPath,
  at: (offset: number) => Location,
): Location | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return at(node.range[0]);
    if (n > 0) {
      const key = keyNode(doc, path.slice(0, n));
      if (key?.range) return at(key.range[0]);
    }
  }
  return undefined;
}

function locateKey(
  doc: Document,
  path: DataPath,
  at: (offset: number) => Location,
): Location | undefined {
  const key = keyNode(doc, path);
  return key?.range ? at(key.range[0]) : locateValue(doc, path, at);
}

function keyNode(doc: Document, path: DataPath) {
  if (!path.length) return undefined;
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  if (!isMap(parent)) return undefined;
  const last = path[path.length - 1];
  for (const pair of parent.items) {
    const key = pair.key;
    if (isScalar(key) && key.value === last) return key;
  }
  return undefined;
}

/** A map's value at `key`, or undefined; anything that is not a map has no keys. */
export function field(value: unknown, key: string): unknown {
  return value instanceof Map ? value.get(key) : undefined;
}

/** True when `value` is a YAML/JSON map. */
export function isRecord(value: unknown): value is Map<unknown, unknown> {
  return value instanceof Map;
}

/** What a value is, for messages: "a list", "a map", "the number 3", `the text "x"`. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (value instanceof Map) return "a map";
  if (typeof value === "string") return `the text ${JSON.stringify(value)}`;
  return `${typeof value} ${String(value)}`;
}

/**
 * Where a config value or key sits in its YAML file. Pure: answers from the parsed document.
 * A path that does not reach a node (a missing key, a value that came from a merge `<<` or an
 * alias) is answered with the nearest parent that exists, so every issue still has a place.
 */
import { isMap, isNode, isScalar } from "yaml";
import type { Document, LineCounter } from "yaml";
import type { Location } from "../base/mod.ts";

/** A place in the config data: ["rituals", "start", "global", 0, "name"]. */
export type ConfigPath = readonly (string | number)[];

export interface Locator {
  /** The value at `path`, or the nearest parent that exists in the file. */
  value(path: ConfigPath): Location | undefined;
  /** The key naming `path`'s last element (for maps), else as `value`. */
  key(path: ConfigPath): Location | undefined;
  /** An offset in the text → its location. */
  at(offset: number): Location;
}

export function makeLocator(doc: Document, lines: LineCounter, file: string): Locator {
  const at = (offset: number): Location => {
    const { line, col } = lines.linePos(offset);
    return { file, line, column: col };
  };
  const value = (path: ConfigPath): Location | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return at(node.range[0]);
    }
    return undefined;
  };
  const key = (path: ConfigPath): Location | undefined => {
    const last = path[path.length - 1];
    const parent = path.length ? doc.getIn(path.slice(0, -1), true) : undefined;
    if (typeof last === "string" && isMap(parent)) {
      for (const pair of parent.items) {
        if (isScalar(pair.key) && String(pair.key.value) === last && pair.key.range) {
          return at(pair.key.range[0]);
        }
      }
    }
    return value(path);
  };
  return { value, key, at };
}

/**
 * ["rituals","start","global",0,"name"] → "rituals.start.global[0].name"; a key that is not a
 * plain word is bracketed: ["rituals","templates","a.b"] → 'rituals.templates["a.b"]'.
 */
export function describePath(path: ConfigPath): string {
  return path.reduce<string>((s, p) => {
    if (typeof p === "number") return `${s}[${p}]`;
    if (!/^[A-Za-z0-9_-]+$/.test(p)) return `${s}[${JSON.stringify(p)}]`;
    return s ? `${s}.${p}` : p;
  }, "") || "(top level)";
}

/**
 * Where a config value or key sits in its YAML file. Pure: answers from the parsed document.
 * A path that does not reach a node (a missing key, a value that came from a merge `<<` or an
 * alias) is answered with the nearest parent that exists, so every issue still has a place.
 */
import { isMap, isNode, isScalar, isSeq } from "yaml";
import type { Document, LineCounter, Pair, YAMLMap } from "yaml";
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
  // Each map's keys, indexed once: a config with thousands of keys (and as many warnings)
  // must not look each one up by a scan of its map.
  const keyIndex = new WeakMap<object, Map<string, Pair>>();
  const pairOf = (map: YAMLMap, name: string): Pair | undefined => {
    let index = keyIndex.get(map);
    if (!index) {
      index = new Map();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        if (key !== undefined && !index.has(key)) index.set(key, pair);
      }
      keyIndex.set(map, index);
    }
    return index.get(name);
  };
  /** The nodes along `path`, from the document's root, as far as the path reaches. */
  const walk = (path: ConfigPath): unknown[] => {
    const nodes: unknown[] = [doc.contents];
    let node: unknown = doc.contents;
    for (const step of path) {
      if (isMap(node)) node = pairOf(node, String(step))?.value;
      else if (isSeq(node) && typeof step === "number") node = node.items[step];
      else node = undefined;
      if (!isNode(node)) break;
      nodes.push(node);
    }
    return nodes;
  };
  const value = (path: ConfigPath): Location | undefined => {
    const nodes = walk(path);
    for (let n = nodes.length - 1; n >= 0; n--) {
      const node = nodes[n];
      if (isNode(node) && node.range) return at(node.range[0]);
    }
    return undefined;
  };
  const key = (path: ConfigPath): Location | undefined => {
    const last = path[path.length - 1];
    if (typeof last === "string" && path.length) {
      const nodes = walk(path.slice(0, -1));
      const parent = nodes.length === path.length ? nodes[nodes.length - 1] : undefined;
      const pair = isMap(parent) ? pairOf(parent, last) : undefined;
      if (isScalar(pair?.key) && pair.key.range) return at(pair.key.range[0]);
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

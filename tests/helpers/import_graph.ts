/**
 * Reads the imports of a source tree and judges them against a layer order: the checker behind
 * tests/architecture_test.ts. Every import counts (type-only, re-exports and literal dynamic
 * imports too), because each one is a dependency a reader has to follow.
 *
 * Rules, for a tree whose files all sit in top-level folders (`src/FOLDER/…`):
 * - every folder is in the layer order and has a `mod.ts`;
 * - a file imports another folder only through that folder's `mod.ts`, and never its own;
 * - an import points down the order (from a folder to one listed after it);
 * - no file cycle.
 */

export interface ImportEdge {
  /** Paths relative to the tree's root, e.g. "cli/main.ts". */
  from: string;
  to: string;
  /** The specifier as written. */
  specifier: string;
}

export interface Violation {
  kind: "cycle" | "bypass" | "upward" | "own-mod" | "unknown-folder" | "no-mod" | "loose-file";
  message: string;
}

export interface TreeReport {
  files: string[];
  edges: ImportEdge[];
  violations: Violation[];
}

// `import x from "…"`, `import type … from "…"`, `export … from "…"`, `import "…"`, `import("…")`.
const SPECIFIER =
  /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/gm;

/** The relative imports of one file's text, in order. Pure. */
export function importSpecifiers(text: string): string[] {
  const withoutComments = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  const out: string[] = [];
  for (const m of withoutComments.matchAll(SPECIFIER)) {
    const spec = m[1] ?? m[2];
    if (spec.startsWith(".")) out.push(spec);
  }
  return out;
}

/** Every .ts file under `root`, relative to it, sorted. */
export function listSources(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, rel: string) => {
    for (const e of Deno.readDirSync(dir)) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory) walk(`${dir}/${e.name}`, r);
      else if (e.isFile && e.name.endsWith(".ts")) out.push(r);
    }
  };
  walk(root, "");
  return out.sort();
}

/** The file `specifier` names, relative to the tree's root; undefined when it is outside. */
function resolve(from: string, specifier: string): string | undefined {
  const parts = from.split("/").slice(0, -1);
  for (const seg of specifier.split("/")) {
    if (seg === "." || seg === "") continue;
    if (seg === "..") {
      if (!parts.length) return undefined;
      parts.pop();
    } else parts.push(seg);
  }
  return parts.join("/");
}

function folderOf(file: string): string | undefined {
  const i = file.indexOf("/");
  return i < 0 ? undefined : file.slice(0, i);
}

/** Reads the tree at `root` and checks it against `layers` (top first). */
export function checkTree(root: string, layers: readonly string[]): TreeReport {
  const files = listSources(root);
  const edges: ImportEdge[] = [];
  for (const from of files) {
    for (const specifier of importSpecifiers(Deno.readTextFileSync(`${root}/${from}`))) {
      // A file outside the tree (templates/basic.yaml, imported as text) is no layer's.
      const to = resolve(from, specifier);
      if (to !== undefined) edges.push({ from, to, specifier });
    }
  }
  return { files, edges, violations: judge(files, edges, layers) };
}

/** The verdict on a set of files and their import edges. Pure. */
export function judge(
  files: readonly string[],
  edges: readonly ImportEdge[],
  layers: readonly string[],
): Violation[] {
  const violations: Violation[] = [];
  const rank = new Map(layers.map((name, i) => [name, i]));
  const folders = new Set<string>();
  for (const f of files) {
    const folder = folderOf(f);
    if (folder === undefined) {
      violations.push({ kind: "loose-file", message: `${f} is not in a folder` });
    } else folders.add(folder);
  }
  for (const folder of [...folders].sort()) {
    if (!rank.has(folder)) {
      violations.push({
        kind: "unknown-folder",
        message: `${folder}/ is not in the layer order`,
      });
    }
    if (!files.includes(`${folder}/mod.ts`)) {
      violations.push({ kind: "no-mod", message: `${folder}/ has no mod.ts` });
    }
  }
  for (const e of edges) {
    const a = folderOf(e.from);
    const b = folderOf(e.to);
    if (a === undefined || b === undefined) continue;
    if (a === b) {
      if (e.to === `${a}/mod.ts` && e.from !== e.to) {
        violations.push({
          kind: "own-mod",
          message: `${e.from} imports its own folder's mod.ts ("${e.specifier}")`,
        });
      }
      continue;
    }
    if (e.to !== `${b}/mod.ts`) {
      violations.push({
        kind: "bypass",
        message: `${e.from} imports ${e.to}, bypassing ${b}/mod.ts`,
      });
    }
    const ra = rank.get(a);
    const rb = rank.get(b);
    if (ra !== undefined && rb !== undefined && rb <= ra) {
      violations.push({
        kind: "upward",
        message: `${e.from} (${a}) imports ${e.to} (${b}), which is not below it`,
      });
    }
  }
  for (const cycle of findCycles(files, edges)) {
    violations.push({ kind: "cycle", message: `import cycle: ${cycle.join(" -> ")}` });
  }
  return violations;
}

/** Each strongly connected group of files, as one cycle path (Tarjan, then a walk). */
export function findCycles(files: readonly string[], edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>(files.map((f) => [f, []]));
  for (const e of edges) next.get(e.from)?.push(e.to);
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!next.has(w)) continue;
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      const selfLoop = (next.get(v) ?? []).includes(v);
      if (group.length > 1 || selfLoop) groups.push(group.sort());
    }
  };
  for (const f of files) if (!idx.has(f)) visit(f);
  return groups.map((group) => cyclePath(group, next));
}

/** A path through `group` that comes back to its first file. */
function cyclePath(group: string[], next: Map<string, string[]>): string[] {
  const members = new Set(group);
  const start = group[0];
  const path = [start];
  const seen = new Set([start]);
  let at = start;
  while (true) {
    const succ = (next.get(at) ?? []).filter((n) => members.has(n));
    const back = succ.find((n) => n === start);
    if (back && path.length > 1 || (back && succ.length === 1)) return [...path, start];
    const fresh = succ.find((n) => !seen.has(n));
    if (!fresh) return [...path, start];
    path.push(fresh);
    seen.add(fresh);
    at = fresh;
  }
}

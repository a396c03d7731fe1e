/**
 * Reads the bundle in dist/ (made by `make bundle`) as a module graph: which files each file
 * imports (statically, or with a string-literal `import()`), which `node:` modules, and which
 * of rune's sources and npm packages each file holds (esbuild writes a `// path` comment before
 * every module it puts in a file). Deno reads, before running anything, every file reachable
 * from the main module through static and literal dynamic imports; that set is what
 * `graphOf` returns. Pure but for reading the directory.
 */

export interface BundleFile {
  /** Relative to dist/, e.g. "rune.js", "chunk-AB12.js", "src/cli/actions/ls.js". */
  name: string;
  bytes: number;
  /** Files imported statically (import/export … from). */
  imports: string[];
  /** Files imported with a string-literal import(). */
  literalDynamic: string[];
  /** Specifiers that are not files of the bundle: "node:sqlite". */
  external: string[];
  /** What the file holds: "src/cli/main.ts", "npm:zod", "templates/basic.yaml". */
  modules: string[];
}

// esbuild writes each import and re-export at the start of a line: `import { a,\n b } from "x";`.
const STATIC =
  /^(?:import|export)\s*(?:(?:[\w$]+\s*,?\s*)?(?:\*\s*as\s+[\w$]+|\{[^}]*\})?\s*from\s*)?"([^"]+)";/gm;
const DYNAMIC = /\bimport\(\s*["']([^"']+)["']\s*\)/g;
const SOURCE = /^\/\/ (\S+)$/gm;

/** Every .js file under `dir`, read. */
export function readBundle(dir: string): Map<string, BundleFile> {
  const files = new Map<string, BundleFile>();
  const walk = (rel: string) => {
    for (const e of Deno.readDirSync(rel ? `${dir}/${rel}` : dir)) {
      const name = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory) walk(name);
      else if (e.name.endsWith(".js")) {
        files.set(name, parseFile(name, Deno.readTextFileSync(`${dir}/${name}`)));
      }
    }
  };
  walk("");
  return files;
}

/** One file's imports and contents. Pure. */
export function parseFile(name: string, text: string): BundleFile {
  const imports: string[] = [];
  const literalDynamic: string[] = [];
  const external: string[] = [];
  const add = (spec: string, into: string[]) => {
    if (spec.startsWith(".")) into.push(join(name, spec));
    else external.push(spec);
  };
  for (const m of text.matchAll(STATIC)) add(m[1], imports);
  for (const m of text.matchAll(DYNAMIC)) add(m[1], literalDynamic);
  const modules = new Set<string>();
  for (const m of text.matchAll(SOURCE)) {
    const path = m[1];
    const npm = path.match(/registry\.npmjs\.org\/((?:@[^/]+\/)?[^/]+)\//);
    if (npm) modules.add(`npm:${npm[1]}`);
    else if (/^(src|templates)\//.test(path)) modules.add(path);
  }
  return {
    name,
    bytes: new TextEncoder().encode(text).length,
    imports: [...new Set(imports)],
    literalDynamic: [...new Set(literalDynamic)],
    external: [...new Set(external)],
    modules: [...modules].sort(),
  };
}

export interface Graph {
  files: string[];
  bytes: number;
  modules: string[];
  external: string[];
}

/**
 * What Deno reads for `entry`: the files reachable through static imports, and, when
 * `literalDynamic` is true (Deno's module graph), through string-literal import() as well.
 * With it false: what is evaluated when the entry runs and calls no import().
 */
export function graphOf(
  bundle: Map<string, BundleFile>,
  entry: string,
  options: { literalDynamic: boolean } = { literalDynamic: true },
): Graph {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const name = queue.pop()!;
    if (seen.has(name)) continue;
    const file = bundle.get(name);
    if (!file) throw new Error(`${name} is imported but not in the bundle`);
    seen.add(name);
    queue.push(...file.imports, ...(options.literalDynamic ? file.literalDynamic : []));
  }
  const files = [...seen].sort();
  const of = (pick: (f: BundleFile) => string[]) =>
    [...new Set(files.flatMap((f) => pick(bundle.get(f)!)))].sort();
  return {
    files,
    bytes: files.reduce((n, f) => n + bundle.get(f)!.bytes, 0),
    modules: of((f) => f.modules),
    external: of((f) => f.external),
  };
}

function join(from: string, spec: string): string {
  const parts = from.split("/").slice(0, -1);
  for (const seg of spec.split("/")) {
    if (seg === "." || seg === "") continue;
    if (seg === "..") parts.pop();
    else parts.push(seg);
  }
  return parts.join("/");
}

/**
 * A template's declared readiness as a graph (issue 17): which windows and panes say when they
 * are ready (`ready:`), which wait for which (`depends_on:`), the names resolved, every problem
 * found (a name that resolves to nothing, a cycle, a condition that cannot hold), and the
 * order panes can start in. Pure, over the typed template; the validator turns the problems
 * into located issues, the planner the rest into the Plan's readiness.
 *
 * Names: WINDOW is a window's `name` as written; WINDOW.PANE a pane's `name`, or its position
 * in the window's list from 1. A pane waits for its own depends_on and its window's. Waiting
 * for a pane means its condition holds (or, with none, that its commands were typed); waiting
 * for a window means every pane of it is ready, and the window's own condition holds.
 */
import type { GateRef } from "../contract/mod.ts";

/** Where in the config a value sits: keys and list positions (config's ConfigPath). */
export type ConfigPath = readonly (string | number)[];

/**
 * The parts of a template the graph reads: config's GraphTemplate fits it. Here, not in
 * src/config, so that the planner builds a Plan's readiness without loading the config's
 * parser and schema (the validated-config cache hands it a typed config).
 */
export interface GraphTemplate {
  windows?: readonly GraphTemplateWindow[] | null;
}

export interface GraphTemplateWindow {
  name?: string;
  ready?: ReadySpec;
  depends_on?: string | string[];
  panes?: readonly GraphTemplatePane[] | null;
}

export type GraphTemplatePane =
  | string
  | null
  | {
    name?: string;
    ready?: ReadySpec;
    depends_on?: string | string[];
    exec?: boolean;
    command?: unknown;
  };

export interface ReadySpec {
  output?: string;
  port?: number;
  file?: string;
  exit?: number;
  timeout?: string | number;
}

export interface GraphWindow {
  /** Position from 1. */
  window: number;
  label: string;
  ready?: ReadySpec;
  after: GateRef[];
  panes: string[];
}

export interface GraphPane {
  /** "w1p2": window and pane position from 1, as the build names panes. */
  key: string;
  label: string;
  ready?: ReadySpec;
  /** Its own depends_on, then its window's. */
  after: GateRef[];
  exec: boolean;
}

export interface GraphProblem {
  /** Where it is written; `key` when the key itself is the place to point at. */
  path: ConfigPath;
  key?: boolean;
  code: string;
  problem: string;
  hint: string;
}

export interface TemplateGraph {
  windows: GraphWindow[];
  panes: GraphPane[];
  problems: GraphProblem[];
  /** Pane keys in waves: the first start at once, each next one once those before are ready. */
  order: string[][];
  /** Whether anything at all is declared (else the planner adds nothing to the Plan). */
  declared: boolean;
}

export function templateGraph(spec: GraphTemplate, name: string, path: ConfigPath): TemplateGraph {
  const problems: GraphProblem[] = [];
  const windows: GraphWindow[] = [];
  const panes: GraphPane[] = [];
  const raw = (spec.windows ?? []).map((w, wi) => ({ w, wi, path: [...path, "windows", wi] }));
  for (const { w, wi } of raw) {
    const label = w.name ?? `windows[${wi}]`;
    const keys = (w.panes ?? []).map((_, pi) => `w${wi + 1}p${pi + 1}`);
    windows.push({ window: wi + 1, label, ready: w.ready, after: [], panes: keys });
    (w.panes ?? []).forEach((p, pi) => {
      const object = p !== null && typeof p === "object" ? p : undefined;
      panes.push({
        key: keys[pi],
        label: `${label}.${object?.name ?? pi + 1}`,
        ready: object?.ready,
        after: [],
        exec: object?.exec === true,
      });
    });
  }
  const resolve = (ref: string, at: ConfigPath): GateRef | undefined => {
    const found = resolveName(spec, ref);
    if (found) return found;
    problems.push({
      path: at,
      code: "unknown-dependency",
      problem: `Cannot wait for "${ref}" in template "${name}": no window or pane has that name`,
      hint: nameHint(spec),
    });
    return undefined;
  };
  const refs = (list: string | string[] | undefined, at: ConfigPath) =>
    (list === undefined ? [] : Array.isArray(list) ? list : [list]).flatMap((ref, i) => {
      const r = resolve(ref, Array.isArray(list) ? [...at, i] : at);
      return r ? [r] : [];
    });
  const ownDeps = new Set<string>();
  for (const { w, wi, path: wpath } of raw) {
    windows[wi].after = refs(w.depends_on, [...wpath, "depends_on"]);
    checkReady(w.ready, [...wpath, "ready"], { label: windows[wi].label, window: true }, problems);
    (w.panes ?? []).forEach((p, pi) => {
      const pane = panes.find((x) => x.key === `w${wi + 1}p${pi + 1}`)!;
      const object = p !== null && typeof p === "object" ? p : undefined;
      const ppath = [...wpath, "panes", pi];
      const own = refs(object?.depends_on, [...ppath, "depends_on"]);
      if (own.length) ownDeps.add(pane.key);
      pane.after = [...own, ...windows[wi].after];
      const exec = object?.exec === true && object.command !== undefined;
      checkReady(object?.ready, [...ppath, "ready"], { label: pane.label, exec }, problems);
    });
  }
  const order = startOrder(
    windows,
    panes,
    { paths: raw.map((r) => r.path), ownDeps, name },
    problems,
  );
  const declared = windows.some((w) => w.ready || w.after.length) ||
    panes.some((p) => p.ready || p.after.length);
  return { windows, panes, problems, order, declared };
}

/** WINDOW or WINDOW.PANE in `spec`; the whole text as a window name first (names may hold "."). */
export function resolveName(spec: GraphTemplate, ref: string): GateRef | undefined {
  const list = spec.windows ?? [];
  const wi = list.findIndex((w) => w.name === ref);
  if (wi >= 0) return { kind: "window", window: wi + 1 };
  const dot = ref.lastIndexOf(".");
  if (dot <= 0) return undefined;
  const w = list.findIndex((x) => x.name === ref.slice(0, dot));
  if (w < 0) return undefined;
  const wanted = ref.slice(dot + 1);
  const panes = list[w].panes ?? [];
  let pi = panes.findIndex((p) => p !== null && typeof p === "object" && p.name === wanted);
  if (pi < 0 && /^[1-9]\d*$/.test(wanted) && Number(wanted) <= panes.length) {
    pi = Number(wanted) - 1;
  }
  return pi < 0 ? undefined : { kind: "pane", key: `w${w + 1}p${pi + 1}` };
}

function nameHint(spec: GraphTemplate): string {
  const names = (spec.windows ?? []).map((w) => w.name).filter((n) => n !== undefined);
  return names.length
    ? `Write WINDOW or WINDOW.PANE (a pane's name, or its position from 1); windows: ` +
      names.join(", ")
    : "Give the window a name: (and the pane a name:), then write WINDOW or WINDOW.PANE";
}

function checkReady(
  ready: ReadySpec | undefined,
  at: ConfigPath,
  o: { label: string; window?: boolean; exec?: boolean },
  problems: GraphProblem[],
): void {
  if (!ready) return;
  const kinds = (["output", "port", "file", "exit"] as const).filter((k) => ready[k] !== undefined);
  const bad = (code: string, problem: string, hint: string, key?: string) => {
    problems.push({ path: key ? [...at, key] : at, key: !key, code, problem, hint });
  };
  const what = `Cannot tell when ${o.label} is ready`;
  if (kinds.length !== 1) {
    return bad(
      "bad-ready",
      `${what}: ready needs exactly one of output, port, file, exit; it has ` +
        (kinds.length ? kinds.join(", ") : "none"),
      'Keep one condition, e.g. ready: {output: "listening"} or ready: {port: 5432}',
    );
  }
  if (ready.output !== undefined) {
    try {
      new RegExp(ready.output);
    } catch (e) {
      bad(
        "bad-ready",
        `${what}: output is not a regular expression: ${(e as Error).message}`,
        "Escape special characters with \\ (JavaScript syntax)",
        "output",
      );
    }
  }
  if (
    ready.port !== undefined &&
    !(Number.isInteger(ready.port) && ready.port >= 1 && ready.port <= 65535)
  ) {
    bad("bad-ready", `${what}: port ${ready.port} is not a TCP port`, "Use 1 to 65535", "port");
  }
  if (ready.file !== undefined && ready.file.trim() === "") {
    bad(
      "bad-ready",
      `${what}: file is empty`,
      "Name the file that appears when it is ready",
      "file",
    );
  }
  if (ready.exit !== undefined) {
    if (!(Number.isInteger(ready.exit) && ready.exit >= 0 && ready.exit <= 255)) {
      bad("bad-ready", `${what}: exit ${ready.exit} is not an exit status`, "Use 0 to 255", "exit");
    } else if (o.window || !o.exec) {
      bad(
        "bad-ready",
        `${what}: exit needs a pane that runs its command as its own process`,
        o.window
          ? "Put ready: {exit: …} on the pane that runs the program, with exec: true"
          : "Add exec: true to the pane (then the pane's program is what exits)",
        "exit",
      );
    }
  }
}

/** Kahn's order over "P waits for Q"; what is left in the end is a cycle, reported once. */
function startOrder(
  windows: GraphWindow[],
  panes: GraphPane[],
  o: { paths: ConfigPath[]; ownDeps: Set<string>; name: string },
  problems: GraphProblem[],
): string[][] {
  const needs = new Map<string, Set<string>>();
  for (const p of panes) {
    const set = new Set<string>();
    for (const ref of p.after) {
      if (ref.kind === "pane") set.add(ref.key);
      else for (const k of windows[ref.window - 1]?.panes ?? []) set.add(k);
    }
    needs.set(p.key, set);
  }
  const order: string[][] = [];
  const done = new Set<string>();
  while (done.size < panes.length) {
    const wave = panes.filter((p) =>
      !done.has(p.key) && [...needs.get(p.key)!].every((k) => done.has(k))
    );
    if (!wave.length) break;
    for (const p of wave) done.add(p.key);
    order.push(wave.map((p) => p.key));
  }
  if (done.size < panes.length) {
    const left = panes.filter((p) => !done.has(p.key));
    const cycle = findCycle(left[0].key, needs, done);
    const labels = cycle.map((k) => panes.find((p) => p.key === k)!.label);
    const first = panes.find((p) => p.key === cycle[0])!;
    const [wi, pi] = first.key.slice(1).split("p").map(Number);
    const wpath = o.paths[wi - 1];
    problems.push({
      path: o.ownDeps.has(first.key)
        ? [...wpath, "panes", pi - 1, "depends_on"]
        : [...wpath, "depends_on"],
      key: true,
      code: "dependency-cycle",
      problem: `Cannot order the panes of template "${o.name}": they wait for each other in a ` +
        `circle: ${[...labels, labels[0]].join(" → ")}`,
      hint: "Remove one of these depends_on entries (a pane cannot wait for its own window)",
    });
  }
  return order;
}

function findCycle(start: string, needs: Map<string, Set<string>>, done: Set<string>): string[] {
  const path: string[] = [];
  let at = start;
  while (!path.includes(at)) {
    path.push(at);
    at = [...needs.get(at)!].find((k) => !done.has(k))!;
  }
  return path.slice(path.indexOf(at));
}

/**
 * What a session looks like once built, pane by pane, from three sources: an imported rune
 * template (as rune's planner resolves it), tmuxinator's `debug` script, and tmuxp's own
 * expand()+trickle() JSON (the expected/ oracles in ../shared/compat). Tests compare them.
 */
import type { RunePane, RuneTemplate } from "../../src/import/mod.ts";

export interface FlatPane {
  dir?: string;
  lines: string[];
  title?: string;
  shell?: string;
  env?: Record<string, string>;
}

export interface FlatWindow {
  name?: string;
  layout?: string;
  panes: FlatPane[];
  activePane: number;
  synchronize?: boolean;
}

export interface FlatSession {
  windows: FlatWindow[];
  activeWindow: number;
}

const asLines = (v: string | string[] | undefined) =>
  v === undefined ? [] : Array.isArray(v) ? v : [v];

function absolute(dir: string, base: string, home: string): string {
  const expanded = dir === "~" ? home : dir.startsWith("~/") ? `${home}${dir.slice(1)}` : dir;
  const full = expanded.startsWith("/") ? expanded : `${base}/${expanded}`;
  const out: string[] = [];
  for (const part of full.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return `/${out.join("/")}`;
}

/** The template as rune builds it: dirs absolute, every pane's typed lines in order. */
export function flattenTemplate(
  t: RuneTemplate,
  opts: { home: string; projectDir: string },
): FlatSession {
  const sessionDir = absolute(t.dir ?? ".", opts.projectDir, opts.home);
  const windows = t.windows.map((w) => {
    const windowDir = absolute(w.dir ?? ".", sessionDir, opts.home);
    const panes = w.panes.map((p: RunePane): FlatPane => {
      const o = p === null ? {} : typeof p === "string" ? { command: p } : p;
      const env = { ...t.env, ...w.env, ...(typeof o === "object" && "env" in o ? o.env : {}) };
      return {
        dir: absolute(("dir" in o && o.dir) || ".", windowDir, opts.home),
        lines: [...asLines(t.pre_window), ...asLines(w.pre), ...asLines(o.command)],
        ...("title" in o && o.title !== undefined && { title: o.title }),
        ...("shell" in o && o.shell !== undefined && { shell: o.shell }),
        ...(Object.keys(env).length && { env }),
      };
    });
    const focus = w.panes.findIndex((p) => p !== null && typeof p === "object" && p.focus);
    return {
      ...(w.name !== undefined && { name: w.name }),
      ...(w.layout !== undefined && { layout: w.layout }),
      panes,
      activePane: Math.max(0, focus),
      ...(w.synchronize && { synchronize: true }),
    };
  });
  return { windows, activeWindow: Math.max(0, t.windows.findIndex((w) => w.focus)) };
}

/** Shell words of one script line: backslash escapes and quotes as sh reads them. */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "\\") {
      word = (word ?? "") + (line[++i] ?? "");
    } else if (c === "'" || c === '"') {
      const end = line.indexOf(c, i + 1);
      word = (word ?? "") + line.slice(i + 1, end < 0 ? line.length : end);
      i = end < 0 ? line.length : end;
    } else if (c === " " || c === "\t") {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else word = (word ?? "") + c;
  }
  if (word !== undefined) words.push(word);
  return words;
}

/**
 * The session tmuxinator's `debug` script builds. The `cd ROOT` typed into the first window
 * (tmuxinator's fallback for tmux < 1.9) is its start directory, not a typed line.
 */
export function parseTmuxinatorDebug(script: string): FlatSession {
  const windows: (FlatWindow & { dir?: string })[] = [];
  let activeWindow = 0;
  let afterNewSession = false;
  const index = (target: string) => {
    const [w, p] = target.slice(target.lastIndexOf(":") + 1).split(".");
    const byName = windows.findIndex((x) => x.name === w);
    return { w: /^\d+$/.test(w) ? Number(w) : byName, p: p === undefined ? 0 : Number(p) };
  };
  for (const raw of script.split("\n")) {
    const words = shellWords(raw.trim().replace(/^TMUX= /, ""));
    if (words[0] !== "tmux") continue;
    let i = 1;
    while (["-f", "-L", "-S"].includes(words[i])) i += 2;
    if (words[i] === "-u") i++;
    const [cmd, ...args] = words.slice(i);
    const opt = (flag: string) => {
      const k = args.indexOf(flag);
      return k < 0 ? undefined : args[k + 1];
    };
    const t = opt("-t") ?? "";
    switch (cmd) {
      case "new-session":
        windows[0] = { name: opt("-n"), panes: [{ lines: [] }], activePane: 0 };
        afterNewSession = true;
        continue;
      case "new-window": {
        const { w } = index(t);
        const dir = opt("-c");
        windows[w] = { name: opt("-n"), dir, panes: [{ dir, lines: [] }], activePane: 0 };
        break;
      }
      case "send-keys": {
        const keys = args.filter((a, k) => a !== "C-m" && args[k - 1] !== "-t" && a !== "-t");
        const { w, p } = index(t);
        const text = keys.join(" ");
        if (afterNewSession && !t.includes(".") && text.startsWith("cd ")) {
          windows[w].panes[0].dir = text.slice(3);
        } else if (keys.length) windows[w].panes[p].lines.push(text);
        break;
      }
      case "splitw":
        windows[index(t).w].panes.push({ dir: opt("-c"), lines: [] });
        break;
      case "select-layout": {
        const layout = args[args.indexOf("-t") + 2];
        if (layout) windows[index(t).w].layout = layout;
        break;
      }
      case "select-pane": {
        const { w, p } = index(t);
        const title = opt("-T");
        if (title !== undefined) windows[w].panes[p].title = title;
        else windows[w].activePane = p;
        break;
      }
      case "select-window":
        activeWindow = index(t).w;
        break;
      case "set-window-option":
        if (args.includes("synchronize-panes")) windows[index(t).w].synchronize = true;
        break;
    }
    afterNewSession = false;
  }
  return { windows: windows.map(({ dir: _dir, ...w }) => w), activeWindow };
}

interface TmuxpPane {
  shell_command: { cmd: string }[];
  start_directory?: string;
  focus?: boolean;
  shell?: string;
  environment?: Record<string, string>;
}
interface TmuxpWindow {
  window_name?: string;
  layout?: string;
  start_directory?: string;
  focus?: boolean;
  window_shell?: string;
  environment?: Record<string, string>;
  panes: TmuxpPane[];
}

/** The session tmuxp builds from its expanded+trickled workspace (its builder's rules). */
export function flattenTmuxpExpanded(
  expanded: { windows: TmuxpWindow[]; environment?: Record<string, string> },
  opts: { home: string; projectDir: string },
): FlatSession {
  const norm = (d: string | undefined) => absolute(d ?? ".", opts.projectDir, opts.home);
  let activeWindow = 0;
  const windows = expanded.windows.map((w, wi) => {
    if (w.focus) activeWindow = wi;
    let activePane = 0;
    const panes = w.panes.map((p, pi): FlatPane => {
      if (p.focus) activePane = pi;
      const shell = p.shell !== undefined && (p.shell !== "" || pi > 0) ? p.shell : w.window_shell;
      const env = { ...expanded.environment, ...(p.environment ?? w.environment) };
      return {
        dir: norm(p.start_directory ?? w.start_directory),
        lines: p.shell_command.map((c) => c.cmd),
        ...(shell && { shell }),
        ...(Object.keys(env).length && { env }),
      };
    });
    return {
      ...(w.window_name !== undefined && { name: w.window_name }),
      ...(w.layout !== undefined && { layout: w.layout }),
      panes,
      activePane,
    };
  });
  return { windows, activeWindow };
}

/** The parts of a session two sources are compared on; dirs and titles only where asked. */
export function comparable(
  session: FlatSession,
  opts: { dirs?: boolean; titles?: boolean; env?: boolean; shells?: boolean } = {},
) {
  const picked = {
    activeWindow: session.activeWindow,
    windows: session.windows.map((w) => ({
      name: w.name,
      // tmuxinator re-tiles a one-pane window too; a layout shows only with two panes or more.
      layout: w.panes.length > 1 ? w.layout : undefined,
      activePane: w.activePane,
      synchronize: w.synchronize ?? false,
      panes: w.panes.map((p) => ({
        lines: p.lines,
        ...(opts.dirs && { dir: p.dir }),
        ...(opts.titles && { title: p.title }),
        ...(opts.env && { env: p.env }),
        ...(opts.shells && { shell: p.shell }),
      })),
    })),
  };
  // Through JSON, so a key that is undefined on one side and absent on the other is the same.
  return JSON.parse(JSON.stringify(picked));
}

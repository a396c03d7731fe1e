/**
 * A running session's layout, read back so the share server can rebuild it with rune's engine
 * (tmux cannot move a session, window or pane between servers; notes/tmux_share.md §5): its
 * windows (names, layout strings, which is active), their panes (directories, titles, which is
 * active) and what each pane runs now. Programs do not move: the copy gets fresh shells in
 * the same directories, and the caller says which programs stayed behind. Parsing is pure.
 */
import type { PaneLayout, Runtime, SessionLayout, WindowLayout } from "../contract/mod.ts";
import { chain, runTmux, tmuxError } from "../tmux/mod.ts";
import { failed } from "./errors.ts";
import type { ShareResult } from "./errors.ts";

// One call lists both; the mark tells the lines apart. Free-form fields come last (a window
// name is stored escaped by tmux, a pane path is arbitrary).
const WINDOW_FORMAT =
  "W\t#{window_index}\t#{window_active}\t#{automatic-rename}\t#{window_layout}\t#{window_name}";
const PANE_FORMAT =
  "P\t#{window_index}\t#{pane_active}\t#{pane_current_command}\t#{pane_title}\t#{pane_current_path}";

/**
 * ⚠ Without a UTF-8 locale in its environment, tmux's client prints a tab as `_` and other
 * bytes as `_` too (tested on 3.3a with LANG unset): `-u` says the client takes UTF-8, so the
 * separators and the paths come back as they are.
 */
export const UTF8 = "-u";

/** Programs that are a plain shell waiting at a prompt: nothing is left behind. */
const SHELLS = new Set(["bash", "zsh", "fish", "sh", "dash", "ksh", "mksh", "tcsh", "csh"]);

export interface ReadLayout {
  layout: SessionLayout;
  /** Each pane's title, in the order the build creates panes. */
  titles: string[];
  /** Panes running something other than a shell: it keeps running in the original. */
  programs: { window: string; pane: number; command: string }[];
}

/** The argv that lists `session`'s windows and panes in one call. */
export function listLayoutArgv(socket: readonly string[], session: string): string[] {
  return [
    "tmux",
    UTF8,
    ...socket,
    ...chain([
      ["list-windows", "-t", `=${session}:`, "-F", WINDOW_FORMAT],
      ["list-panes", "-s", "-t", `=${session}:`, "-F", PANE_FORMAT],
    ]),
  ];
}

/** The output of listLayoutArgv → the layout to build. Pure. */
export function parseLayout(session: string, text: string): ReadLayout | undefined {
  const windows: { index: string; window: WindowLayout; panes: PaneLayout[] }[] = [];
  const titles: { index: string; title: string }[] = [];
  const programs: ReadLayout["programs"] = [];
  const paneLines: string[][] = [];
  for (const line of text.split("\n")) {
    const f = line.split("\t");
    if (f[0] === "W" && f.length >= 6) {
      const [, index, active, autoRename, layout] = f;
      const name = f.slice(5).join("\t");
      windows.push({
        index,
        window: {
          // A name tmux gives by itself (the running program's) is left for tmux to give again.
          ...(autoRename === "1" ? {} : { name }),
          layout: layout || undefined,
          dir: "",
          focus: active === "1",
          panes: [],
        },
        panes: [],
      });
    } else if (f[0] === "P" && f.length >= 6) {
      paneLines.push(f);
    }
  }
  for (const f of paneLines) {
    const [, index, active, command, title] = f;
    const dir = f.slice(5).join("\t");
    const w = windows.find((x) => x.index === index);
    if (!w) continue;
    w.panes.push({ commands: [], dir, focus: active === "1", exec: false });
    titles.push({ index, title });
    if (command && !SHELLS.has(command.replace(/^-/, ""))) {
      programs.push({
        window: w.window.name ?? index,
        pane: w.panes.length,
        command,
      });
    }
  }
  const built = windows.filter((w) => w.panes.length);
  if (!built.length) return undefined;
  for (const w of built) {
    w.window.panes = w.panes;
    w.window.dir = w.panes[0].dir;
  }
  // Titles in build order: window by window, pane by pane.
  const ordered = built.flatMap((w) =>
    titles.filter((t) => t.index === w.index).map((t) => t.title)
  );
  return {
    layout: {
      template: "",
      session,
      dir: built[0].window.dir,
      before: [],
      windows: built.map((w) => w.window),
    },
    titles: ordered,
    programs,
  };
}

/** Reads `session`'s layout from the server `socket` names. */
export async function readSessionLayout(
  runtime: Runtime,
  socket: readonly string[],
  env: Record<string, string>,
  session: string,
): Promise<ShareResult<ReadLayout>> {
  const r = await runTmux(runtime, listLayoutArgv(socket, session), env);
  if (r.code === 127) {
    return {
      ok: false,
      error: failed("cannot share: tmux is not installed", undefined, "missing"),
    };
  }
  const parsed = r.code === 0 ? parseLayout(session, r.stdout) : undefined;
  if (!parsed) {
    return {
      ok: false,
      error: failed(
        `cannot read the windows of session "${session}": ${
          r.code === 0 ? "it has none" : tmuxError(r)
        }`,
        "check it is running: rune session ls",
      ),
    };
  }
  return { ok: true, value: parsed };
}

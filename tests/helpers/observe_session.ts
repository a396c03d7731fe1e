/**
 * A running tmux session read back as the oracle's FlatSession (tests/import/oracle.ts): its
 * windows in order, each window's name (only one tmux did not pick itself: automatic-rename
 * off), panes in creation order (pane ids grow on a fresh server), each pane's start directory,
 * title (one that is not tmux's default, the host name), the lines a RecordingShell got, its
 * program and the environment it started with, which window and pane are active, and
 * synchronize-panes.
 */
import type { FlatPane, FlatSession, FlatWindow } from "../import/oracle.ts";
import type { TmuxServer } from "./tmux_server.ts";
import type { RecordingShell } from "./recording_shell.ts";

const SEP = "\u001f";

export interface ObserveOptions {
  /**
   * The layout each window should be in, from the oracle: a window is in layout L when
   * `select-layout L` leaves its geometry as it is (tmux keeps no layout's name).
   */
  layouts?: (string | undefined)[];
  /** The environment names to report per pane (the oracle's); others are left out. */
  envNames?: readonly string[];
}

export async function observeSession(
  tmux: TmuxServer,
  session: string,
  shell: RecordingShell,
  options: ObserveOptions = {},
): Promise<FlatSession> {
  const host = new Set(
    (await tmux.tmux("display-message", "-p", "-t", `=${session}:`, `#{host}${SEP}#{host_short}`))
      .split(SEP),
  );
  const windowRows = await rows(tmux, "list-windows", session, [
    "window_id",
    "window_active",
    "automatic-rename",
    "synchronize-panes",
    "window_layout",
    "window_name",
  ]);
  const paneRows = await rows(tmux, "list-panes", session, [
    "window_id",
    "pane_id",
    "pane_active",
    "pane_start_path",
    "pane_title",
  ], ["-s"]);
  let activeWindow = 0;
  const windows: FlatWindow[] = [];
  for (const [wi, [id, active, autoName, sync, layout, name]] of windowRows.entries()) {
    if (active === "1") activeWindow = wi;
    const panes = paneRows.filter((p) => p[0] === id)
      .sort((a, b) => Number(a[1].slice(1)) - Number(b[1].slice(1)));
    const flat: FlatPane[] = panes.map(([, paneId, , dir, title]) => {
      const got = shell.read(paneId);
      const env = Object.fromEntries(
        (options.envNames ?? []).flatMap((k) => got?.env[k] === undefined ? [] : [[k, got.env[k]]]),
      );
      return {
        dir,
        lines: got?.lines ?? [],
        ...(!host.has(title) && { title }),
        ...(got?.program !== undefined && { shell: got.program }),
        ...(Object.keys(env).length && { env }),
      };
    });
    windows.push({
      ...(autoName === "0" && { name }),
      layout: await layoutName(tmux, id, layout, options.layouts?.[wi]),
      panes: flat,
      activePane: Math.max(0, panes.findIndex((p) => p[2] === "1")),
      ...(sync === "1" && { synchronize: true }),
    });
  }
  return { windows, activeWindow };
}

/** `expected` when the window is in that layout, else its geometry as tmux prints it. */
async function layoutName(
  tmux: TmuxServer,
  window: string,
  geometry: string,
  expected: string | undefined,
): Promise<string | undefined> {
  if (expected === undefined) return undefined;
  await tmux.tmux("select-layout", "-t", window, expected);
  const again = await tmux.tmux("display-message", "-p", "-t", window, "#{window_layout}");
  return again === geometry ? expected : geometry;
}

async function rows(
  tmux: TmuxServer,
  command: string,
  session: string,
  fields: string[],
  flags: string[] = [],
): Promise<string[][]> {
  const format = fields.map((f) => `#{${f}}`).join(SEP);
  const out = await tmux.tmux(command, ...flags, "-t", `=${session}`, "-F", format);
  return out.split("\n").filter(Boolean).map((l) => l.split(SEP));
}

/**
 * `rune start web --append`: the template's windows as builds of their own, so the executor
 * adds to the running session the ones it lacks, by name, each made exactly as a new session's
 * window is (build_window.ts). Pure. Each is appended after the session's last window
 * (`new-window -a -t $SESSION:{end}`), never into a gap the user left; `$SESSION` is the
 * running session's id, bound when it runs.
 */
import type { AppendWindow, SessionLayout } from "../contract/mod.ts";
import type { BuildOptions } from "./build.ts";
import { packPieces, SESSION_ID } from "./pack.ts";
import { windowPieces } from "./build_window.ts";

/** The named windows of `layout`, each as the calls that append it (usually one). */
export function buildAppendWindows(layout: SessionLayout, options: BuildOptions): AppendWindow[] {
  return layout.windows.flatMap((window, wi) => {
    if (window.name === undefined) return [];
    const pieces = windowPieces(window, wi, {
      newWindow: ["-a", "-t", `${SESSION_ID}:{end}`],
      print: ["-P", "-F", "#{pane_id}"],
      env: options.env,
      markerDir: options.markerDir,
    });
    const build = packPieces(options.socket, { commands: [], panes: [] }, pieces, {
      firstTarget: SESSION_ID,
      budget: options.budget,
    });
    return [{ name: window.name, focus: window.focus, build }];
  });
}

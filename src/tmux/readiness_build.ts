/**
 * What declared readiness changes in a session's build (issue 17). Pure argv:
 * - a pane whose condition is `exit:` gets `remain-on-exit on` in the same command list that
 *   creates it (nothing runs between them, so even a program that ends at once leaves its
 *   status in #{pane_dead_status});
 * - an exec pane that waits for others starts on a placeholder (`cat`, no shell, nothing
 *   typed) and its program later, by `respawn-pane -k` with the same directory and
 *   environment (the session's hidden names stay hidden: respawned panes get the session's
 *   environment, FACTS §1a).
 */
import type { PaneLayout, SessionLayout } from "../contract/mod.ts";
import { literalFormat } from "./escape.ts";

/** The process of a pane that will be respawned: waits, prints nothing, reads its input. */
export const WAITING_PROCESS = ["cat", "-"];

export interface PaneReadinessBuild {
  /** In place of the pane's own process, when it is started later. */
  process?: string[];
  /** Right after the command that creates the pane (it is the current target). */
  after: string[][];
  /** `respawn-pane -k … CMD` without its -t: the executor adds the pane's id. */
  respawn?: string[];
}

export function paneReadinessBuild(
  layout: SessionLayout,
  key: string,
  pane: PaneLayout,
  env: readonly string[],
): PaneReadinessBuild {
  const r = layout.readiness?.panes.find((p) => p.key === key);
  if (!r) return { after: [] };
  const after = r.ready?.kind === "exit" ? [["set-option", "-p", "remain-on-exit", "on"]] : [];
  if (!(pane.exec && pane.commands.length && r.after.length)) return { after };
  return {
    process: WAITING_PROCESS,
    after,
    respawn: [
      "respawn-pane",
      "-k",
      "-c",
      literalFormat(pane.dir),
      ...env,
      pane.commands.join("\n"),
    ],
  };
}

/** `respawn` with the pane's id as its target. */
export function respawnCommand(respawn: readonly string[], id: string): string[] {
  return [respawn[0], respawn[1], "-t", id, ...respawn.slice(2)];
}

/** `rune session status [NAME] [--json]`: each pane of rune's sessions, as its readiness stands. */
import { visible } from "../../base/mod.ts";
import { denoRuntime } from "../../exec/mod.ts";
import { sessionStatus } from "../../tmux/mod.ts";
import type { PaneStatus, SocketChoice } from "../../tmux/mod.ts";
import type { GlobalOptions } from "../spec.ts";
import { EXIT } from "../exit_codes.ts";
import { runeSession, runeSessions, sessionWorld } from "./session.ts";

export async function sessionStatusCommand(
  flags: SocketChoice,
  given: string | undefined,
  json: boolean,
  globals: GlobalOptions,
): Promise<number> {
  let names: string[];
  let world;
  if (given !== undefined) {
    const found = await runeSession(flags, given, globals);
    if (typeof found === "number") return found;
    world = found.world;
    names = [found.name];
  } else {
    world = await sessionWorld(flags, globals);
    const sessions = await runeSessions(world);
    if (typeof sessions === "number") return sessions;
    names = sessions.map((s) => s.name);
  }
  const all: { session: string; panes: PaneStatus[] }[] = [];
  for (const session of names) {
    const r = await sessionStatus(denoRuntime, world.socketArgs, world.clientEnv, session);
    if (!r.ok) {
      console.error(visible(`rune: cannot read the panes of "${session}": ${r.message}`));
      return EXIT.stepFailed;
    }
    all.push({ session, panes: r.panes });
  }
  if (json) {
    console.log(JSON.stringify(given !== undefined ? all[0] : all, null, 2));
    return EXIT.ok;
  }
  if (!all.length) {
    console.error("no tmux sessions made by rune on this server");
    return EXIT.ok;
  }
  for (const { session, panes } of all) {
    console.log(visible(`session ${session}`));
    const width = Math.max(4, ...panes.map((p) => visible(p.pane).length));
    for (const p of panes) {
      console.log(
        `  ${visible(p.pane).padEnd(width)}  ${p.status.padEnd(7)}  ${visible(p.detail)}`.trimEnd(),
      );
    }
  }
  return EXIT.ok;
}

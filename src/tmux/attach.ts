/**
 * Showing the built session once the ritual is over: attach-session with rune's terminal,
 * switch-client from inside tmux, or the exact attach command when there is no terminal. How
 * is the world's decision (`world.show`). Needs --allow-run=tmux.
 */
import type { Runtime } from "../contract/mod.ts";
import { runTmux, tmuxCommand, tmuxError } from "./client.ts";
import { attachCommand, tmuxCommandText } from "./socket.ts";
import type { TmuxWorld } from "./world.ts";

/** Attaches, switches or returns the lines telling how to attach. */
export async function finishAttach(
  session: string,
  world: TmuxWorld,
  runtime: Runtime,
): Promise<string[]> {
  const attach = attachCommand(world.socket, session);
  const target = `=${session}`;
  switch (world.show) {
    case "print":
      return [detachedHint(session, world)];
    case "elsewhere":
      return [
        `tmux session "${session}" is ready on another tmux server; ` +
        `from outside tmux attach with: ${attach}`,
      ];
    case "switch": {
      const r = await runTmux(
        runtime,
        tmuxCommand(world.socketArgs, "switch-client", "-t", target),
        // The caller's TMUX and TMUX_PANE tell tmux which client to switch.
        { ...world.clientEnv, ...world.callerEnv },
      );
      return r.code === 0
        ? []
        : [`could not switch to "${session}": ${tmuxError(r)}; attach with: ${attach}`];
    }
    case "attach": {
      // The client owns rune's terminal until the user detaches.
      const r = await runtime.run(
        tmuxCommand(world.socketArgs, "attach-session", "-t", target),
        { clearEnv: true, env: world.clientEnv, stdin: { inherit: true }, inheritOutput: true },
      );
      return r.code === 0 ? [] : [`tmux attach failed; attach with: ${attach}`];
    }
  }
}

/** What to type to see a session left detached, from where rune runs. */
export function detachedHint(session: string, world: TmuxWorld): string {
  const attach = attachCommand(world.socket, session);
  switch (world.caller) {
    case "inside":
      // Attaching from a pane would nest tmux in tmux: switch this client instead.
      return `tmux session "${session}" is ready (detached); switch to it with: ` +
        tmuxCommandText(world.socketArgs, ["switch-client", "-t", `=${session}`]);
    case "elsewhere":
      return `tmux session "${session}" is ready (detached) on another tmux server; ` +
        `from outside tmux attach with: ${attach}`;
    case "outside":
      return `tmux session "${session}" is ready (detached); attach with: ${attach}`;
  }
}

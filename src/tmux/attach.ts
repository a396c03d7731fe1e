/**
 * Showing the built session once the ritual is over: attach-session with rune's terminal,
 * switch-client from inside tmux, or the exact attach command when there is no terminal.
 * Needs --allow-run=tmux.
 */
import type { ExecContext } from "../contract/outcome.ts";
import { runTmux, tmuxCommand, tmuxError } from "./client.ts";
import { attachCommand, chooseAttach, socketArgs } from "./socket.ts";
import type { SocketChoice } from "./socket.ts";

export interface BuiltSession {
  session: string;
  socket: SocketChoice;
  /** The filtered environment tmux clients run with. */
  clientEnv: Record<string, string>;
}

/** Attaches, switches or returns the lines telling how to attach. */
export async function finishAttach(
  built: BuiltSession,
  ctx: Pick<ExecContext, "flags" | "parentEnv" | "terminal" | "runtime">,
  uid: number,
): Promise<string[]> {
  const attach = attachCommand(built.socket, built.session);
  const how = chooseAttach({
    detach: ctx.flags.detach,
    terminal: ctx.terminal,
    parentEnv: ctx.parentEnv,
    socket: built.socket,
    uid,
  });
  const target = `=${built.session}`;
  switch (how) {
    case "print":
      return [`tmux session "${built.session}" is ready (detached); attach with: ${attach}`];
    case "elsewhere":
      return [
        `tmux session "${built.session}" is ready on another tmux server; ` +
        `from outside tmux attach with: ${attach}`,
      ];
    case "switch": {
      const r = await runTmux(
        ctx.runtime,
        tmuxCommand(socketArgs(built.socket), "switch-client", "-t", target),
        // The caller's TMUX and TMUX_PANE tell tmux which client to switch.
        { ...built.clientEnv, ...pick(ctx.parentEnv, ["TMUX", "TMUX_PANE"]) },
      );
      return r.code === 0
        ? []
        : [`could not switch to "${built.session}": ${tmuxError(r)}; attach with: ${attach}`];
    }
    case "attach": {
      // The client owns rune's terminal until the user detaches.
      const r = await ctx.runtime.run(
        tmuxCommand(socketArgs(built.socket), "attach-session", "-t", target),
        { clearEnv: true, env: built.clientEnv, stdin: { inherit: true }, inheritOutput: true },
      );
      return r.code === 0 ? [] : [`tmux attach failed; attach with: ${attach}`];
    }
  }
}

function pick(env: Readonly<Record<string, string>>, names: string[]): Record<string, string> {
  return Object.fromEntries(names.filter((n) => env[n] !== undefined).map((n) => [n, env[n]]));
}

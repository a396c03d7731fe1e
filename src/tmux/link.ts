/**
 * How a build talks to its session once it exists: through the build's own control client
 * (one process for the whole build, every command a line on its stdin, every pane's output
 * seen as it comes), or, when control mode is not usable, one tmux process per command list.
 * Typing, pane options and polls go through this, so the code above does not care which.
 * Needs --allow-run=tmux.
 */
import type { Runtime } from "../contract/mod.ts";
import { runTmux, tmuxError } from "./client.ts";
import type { ControlClient } from "./control_client.ts";
import type { ControlEvent } from "./control_protocol.ts";
import { chain } from "./escape.ts";
import { packCommands } from "./pack.ts";

export type LinkResult = { ok: true; lines: string[] } | { ok: false; message: string };

export interface SessionLink {
  readonly kind: "control" | "cli";
  /** Runs one command list (a failing command skips the rest); its output lines. */
  run(commands: readonly (readonly string[])[]): Promise<LinkResult>;
  /**
   * Runs groups of commands that each name their own target (send-keys -t %ID …): one line on
   * a control client; as few tmux calls as fit tmux's message limit otherwise.
   */
  runGroups(groups: readonly (readonly string[][])[]): Promise<LinkResult>;
  /** Every control event from now on (control links only); returns the unsubscribe. */
  subscribe?(listener: (e: ControlEvent) => void): () => void;
  /** Detaches the control client and waits for it to be gone; nothing for the CLI link. */
  close(): Promise<void>;
}

/** A link over the build's control client. */
export function controlLink(client: ControlClient): SessionLink {
  return {
    kind: "control",
    async run(commands) {
      if (!commands.length) return { ok: true, lines: [] };
      const r = await client.run(commands, 30_000);
      return r.ok ? { ok: true, lines: r.value.flat() } : { ok: false, message: r.error.problem };
    },
    runGroups(groups) {
      return this.run(groups.flat());
    },
    subscribe: (listener) => client.subscribe(listener),
    async close() {
      await client.close();
    },
  };
}

/** A link that runs one `tmux` process per command list, with the filtered environment. */
export function cliLink(
  runtime: Runtime,
  socket: readonly string[],
  env: Record<string, string>,
): SessionLink {
  return {
    kind: "cli",
    async run(commands) {
      if (!commands.length) return { ok: true, lines: [] };
      const r = await runTmux(runtime, ["tmux", ...socket, ...chain(commands)], env);
      const lines = r.stdout.split("\n").filter((l) => l !== "");
      return r.code === 0 ? { ok: true, lines } : { ok: false, message: tmuxError(r) };
    },
    async runGroups(groups) {
      const lines: string[] = [];
      for (const argv of packCommands(socket, groups)) {
        const r = await runTmux(runtime, argv, env);
        if (r.code !== 0) return { ok: false, message: tmuxError(r) };
        lines.push(...r.stdout.split("\n").filter((l) => l !== ""));
      }
      return { ok: true, lines };
    },
    close: () => Promise.resolve(),
  };
}

/**
 * Typing a built session's pane commands, each pane as soon as its shell reads input
 * (handshake.ts), through the build's link: the control client (one line per batch, no
 * process) or tmux calls (as few as fit; rune's pipe-pane on a pane closed as it is typed).
 * Addressed by pane id only; a window with `synchronize:` gets synchronize-panes before or
 * after its panes are typed (sync_typing.ts). Pure argv; the link runs it.
 */
import type { ExecContext, SyncWindow } from "../contract/mod.ts";
import { markerLine } from "./build.ts";
import { awaitPanes } from "./handshake.ts";
import type { HandshakeResult, PaneSource, ReadyPane } from "./handshake.ts";
import type { LinkResult, SessionLink } from "./link.ts";
import { CONTROL_MARKER_LINE } from "./pane_output.ts";
import { SyncTyping } from "./sync_typing.ts";

/**
 * The commands that type `lines` into pane `id`, one group per line (a line is never cut).
 * The first group takes the pane out of any mode first: keys sent to a pane in view-mode
 * (a tmux config error, tmux #3193, or a hook's run-shell output) or copy-mode are run as
 * that mode's commands and the line is lost. It prints the mode it found ("%3 view-mode"), so
 * the caller can say so (see modeNotes).
 */
export function typingGroups(
  id: string,
  lines: readonly string[],
  closePipe = false,
  pending?: string,
): string[][][] {
  const groups = lines.map((line) => [
    ["send-keys", "-t", id, "-l", line],
    ["send-keys", "-t", id, "Enter"],
  ]);
  // A restored program that is not restarted: its line waits on the prompt, not entered.
  if (pending) groups.push([["send-keys", "-t", id, "-l", pending]]);
  if (groups.length) {
    groups[0].unshift(...leaveModes(id), ...(closePipe ? [["pipe-pane", "-t", id]] : []));
  }
  return groups;
}

function leaveModes(id: string): string[][] {
  return [["display-message", "-p", "-t", id, MODE_LINE], ["copy-mode", "-q", "-t", id]];
}

/** Printed by each typed pane's first group: "MODE %3 view-mode" (empty when in no mode). */
const MODE_LINE = "MODE #{pane_id} #{pane_mode}";

/** A note for each pane the typing found in a mode, from the typing calls' output lines. */
export function modeNotes(lines: readonly string[]): string[] {
  return lines.flatMap((l) => {
    const m = /^MODE (%\d+) (\S+)$/.exec(l);
    if (!m) return [];
    return [
      `pane ${m[1]} was in ${m[2]} (a tmux config error or a hook's output shows there); ` +
      `rune left it before typing: check your tmux config and hooks`,
    ];
  });
}

export interface TypingOptions {
  link: SessionLink;
  source: PaneSource;
  /** The build's marker dir (pipe-pane files and the file marker of the CLI path). */
  markerDir: string;
  idOf: (key: string) => string;
  deadlineMs?: number;
  ctx: ExecContext;
  /**
   * These panes' shells read input now (in the order they did). Default: type their commands.
   * With readiness declared, the caller decides when (a pane may wait for others).
   */
  onReady?: (panes: ReadyPane[]) => Promise<void>;
  /** Panes that run a program, not a shell: never sent the marker (handshake.ts). */
  programs?: ReadonlySet<string>;
  /** Windows whose synchronize-panes the typing turns on (`synchronize:`). */
  synchronize?: readonly SyncWindow[];
}

/** Waits for `panes`' shells and types their commands (or hands them to onReady). */
export async function typeWhenReady(
  panes: readonly { key: string; commands: readonly string[]; pending?: string }[],
  o: TypingOptions,
): Promise<HandshakeResult> {
  const byKey = new Map(panes.map((p) => [p.key, p]));
  const sync = new SyncTyping<ReadyPane>(o.synchronize ?? [], panes.map((p) => p.key));
  const synchronize = async (keys: string[]) => {
    if (!keys.length) return;
    const on = keys.map((k) => ["set-option", "-w", "-t", o.idOf(k), "synchronize-panes", "on"]);
    await o.link.run(on);
  };
  const control = o.link.kind === "control";
  const marker = (key: string) => control ? CONTROL_MARKER_LINE : markerLine(o.markerDir, key);
  const note = (r: LinkResult) => {
    for (const line of r.ok ? modeNotes(r.lines) : []) o.ctx.note(line);
  };
  const result = await awaitPanes(o.source, panes.map((p) => p.key), {
    programs: o.programs,
    deadlineMs: o.deadlineMs,
    signal: o.ctx.signal,
    // Through the control client typing costs no process: nothing to batch. And output is
    // seen as it comes: bash, zsh and fish send READING with (or before) their prompt's own
    // bytes, so a prompt without it, quiet for 50 ms, is a shell that never will.
    batchMs: control ? 0 : undefined,
    quietMs: control ? { prompt: 50, line: 1000 } : undefined,
    typeMarkers: async (keys) => {
      note(await o.link.runGroups(keys.flatMap((k) => typingGroups(o.idOf(k), [marker(k)]))));
    },
    ready: async (ready) => {
      for (const { key, how } of ready) {
        if (how !== "deadline") continue;
        o.ctx.note(
          `pane ${key} (${o.idOf(key)}) never showed a ready shell; typed its commands anyway`,
        );
      }
      if (o.onReady) return await o.onReady(ready);
      const now = sync.ready(ready);
      await synchronize(now.syncFirst);
      note(
        await o.link.runGroups(now.type.flatMap((p) => {
          const pane = byKey.get(p.key);
          return typingGroups(o.idOf(p.key), pane?.commands ?? [], p.piped, pane?.pending);
        })),
      );
      await synchronize(sync.typed(now.type.map((p) => p.key)));
    },
  });
  // Panes held for a window that never became all ready (Ctrl-C) were never typed either.
  return { ...result, untyped: [...result.untyped, ...sync.held()] };
}

/** Ctrl-C: the panes left untyped keep no pipe of rune's open. */
export async function closePipes(link: SessionLink, ids: readonly string[]): Promise<void> {
  if (ids.length) await link.run(ids.map((id) => ["pipe-pane", "-t", id]));
}

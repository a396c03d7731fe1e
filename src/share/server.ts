/**
 * The share server: a tmux server of its own (`-S DIR/sock -f DIR/tmux.conf`) holding only
 * the shared session, so a guest never sees or reaches the owner's other sessions through
 * tmux (on a server with one session, `switch-client` and prefix `(` `)` find nothing). It is
 * built with rune's engine from the layout read off the running session, then given its
 * status mark and hooks; any failure kills it and removes the directory.
 * Needs --allow-run=tmux, --allow-write on the share directory.
 */
import type { Runtime } from "../contract/mod.ts";
import {
  bindSession,
  buildSession,
  chain,
  DETACHED_SIZE,
  literalFormat,
  runTmux,
  tmuxCommand,
  tmuxError,
} from "../tmux/mod.ts";
import { MARK_OPTION, STATUS_RIGHT } from "./access.ts";
import { failed } from "./errors.ts";
import type { ShareResult } from "./errors.ts";
import { shareHooks } from "./hooks.ts";
import type { HookSpec } from "./hooks.ts";
import type { ReadLayout } from "./layout.ts";
import type { SharePaths } from "./paths.ts";

/**
 * The share server's config, read once when it starts. None of the owner's tmux.conf: the
 * server is a guest room, and `update-environment ""` keeps a guest's environment
 * (SSH_AUTH_SOCK, DISPLAY…) out of the session (notes §7).
 */
export function shareConf(session: string): string {
  return [
    `# rune's share server for session ${JSON.stringify(session)} (rune session share)`,
    `set -g update-environment ""`,
    `set -g status-right-length 120`,
    `set -g status-right '${STATUS_RIGHT}'`,
    "",
  ].join("\n");
}

/** tmux's global flags for the share server. */
export function shareSocketArgs(paths: SharePaths): string[] {
  return ["-S", paths.socket, "-f", paths.conf];
}

export interface BuildFacts {
  runtime: Runtime;
  env: Record<string, string>;
  project: string;
  /** Names hidden from every pane (the env filter's). */
  hide: readonly string[];
  hooks: Omit<HookSpec, "session" | "project" | "dir" | "socket">;
}

/** Builds the share server with `read`'s layout; on any failure nothing is left running. */
export async function buildShareServer(
  paths: SharePaths,
  read: ReadLayout,
  facts: BuildFacts,
): Promise<ShareResult<{ paneIds: string[] }>> {
  const socket = shareSocketArgs(paths);
  const session = read.layout.session;
  const run = (argv: readonly string[]) => runTmux(facts.runtime, argv, facts.env);
  const calls = buildSession(read.layout, {
    socket,
    project: facts.project,
    size: { ...DETACHED_SIZE },
    env: {},
    hide: facts.hide,
    markerDir: paths.dir,
  });
  const fail = async (why: string) => {
    await killShareServer(facts.runtime, facts.env, paths);
    return {
      ok: false as const,
      error: failed(
        `cannot build the shared copy of "${session}": ${why}`,
        "nothing was shared; check the session with: rune session ls",
      ),
    };
  };
  const first = await run(calls[0].argv);
  const lines = first.stdout.split("\n").map((l) => l.trim()).filter(Boolean);
  const [id, stored] = (lines.find((l) => l.startsWith("$")) ?? "").split("\t");
  if (first.code !== 0) return await fail(tmuxError(first));
  if (stored !== session) return await fail(`tmux stored its name as "${stored}"`);
  const paneIds = lines.filter((l) => l.startsWith("%"));
  for (const call of calls.slice(1)) {
    const r = await run(bindSession(call.argv, id));
    if (r.code !== 0) return await fail(tmuxError(r));
    paneIds.push(...r.stdout.split("\n").map((l) => l.trim()).filter((l) => l.startsWith("%")));
  }
  const setup: string[][] = [
    ["set-option", "-g", MARK_OPTION, "shared with nobody yet"],
    ...shareHooks({
      ...facts.hooks,
      session,
      project: facts.project,
      dir: paths.dir,
      socket: paths.socket,
    }),
    ...read.titles.flatMap((title, i) =>
      paneIds[i] && title ? [["select-pane", "-t", paneIds[i], "-T", literalFormat(title)]] : []
    ),
  ];
  const r = await run(["tmux", ...socket, ...chain(setup)]);
  if (r.code !== 0) return await fail(tmuxError(r));
  return { ok: true, value: { paneIds } };
}

/** Ends the share server (if it runs) and removes the share directory. */
export async function killShareServer(
  runtime: Runtime,
  env: Record<string, string>,
  paths: SharePaths,
): Promise<void> {
  await runTmux(runtime, ["tmux", "-S", paths.socket, "kill-server"], env);
  try {
    Deno.removeSync(paths.dir, { recursive: true });
  } catch (e) {
    if (e instanceof Deno.errors.NotCapable) throw e;
  }
}

export type Liveness = "alive" | "dead" | "unknown";

/**
 * Whether the share server still holds the session: `has-session` as the owner. "dead" when
 * no server answers or it no longer has the session (then nothing should stay reachable).
 */
export async function shareLiveness(
  runtime: Runtime,
  env: Record<string, string>,
  socket: string,
  session: string,
): Promise<Liveness> {
  const r = await runTmux(
    runtime,
    tmuxCommand(["-S", socket], "has-session", "-t", `=${session}`),
    env,
  );
  if (r.code === 0) return "alive";
  if (/no server running|error connecting|can't find session/.test(r.stderr)) return "dead";
  return "unknown";
}

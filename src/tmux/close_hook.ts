/**
 * "Closing a rune session by hand runs the stop ritual": tmux fires scoped session-closed
 * hooks never (FACTS §5), so rune sets ONE global hook (its own array index) that calls
 * `rune session closed NAME`; rune looks NAME up in its registry and runs that project's stop
 * ritual. Sessions rune did not register are ignored, so the hook is harmless for others.
 */
import type { Runtime } from "../runtime.ts";
import { runTmux, tmuxCommand } from "./client.ts";
import type { SocketChoice } from "./socket.ts";

/** rune's slot in the global session-closed hook array. */
export const CLOSE_HOOK_INDEX = 4747;

export interface CloseHookEntry {
  session: string;
  project: string;
  /** The stop ritual runs here, as it would have where `rune start` ran. */
  projectDir: string;
  configFile: string;
  socket: SocketChoice;
}

function registryFile(stateDir: string): string {
  return `${stateDir}/close_hooks.json`;
}

export function readCloseHooks(stateDir: string): CloseHookEntry[] {
  try {
    return JSON.parse(Deno.readTextFileSync(registryFile(stateDir)));
  } catch {
    return [];
  }
}

export function writeCloseHooks(stateDir: string, entries: readonly CloseHookEntry[]): void {
  Deno.mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  const tmp = `${registryFile(stateDir)}.${Deno.pid}`;
  Deno.writeTextFileSync(tmp, JSON.stringify(entries, null, 2), { mode: 0o600 });
  Deno.renameSync(tmp, registryFile(stateDir));
}

const sameSocket = (a: SocketChoice, b: SocketChoice) => a.path === b.path && a.name === b.name;

/** Takes (removes and returns) the entry for a closed session, if rune registered it. */
export function takeCloseHook(
  stateDir: string,
  session: string,
  socket: SocketChoice,
): CloseHookEntry | undefined {
  const entries = readCloseHooks(stateDir);
  const found = entries.find((e) => e.session === session && sameSocket(e.socket, socket));
  if (found) writeCloseHooks(stateDir, entries.filter((e) => e !== found));
  return found;
}

/** sh single quotes. */
function shQuote(s: string): string {
  return /^[A-Za-z0-9_\/.,:=@%+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** tmux's parser: single quotes have no escapes, so a `'` is closed, given in "…", reopened. */
function tmuxQuote(s: string): string {
  return `'${s.replace(/'/g, `'"'"'`)}'`;
}

/**
 * The hook's command: run-shell expands formats in its argument, so every `#` of the rune
 * argv is doubled and the session name arrives shell-quoted by `#{q:…}`.
 */
export function closeHookCommand(
  runeArgv: readonly string[],
  socket: SocketChoice,
  stateDir: string,
): string {
  // The server's environment may not be rune's (another HOME or XDG_STATE_HOME): the registry's
  // place travels with the hook.
  const argv = [
    ...runeArgv,
    "session",
    "closed",
    ...socketFlags(socket),
    "--state-dir",
    stateDir,
    "--",
  ]
    .map(shQuote)
    .join(" ")
    .replaceAll("#", "##");
  return `run-shell -b ${tmuxQuote(`${argv} #{q:hook_session_name}`)}`;
}

function socketFlags(socket: SocketChoice): string[] {
  if (socket.path) return ["--socket-path", socket.path];
  if (socket.name) return ["--socket", socket.name];
  return [];
}

export async function installCloseHook(
  runtime: Runtime,
  socketArgv: readonly string[],
  env: Record<string, string>,
  hook: CloseHookEntry & { runeArgv: string[]; stateDir: string },
): Promise<void> {
  const entries = readCloseHooks(hook.stateDir).filter(
    (e) => !(e.session === hook.session && sameSocket(e.socket, hook.socket)),
  );
  entries.push({
    session: hook.session,
    project: hook.project,
    projectDir: hook.projectDir,
    configFile: hook.configFile,
    socket: hook.socket,
  });
  writeCloseHooks(hook.stateDir, entries);
  await runTmux(
    runtime,
    tmuxCommand(
      socketArgv,
      "set-hook",
      "-g",
      `session-closed[${CLOSE_HOOK_INDEX}]`,
      closeHookCommand(hook.runeArgv, hook.socket, hook.stateDir),
    ),
    env,
  );
}

/**
 * How tmux's hook can start this same rune: the compiled binary alone, or deno with the
 * bundle (or main.ts) under the permission set of the deno.json beside it or one level up.
 */
export function currentRuneArgv(): string[] {
  const main = Deno.mainModule;
  if (!main.startsWith("file:")) return [Deno.execPath()];
  const script = new URL(main).pathname;
  const dir = script.slice(0, script.lastIndexOf("/"));
  const config = [`${dir}/deno.json`, `${dir.slice(0, dir.lastIndexOf("/"))}/deno.json`]
    .find((p) => {
      try {
        return Deno.statSync(p).isFile;
      } catch {
        return false;
      }
    });
  return [
    Deno.execPath(),
    "run",
    "-q",
    "--no-prompt",
    ...(config ? ["--config", config] : []),
    "-P",
    script,
  ];
}

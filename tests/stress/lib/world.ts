/**
 * A hostile world for one check: a temp HOME whose environment holds secrets (and what tools
 * need: SSH_AUTH_SOCK and friends), a private tmux server that was running before rune and
 * holds the secrets in its global environment (or, for `server: "new"`, a socket rune's own
 * call starts), and the probes every area counts with: files a hostile value would create if
 * it ran (`pwned…`), withheld values found in any file or output, the environment of every
 * pane of a server. Everything is removed afterwards; the servers are killed by their socket.
 */
import { makeTempHome } from "../../helpers/temp_home.ts";
import type { TempHome } from "../../helpers/temp_home.ts";
import { withTmuxServer } from "../../helpers/tmux_server.ts";
import type { TmuxServer } from "../../helpers/tmux_server.ts";
import { REPO_ROOT } from "../../helpers/run_rune.ts";

const TAG = crypto.randomUUID().slice(0, 8);

/** Secret-looking variables rune must never hand to a child, with values found nowhere else. */
export const SECRETS: Record<string, string> = Object.fromEntries(
  [
    "GITHUB_TOKEN",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_ACCESS_KEY_ID",
    "DB_PASSWORD",
    "STRIPE_API_KEY",
    "SMTP_PASS",
    "DATABASE_URL",
    "MY_PRIVATE_KEY",
    "NPM_CONFIG__AUTH",
    "VAULT_TOKEN",
    "SESSION_COOKIE",
  ].map((name) => [name, `sekret-${name.toLowerCase()}-${TAG}`]),
);

/** What tools need: present in every child. */
export const NEEDED: Record<string, string> = {
  SSH_AUTH_SOCK: `/tmp/rune-stress-agent-${TAG}.sock`,
  SSH_AGENT_PID: "4242",
  GPG_AGENT_INFO: `/tmp/rune-stress-gpg-${TAG}:0:1`,
  DBUS_SESSION_BUS_ADDRESS: `unix:path=/tmp/rune-stress-bus-${TAG}`,
  DISPLAY: ":42",
};

export interface World {
  home: TempHome;
  /** The project directory (`web`), cwd of most runs. */
  dir: string;
  tmux: TmuxServer;
  /** The socket rune is pointed at (the old server's, or a fresh path for "new"). */
  socket: string;
  /** rune's environment: the temp HOME's, the secrets, what tools need, the socket. */
  env: Record<string, string>;
}

export interface WorldOptions {
  server?: "existing" | "new";
  config?: string;
}

export async function withWorld<T>(fn: (w: World) => Promise<T>, o: WorldOptions = {}) {
  const home = makeTempHome({ ...SECRETS, ...NEEDED });
  try {
    const dir = `${home.dir}/web`;
    Deno.mkdirSync(dir);
    if (o.config !== undefined) home.writeConfig(o.config);
    return await withTmuxServer(async (tmux) => {
      await tmux.tmux("new-session", "-d", "-s", "keep");
      // As a user's server started from an earlier login: the secrets, and agent sockets and a
      // display that are stale now (rune's own environment has the current ones).
      const stale = Object.fromEntries(Object.entries(NEEDED).map(([k, v]) => [k, `${v}-stale`]));
      for (const [k, v] of Object.entries({ ...SECRETS, ...stale })) {
        await tmux.tmux("set-environment", "-g", k, v);
      }
      const socket = o.server === "new" ? `${tmux.dir}/new.sock` : tmux.socket;
      try {
        return await fn({
          home,
          dir,
          tmux,
          socket,
          env: { ...home.env, RUNE_TMUX_SOCKET: socket },
        });
      } finally {
        if (o.server === "new") await killServer(socket);
      }
    });
  } finally {
    home.cleanup();
  }
}

/** Kills the tmux server on `socket` (by its socket: never by name), if one runs there. */
export async function killServer(socket: string): Promise<void> {
  await new Deno.Command("tmux", {
    args: ["-S", socket, "kill-server"],
    stdout: "null",
    stderr: "null",
  }).output().catch(() => {});
}

/** Every regular file under `root` (symlinks not followed). */
export function filesUnder(root: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let entries: Deno.DirEntry[];
    try {
      entries = [...Deno.readDirSync(d)];
    } catch {
      return;
    }
    for (const e of entries) {
      const p = `${d}/${e.name}`;
      if (e.isDirectory) walk(p);
      else if (e.isFile) out.push(p);
    }
  };
  walk(root);
  return out;
}

/**
 * Files a hostile value creates if it escaped into a shell or a tmux format (`touch pwned…`,
 * relative to wherever it ran): under the world's dirs, the repository (tmux's cwd) and /tmp.
 */
export function pwnedFiles(w: World): string[] {
  const found: string[] = [];
  for (const root of [w.home.dir, w.tmux.dir]) {
    found.push(...filesUnder(root).filter((p) => /\/pwned[^/]*$/i.test(p)));
  }
  for (const d of [REPO_ROOT, "/tmp", "/"]) {
    try {
      for (const e of Deno.readDirSync(d)) if (/^pwned/i.test(e.name)) found.push(`${d}/${e.name}`);
    } catch { /* unreadable */ }
  }
  return found;
}

/** Removes what `pwnedFiles` found, so the next try is counted on its own. */
export function clearPwned(paths: string[]): void {
  for (const p of paths) {
    try {
      Deno.removeSync(p, { recursive: true });
    } catch { /* gone */ }
  }
}

/** Names of the secrets whose value appears in `text`. */
export function leakedIn(text: string): string[] {
  return Object.entries(SECRETS).filter(([, v]) => text.includes(v)).map(([k]) => k);
}

/** `path: NAME` for every secret value found in a file under `roots`. */
export function leaksInFiles(roots: string[]): string[] {
  const dec = new TextDecoder("latin1");
  const out: string[] = [];
  for (const root of roots) {
    for (const f of filesUnder(root)) {
      let text: string;
      try {
        text = dec.decode(Deno.readFileSync(f));
      } catch {
        continue;
      }
      for (const name of leakedIn(text)) out.push(`${f}: ${name}`);
    }
  }
  return out;
}

/** The environment a process was started with (/proc/PID/environ, through cat). */
export async function environOf(pid: string | number): Promise<Record<string, string>> {
  const out = await new Deno.Command("cat", {
    args: [`/proc/${pid}/environ`],
    stdout: "piped",
    stderr: "null",
  }).output();
  const env: Record<string, string> = {};
  for (const kv of new TextDecoder().decode(out.stdout).split("\0")) {
    const i = kv.indexOf("=");
    if (i > 0) env[kv.slice(0, i)] = kv.slice(i + 1);
  }
  return env;
}

/** `session: NAME` for every secret in the environ of a pane on `socket` (but `skip` sessions). */
export async function paneLeaks(socket: string, skip: string[] = ["keep"]): Promise<string[]> {
  const out = await new Deno.Command("tmux", {
    args: [
      "-S",
      socket,
      "list-panes",
      "-a",
      "-F",
      "#{session_name}\t#{pane_pid}\t#{pane_start_command}",
    ],
    stdout: "piped",
    stderr: "null",
  }).output();
  const leaks: string[] = [];
  for (const line of new TextDecoder().decode(out.stdout).split("\n").filter(Boolean)) {
    const [session, pid, command] = line.split("\t");
    if (skip.includes(session)) continue;
    const env = await environOf(pid);
    for (const name of leakedIn(Object.values(env).join("\n"))) {
      leaks.push(`${session} (${command.slice(0, 60)}): ${name}`);
    }
  }
  return leaks;
}

/** Single-quoted for sh. */
export const q = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;

/**
 * The world of a sharing test (issue 19): two throwaway users, the owner's (root's) rune with a
 * temporary HOME and a private tmux server holding rune's session "dev" and another session
 * "private", a share root guests may pass through, and a second private tmux server whose
 * panes are the guests' terminals (typed with send-keys, read with capture-pane).
 */
import { shellQuote } from "../../src/shell/mod.ts";
import { tmuxArg } from "../../src/tmux/escape.ts";
import { runRune } from "../helpers/run_rune.ts";
import type { RuneResult } from "../helpers/run_rune.ts";
import { makeTempHome } from "../helpers/temp_home.ts";
import type { TempHome } from "../helpers/temp_home.ts";
import { withTmuxServer } from "../helpers/tmux_server.ts";
import type { TmuxServer } from "../helpers/tmux_server.ts";
import { guestEnv, guestRune, runAs, withUsers } from "../helpers/unix_users.ts";
import type { Outcome } from "../helpers/unix_users.ts";
import { waitFor } from "../helpers/wait_for.ts";

export function config(session: string): string {
  return `
rituals:
  start:
    global: [{name: ws, interactive: true, tmux_template: t}]
  stop:
    global: [{name: bye, command: "true"}]
  templates:
    t:
      session_name: ${JSON.stringify(session)}
      windows:
        - {name: editor, layout: even-horizontal, panes: [null, null]}
        - {name: logs, panes: [null]}
`;
}

export interface ShareWorld {
  users: string[];
  home: TempHome;
  /** The project directory ("web"). */
  dir: string;
  owner: TmuxServer;
  outer: TmuxServer;
  shareRoot: string;
  /** rune as the owner (root), on the owner's server, with the share root. */
  rune(args: string[], extraEnv?: Record<string, string>): Promise<RuneResult>;
  /** rune as a guest, without a terminal. */
  asGuest(user: string, args: string[]): Promise<Outcome>;
  /** Any program as a guest. */
  runAs(user: string, argv: string[]): Promise<Outcome>;
  /** Opens a guest terminal (a pane of `outer`) running `rune ARGS` as `user`; its target. */
  guestTerminal(user: string, args: string[]): Promise<string>;
  /** The one share directory under the owner's base, once there is one. */
  shareDir(): string | undefined;
  /** `tmux -S SHARE_SOCKET ARGS` as the owner. */
  share(...args: string[]): Promise<Outcome>;
}

export async function withShareWorld(
  session: string,
  fn: (w: ShareWorld) => Promise<void>,
): Promise<void> {
  await withUsers(2, async (users) => {
    const home = makeTempHome();
    const shareRoot = Deno.makeTempDirSync({ prefix: "rune-share-root-" });
    Deno.chmodSync(shareRoot, 0o711);
    try {
      const dir = `${home.dir}/web`;
      Deno.mkdirSync(dir);
      home.writeConfig(config(session));
      const guest = await guestRune(users[0], `${shareRoot}/stage`);
      await withTmuxServer(async (owner) => {
        await withTmuxServer(async (outer) => {
          const env = { ...home.env, RUNE_TMUX_SOCKET: owner.socket, RUNE_SHARE_DIR: shareRoot };
          const base = `${shareRoot}/rune-share-0`;
          const shareDir = () => {
            try {
              return [...Deno.readDirSync(base)].filter((e) => e.isDirectory)
                .map((e) => `${base}/${e.name}`)[0];
            } catch {
              return undefined;
            }
          };
          let terminals = 0;
          const w: ShareWorld = {
            users,
            home,
            dir,
            owner,
            outer,
            shareRoot,
            rune: (args, extraEnv = {}) =>
              runRune(args, { env: { ...env, ...extraEnv }, cwd: dir }),
            asGuest: (user, args) => runAs(user, guest.argv(args), guestEnv(user, shareRoot)),
            runAs: (user, argv) => runAs(user, argv, guestEnv(user, shareRoot)),
            async guestTerminal(user, args) {
              const name = `guest${++terminals}`;
              await outer.tmux("new-session", "-d", "-s", name, "-x", "120", "-y", "40");
              const vars = Object.entries(guestEnv(user, shareRoot)).map(([k, v]) => `${k}=${v}`);
              const line = [
                "env",
                "-u",
                "TMUX",
                "-u",
                "TMUX_PANE",
                "runuser",
                "-u",
                user,
                "--",
                "env",
                "-i",
                ...vars,
                ...guest.argv(args),
              ].map(shellQuote).join(" ");
              await outer.tmux("send-keys", "-t", `=${name}:`, "-l", line);
              await outer.tmux("send-keys", "-t", `=${name}:`, "Enter");
              return `=${name}:`;
            },
            shareDir,
            share: async (...args) => {
              const d = shareDir();
              if (!d) throw new Error("no share directory");
              return await ownerTmux(`${d}/sock`, args);
            },
          };
          const started = await w.rune(["start", "web"]);
          if (started.code !== 0) throw new Error(`rune start failed: ${started.stderr}`);
          await owner.tmux("new-session", "-d", "-s", "private");
          await fn(w);
        });
      });
    } finally {
      home.cleanup();
      try {
        Deno.removeSync(shareRoot, { recursive: true });
      } catch { /* never mask the test's own failure */ }
    }
  });
}

/** `tmux -S SOCKET ARGS` as the owner (root), arguments escaped as rune escapes them. */
async function ownerTmux(socket: string, args: string[]): Promise<Outcome> {
  const o = await new Deno.Command("tmux", {
    args: ["-u", "-S", socket, ...args.map(tmuxArg)],
    clearEnv: true,
    env: { PATH: "/usr/bin:/bin", HOME: "/nonexistent" },
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).output();
  const dec = new TextDecoder();
  return { code: o.code, stdout: dec.decode(o.stdout), stderr: dec.decode(o.stderr) };
}

/** The clients attached to the share server: "uid ro" per client. */
export async function shareClients(w: ShareWorld): Promise<{ uid: number; ro: boolean }[]> {
  const r = await w.share("list-clients", "-F", "#{client_uid} #{client_readonly}");
  return r.stdout.split("\n").filter(Boolean).map((l) => {
    const [uid, ro] = l.split(" ");
    return { uid: Number(uid), ro: ro === "1" };
  });
}

/** The uid of `user`. */
export async function uidOf(w: ShareWorld, user: string): Promise<number> {
  return Number((await w.runAs(user, ["id", "-u"])).stdout.trim());
}

export { waitFor };

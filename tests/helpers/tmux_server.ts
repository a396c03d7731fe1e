/**
 * A private tmux server for one test: its own socket file in a temp dir, its own tiny config,
 * killed in `finally`. Tests never touch the user's default server.
 */
import { waitFor } from "./wait_for.ts";
import { tmuxArg } from "../../src/tmux/escape.ts";

/** Whether tmux runs here at all; tests that need it are ignored (visibly) without it. */
export const hasTmux = (() => {
  try {
    return new Deno.Command("tmux", { args: ["-V"], stdout: "null", stderr: "null" }).outputSync()
      .success;
  } catch {
    return false;
  }
})();

export interface TmuxServer {
  /** Absolute socket path: pass as `--socket-path` or RUNE_TMUX_SOCKET=path to rune. */
  socket: string;
  dir: string;
  /** Runs `tmux -S socket ARGS` and returns stdout (trimmed); throws on non-zero exit. */
  tmux(...args: string[]): Promise<string>;
  /** Like `tmux` but returns the exit code and output instead of throwing. */
  tryTmux(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }>;
  /** Pane ids (%N) of a session, in window then pane order. */
  paneIds(session: string): Promise<string[]>;
  /** The visible text of a pane (capture-pane -p -J), trailing blank lines removed. */
  capture(target: string): Promise<string>;
  /** Waits until `capture(target)` contains `text`. */
  waitForText(target: string, text: string | RegExp, timeoutMs?: number): Promise<string>;
}

export interface TmuxServerOptions {
  /** Lines of tmux.conf for the server (e.g. "set -g base-index 1"). */
  conf?: string[];
}

export async function withTmuxServer<T>(
  fn: (server: TmuxServer) => Promise<T>,
  options: TmuxServerOptions = {},
): Promise<T> {
  const dir = Deno.makeTempDirSync({ prefix: "rune-tmux-" });
  const socket = `${dir}/tmux.sock`;
  const conf = `${dir}/tmux.conf`;
  Deno.writeTextFileSync(conf, [...(options.conf ?? []), ""].join("\n"));
  const dec = new TextDecoder();
  // The server (and so every pane) gets a bare environment and an empty HOME: the developer's
  // own rc files (pyenv, prompts…) must never slow down or change what a test sees.
  const home = `${dir}/home`;
  Deno.mkdirSync(home);
  const env = {
    PATH: Deno.env.get("PATH") ?? "/usr/local/bin:/usr/bin:/bin",
    HOME: home,
    SHELL: "/bin/bash",
    TERM: "xterm-256color",
    LANG: "C.UTF-8",
  };
  const once = async (...args: string[]) => {
    const out = await new Deno.Command("tmux", {
      // A lone argument ending in ";" would be a command separator: escape like rune does.
      args: ["-S", socket, "-f", conf, ...args.map(tmuxArg)],
      clearEnv: true,
      env,
      stdout: "piped",
      stderr: "piped",
      stdin: "null",
    }).output();
    return { code: out.code, stdout: dec.decode(out.stdout), stderr: dec.decode(out.stderr) };
  };
  // A socket whose server is still exiting (its last session just ended) answers "server
  // exited unexpectedly" to the next client (FACTS §2): wait until it is gone, then try again.
  const tryTmux = async (...args: string[]) => {
    const first = await once(...args);
    if (!/server exited unexpectedly/.test(first.stderr)) return first;
    await waitFor(
      async () => /no server running|error connecting/.test((await once("ls")).stderr),
      {
        timeoutMs: 5_000,
        what: "the exiting tmux server to be gone",
      },
    ).catch(() => {});
    return await once(...args);
  };
  const tmux = async (...args: string[]) => {
    const r = await tryTmux(...args);
    if (r.code !== 0) throw new Error(`tmux ${args.join(" ")} failed: ${r.stderr.trim()}`);
    return r.stdout.trimEnd();
  };
  const capture = async (target: string) =>
    (await tmux("capture-pane", "-p", "-J", "-t", target)).replace(/\n+$/, "");
  const server: TmuxServer = {
    socket,
    dir,
    tmux,
    tryTmux,
    async paneIds(session) {
      const out = await tmux("list-panes", "-s", "-t", `=${session}`, "-F", "#{pane_id}");
      return out.split("\n").filter(Boolean);
    },
    capture,
    async waitForText(target, text, timeoutMs = 10_000) {
      let last = "";
      await waitFor(async () => {
        last = await capture(target).catch(() => "");
        return typeof text === "string" ? last.includes(text) : text.test(last);
      }, { timeoutMs, what: () => `${String(text)} in pane ${target}; last screen:\n${last}` });
      return last;
    },
  };
  try {
    return await fn(server);
  } finally {
    try {
      await tryTmux("kill-server");
    } catch { /* never mask the test's own failure */ }
    try {
      Deno.removeSync(dir, { recursive: true });
    } catch { /* idem */ }
  }
}

/**
 * One tmux control-mode client (`tmux -C`) run from Deno: start it on a session, run commands
 * and await their replies, watch its events, and detach it so nothing stays attached.
 * Needs --allow-run=tmux. Spawned through the Runtime seam's `spawn` when the caller passes it
 * (the executor does), else with Deno.Command. Expected failures are values (ControlIssue).
 *
 * Guards, each for something seen on tmux 3.3a (see the control-mode notes):
 * - It never sends `refresh-client -C`: a control client that never set its size does not
 *   resize windows, and one that did resizes them and leaves them so after it detaches.
 * - A client whose session is killed may be moved to another session (detach-on-destroy off):
 *   it then detaches itself at once, so it never watches the user's own session.
 * - Replies are matched to commands by order among the replies flagged as ours (flags 1); a
 *   command that timed out keeps its place, so its late reply is not taken for the next one.
 * - Parent death closes its stdin, and tmux then detaches it: a crash leaves nothing attached.
 */
import type { SpawnedChild } from "../contract/mod.ts";
import { commandLine, ControlDecoder, type ControlEvent } from "./control_protocol.ts";

export interface ControlIssue {
  kind: "spawn" | "silent" | "refused" | "timeout" | "exited";
  problem: string;
  hint?: string;
  /** tmux's own lines: the %error reply, or why the client exited. */
  lines?: string[];
  /** A failed list: the replies of its commands that ran before the one that failed. */
  replies?: string[][];
}

export type ControlResult<T> = { ok: true; value: T } | { ok: false; error: ControlIssue };

export interface ControlClientOptions {
  /** Global flags selecting the server: ["-S", path] or ["-L", name]. */
  socket: readonly string[];
  /**
   * The client's first command: ["attach-session", "-t", "=S"], or ["new-session", "-s", "S",
   * "-x", "200", "-y", "50", …] so the client sees the first pane's output from its first byte.
   * Not `-d`: a control client attached to nothing exits at once.
   */
  start: readonly string[];
  /** Flags before -C, e.g. ["-f", "/dev/null"]; they only matter if this client starts the server. */
  global?: readonly string[];
  /** The client's environment (default: rune's, without TMUX and TMUX_PANE). */
  env?: Record<string, string>;
  /** How long tmux may say nothing after the start before the client counts as silent (5 s). */
  startTimeoutMs?: number;
  /** Default wait for one run()'s replies (5 s). */
  timeoutMs?: number;
  /** Subscribed before tmux starts, so it sees the first pane's first output too. */
  listener?: (e: ControlEvent) => void;
  /** Starts `tmux ARGS…` (the Runtime's spawn): undefined when tmux is not installed. */
  spawn?: (argv: string[], env: Record<string, string>) => SpawnedChild | undefined;
}

/** How the client ended: `reason` is tmux's %exit text, e.g. "server exited unexpectedly". */
export interface ControlExit {
  code: number;
  reason?: string;
  /** Our session was killed and tmux moved the client to this one (it detached from it). */
  movedTo?: string;
}

interface Pending {
  remaining: number;
  replies: string[][];
  done: (r: ControlResult<string[][]>) => void;
}

/** Starts a control client; resolves once tmux has attached it (or says why it did not). */
export async function openControlClient(
  options: ControlClientOptions,
): Promise<ControlResult<ControlClient>> {
  let child: SpawnedChild | undefined;
  const argv = ["tmux", ...options.socket, ...(options.global ?? []), "-C", ...options.start];
  const env = options.env ?? parentEnv();
  try {
    child = options.spawn ? options.spawn(argv, env) : new Deno.Command(argv[0], {
      args: argv.slice(1),
      env,
      clearEnv: true,
      stdin: "piped",
      stdout: "piped",
      stderr: "piped",
    }).spawn();
  } catch (e) {
    if (e instanceof Deno.errors.NotCapable) throw e;
    return fail("spawn", `Cannot start a tmux control client: ${(e as Error).message}`, {
      hint: "Install tmux, or grant --allow-run=tmux",
    });
  }
  if (!child) {
    return fail("spawn", "Cannot start a tmux control client: tmux is not installed", {
      hint: "Install tmux 3.2 or newer",
    });
  }
  const client = new ControlClient(child, options.timeoutMs ?? 5_000, options.listener);
  const started = await client.started(options.startTimeoutMs ?? 5_000);
  if (started.ok) return { ok: true, value: client };
  await client.close(500);
  return started;
}

export class ControlClient {
  #child: SpawnedChild;
  #writer: WritableStreamDefaultWriter<Uint8Array>;
  #decoder = new ControlDecoder();
  #listeners = new Set<(e: ControlEvent) => void>();
  #pending: Pending[] = [];
  #timeoutMs: number;
  #session: string | undefined;
  #startReply: { ok: boolean; lines: string[] } | undefined;
  #exit: ControlExit | undefined;
  #stderr = "";
  #out: ReadableStreamDefaultReader<Uint8Array>;
  #err: ReadableStreamDefaultReader<Uint8Array>;
  #reading: Promise<void>;
  #wake: () => void = () => {};

  /** Use openControlClient(): it waits until tmux has attached the client. */
  constructor(child: SpawnedChild, timeoutMs: number, listener?: (e: ControlEvent) => void) {
    this.#child = child;
    if (listener) this.#listeners.add(listener);
    this.#timeoutMs = timeoutMs;
    this.#writer = child.stdin.getWriter();
    this.#out = child.stdout.getReader();
    this.#err = child.stderr.getReader();
    this.#reading = this.#read();
  }

  /** The session the client is attached to ("$3"), once tmux said so. */
  get session(): string | undefined {
    return this.#session;
  }

  /** The reply lines of the client's own start command (new-session -P prints here). */
  get startLines(): readonly string[] {
    return this.#startReply?.lines ?? [];
  }

  /** Set once the client has exited. */
  get exit(): ControlExit | undefined {
    return this.#exit;
  }

  /** Calls `listener` with every event from now on; returns the function that stops it. */
  subscribe(listener: (e: ControlEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Runs `commands` as one tmux command list and resolves with each command's reply lines.
   * The first command that fails ends the list (tmux skips the rest): its lines are the error.
   * Keep to plain commands: one whose action queues more commands (if-shell…) adds replies.
   */
  run(commands: readonly (readonly string[])[], timeoutMs = this.#timeoutMs) {
    return new Promise<ControlResult<string[][]>>((resolve) => {
      if (this.#exit) return resolve(this.#exited());
      const timer = setTimeout(() => {
        entry.done = () => {}; // stays queued: its late reply must not answer the next command
        resolve(
          fail("timeout", `tmux did not answer "${commands[0]?.[0]}" within ${timeoutMs} ms`),
        );
      }, timeoutMs);
      const entry: Pending = {
        remaining: commands.length,
        replies: [],
        done: (r) => {
          clearTimeout(timer);
          resolve(r);
        },
      };
      this.#pending.push(entry);
      this.#write(commandLine(commands) + "\n");
    });
  }

  /**
   * Detaches and waits for the client to exit (an empty line is tmux's detach); a client that
   * does not exit within `timeoutMs` is killed. Safe to call more than once. The server holds
   * copies of the client's stdin and stdout (tmux passes them over its socket), so a stopped
   * server keeps our pipes open after the kill: they are cancelled, not waited for.
   */
  async close(timeoutMs = 2_000): Promise<ControlExit> {
    if (!this.#exit) {
      this.#write("\n");
      await this.#writer.close().catch(() => {});
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<"late">((r) => timer = setTimeout(() => r("late"), timeoutMs));
      if (await Promise.race([this.#reading.then(() => "done" as const), late]) === "late") {
        try {
          this.#child.kill("SIGKILL");
        } catch { /* exited meanwhile */ }
        await this.#child.status;
        await Promise.all([this.#out.cancel(), this.#err.cancel()]).catch(() => {});
      }
      clearTimeout(timer);
    }
    await this.#reading;
    return this.#exit!;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  /** Resolves once the start command's reply and the attach are seen, or why not. */
  async started(timeoutMs: number): Promise<ControlResult<void>> {
    const deadline = Date.now() + timeoutMs;
    while (!this.#exit && !(this.#startReply && (this.#session || !this.#startReply.ok))) {
      const left = deadline - Date.now();
      if (left <= 0) {
        return fail(
          "silent",
          `tmux said nothing for ${timeoutMs} ms after starting a control client`,
          {
            hint: "Check that the tmux server answers: tmux list-sessions",
          },
        );
      }
      let timer: ReturnType<typeof setTimeout> | undefined;
      await new Promise<void>((r) => {
        this.#wake = r;
        timer = setTimeout(r, left);
      });
      clearTimeout(timer);
    }
    if (this.#startReply && !this.#startReply.ok) {
      const lines = this.#startReply.lines;
      return fail("refused", `tmux refused the control client: ${lines.join(" ") || "no reason"}`, {
        lines,
      });
    }
    return this.#session ? { ok: true, value: undefined } : this.#exited();
  }

  #write(line: string): void {
    // A client that exited has a closed stdin; its end is reported through #exit instead.
    this.#writer.write(new TextEncoder().encode(line)).catch(() => {});
  }

  async #read(): Promise<void> {
    const stderr = (async () => {
      for (let r = await this.#err.read(); !r.done; r = await this.#err.read()) {
        this.#stderr += new TextDecoder().decode(r.value);
      }
    })();
    let reason: string | undefined;
    let movedTo: string | undefined;
    const onEvent = (e: ControlEvent) => {
      if (e.kind === "exit") reason = e.reason;
      if (e.kind === "session-changed") {
        if (this.#session === undefined) this.#session = e.session;
        else if (e.session !== this.#session && movedTo === undefined) {
          movedTo = `${e.session} ${e.name}`;
          this.#write("\n");
        }
      }
      if ((e.kind === "end" || e.kind === "error") && !(e.flags & 1) && !this.#startReply) {
        this.#startReply = { ok: e.kind === "end", lines: e.lines };
      }
      if ((e.kind === "end" || e.kind === "error") && e.flags & 1) this.#reply(e.kind, e.lines);
      if (movedTo === undefined) { for (const l of this.#listeners) l(e); }
      this.#wake();
    };
    for (let r = await this.#out.read(); !r.done; r = await this.#out.read()) {
      this.#decoder.push(r.value).forEach(onEvent);
    }
    this.#decoder.finish().forEach(onEvent);
    await stderr;
    const { code } = await this.#child.status;
    this.#exit = { code, ...(reason && { reason }), ...(movedTo && { movedTo }) };
    for (const p of this.#pending.splice(0)) p.done(this.#exited());
    this.#wake();
  }

  #reply(kind: "end" | "error", lines: string[]): void {
    const p = this.#pending[0];
    if (!p) return; // a reply to nothing we sent: never guess which command it belongs to
    p.replies.push(lines);
    if (kind === "error") {
      this.#pending.shift();
      p.done(
        fail("refused", `tmux: ${lines.join(" ")}`, { lines, replies: p.replies.slice(0, -1) }),
      );
    } else if (--p.remaining === 0) {
      this.#pending.shift();
      p.done({ ok: true, value: p.replies });
    }
  }

  #exited<T>(): ControlResult<T> {
    const why = this.#exit?.reason ?? (this.#stderr.trim() || "it exited");
    return fail("exited", `The tmux control client is gone: ${why}`, {
      lines: this.#stderr ? this.#stderr.trimEnd().split("\n") : [],
    });
  }
}

function fail<T>(
  kind: ControlIssue["kind"],
  problem: string,
  extra: Omit<ControlIssue, "kind" | "problem"> = {},
): ControlResult<T> {
  return { ok: false, error: { kind, problem, ...extra } };
}

/** rune's environment minus what would make tmux think it is nested in one of its panes. */
function parentEnv(): Record<string, string> {
  const env = Deno.env.toObject();
  delete env.TMUX;
  delete env.TMUX_PANE;
  return env;
}

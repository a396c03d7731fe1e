/**
 * Throwaway Unix users for the sharing tests (issue 19): made with `useradd -m` and always
 * removed with `userdel -r` in `finally`. Needs root; without it (CI without root, a developer's
 * machine) the tests that use them are ignored, and their names say why. Guests run the same
 * bundle under the same permission set; when they cannot read it where it is (a clone under
 * /root), it is staged in a directory they can read.
 */
import { BUNDLE, DENO_CONFIG } from "./run_rune.ts";

function found(program: string): boolean {
  try {
    return new Deno.Command("sh", {
      args: ["-c", `command -v ${program}`],
      stdout: "null",
      stderr: "null",
    }).outputSync().success;
  } catch {
    return false;
  }
}

/** Root, with useradd, userdel and runuser: the only way to test as other users. */
export const canMakeUsers = Deno.uid() === 0 &&
  ["useradd", "userdel", "runuser"].every(found);
export const hasSetfacl = found("setfacl");

/** Why the user tests are skipped here, for their names ("" when they run). */
export const USERS_SKIP = canMakeUsers
  ? ""
  : " (skipped: needs root with useradd, userdel and runuser to make throwaway users)";

export interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

function run(argv: string[], env?: Record<string, string>): Promise<Outcome> {
  return new Deno.Command(argv[0], {
    args: argv.slice(1),
    stdout: "piped",
    stderr: "piped",
    stdin: "null",
    ...(env ? { clearEnv: true, env } : {}),
  }).output().then((o) => ({
    code: o.code,
    stdout: new TextDecoder().decode(o.stdout),
    stderr: new TextDecoder().decode(o.stderr),
  }));
}

/** `n` new users (names `rnsh<random><letter>`), removed again whatever happens. */
export async function withUsers<T>(n: number, fn: (users: string[]) => Promise<T>): Promise<T> {
  const stem = `rnsh${crypto.randomUUID().slice(0, 6)}`;
  const made: string[] = [];
  try {
    for (let i = 0; i < n; i++) {
      const name = `${stem}${String.fromCharCode(97 + i)}`;
      const r = await run(["useradd", "-m", "-s", "/bin/sh", name]);
      if (r.code !== 0) throw new Error(`useradd ${name} failed: ${r.stderr}`);
      made.push(name);
    }
    return await fn(made);
  } finally {
    for (const name of made) await removeUser(name);
  }
}

/**
 * `userdel -r`, retried while a guest process is still on its way out (the tmux servers their
 * clients ran in are killed first, and the clients exit on SIGHUP), then forced.
 */
async function removeUser(name: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  let r = await run(["userdel", "-r", name]);
  while (r.code !== 0 && /currently used by process/.test(r.stderr) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    r = await run(["userdel", "-r", name]);
  }
  if (r.code !== 0 && /currently used by process/.test(r.stderr)) {
    r = await run(["userdel", "-r", "-f", name]);
  }
  // userdel -r complains about a mail spool useradd never made: the user is gone all the same.
  if (r.code !== 0 && !/mail spool/.test(r.stderr)) {
    console.error(`userdel -r ${name}: ${r.stderr.trim()}`);
  }
}

/** The argv that runs rune as the guest: deno, the bundle and its deno.json, readable by them. */
export interface GuestRune {
  argv(args: string[]): string[];
}

/**
 * How guests run rune: the bundle in place when `user` can read it and run deno, else a copy
 * of dist/, deno.json (and deno, if need be) in `stage`, a directory they may read.
 */
export async function guestRune(user: string, stage: string): Promise<GuestRune> {
  const deno = Deno.execPath();
  const can = async (test: string, path: string) =>
    (await run(["runuser", "-u", user, "--", "test", test, path])).code === 0;
  let bundle = BUNDLE;
  let config = DENO_CONFIG;
  let exe = deno;
  if (!(await can("-r", BUNDLE)) || !(await can("-r", DENO_CONFIG))) {
    const dist = BUNDLE.slice(0, BUNDLE.lastIndexOf("/"));
    Deno.mkdirSync(`${stage}/dist`, { recursive: true });
    await run(["cp", "-R", `${dist}/.`, `${stage}/dist/`]);
    Deno.copyFileSync(DENO_CONFIG, `${stage}/deno.json`);
    await run(["chmod", "-R", "a+rX", stage]);
    bundle = `${stage}/dist/rune.js`;
    config = `${stage}/deno.json`;
  }
  if (!(await can("-x", deno))) {
    Deno.copyFileSync(deno, `${stage}/deno`);
    Deno.chmodSync(`${stage}/deno`, 0o755);
    exe = `${stage}/deno`;
  }
  return {
    argv: (args) => [exe, "run", "-q", "--no-prompt", "--config", config, "-P", bundle, ...args],
  };
}

/** Runs `argv` as `user` with exactly `env` (runuser, then env -i). */
export function runAs(user: string, argv: string[], env: Record<string, string>): Promise<Outcome> {
  const vars = Object.entries(env).map(([k, v]) => `${k}=${v}`);
  return run(["runuser", "-u", user, "--", "env", "-i", ...vars, ...argv]);
}

/** A guest's environment: their own home (and so their own audit log), the share root. */
export function guestEnv(user: string, shareRoot: string): Record<string, string> {
  return {
    HOME: `/home/${user}`,
    USER: user,
    LOGNAME: user,
    PATH: "/usr/local/bin:/usr/bin:/bin",
    TERM: "xterm-256color",
    LANG: "C.UTF-8",
    NO_COLOR: "1",
    RUNE_SHARE_DIR: shareRoot,
  };
}

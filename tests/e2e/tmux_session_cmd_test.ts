/**
 * What rune says about its sessions once they are built (issue 11.12, 11.13, 11.15): `rune
 * stop` names a session it leaves running and how to end it; `rune session attach|kill` take
 * the project's name and unique beginnings, with a did-you-mean; `--detach` inside tmux hints
 * switch-client, never an attach that would nest.
 */
import { doesNotMatch, match, strictEqual } from "node:assert/strict";
import { runeArgv, runRune } from "../helpers/run_rune.ts";
import { makeTempHome } from "../helpers/temp_home.ts";
import type { TempHome } from "../helpers/temp_home.ts";
import { withTmuxServer } from "../helpers/tmux_server.ts";
import type { TmuxServer } from "../helpers/tmux_server.ts";

const CONFIG = `
rituals:
  start:
    global: [{name: ws, interactive: true, tmux_template: t}]
  stop:
    global: [{name: bye, command: "true"}]
  templates:
    t:
      session_name: "dev-{{.Project}}"
      windows: [{name: a, panes: [null]}]
`;

async function withRune(
  fn: (
    ctx: { home: TempHome; dir: string; tmux: TmuxServer; env: Record<string, string> },
  ) => Promise<void>,
) {
  const home = makeTempHome();
  try {
    const dir = `${home.dir}/web`;
    Deno.mkdirSync(dir);
    home.writeConfig(CONFIG);
    await withTmuxServer(async (tmux) => {
      await fn({ home, dir, tmux, env: { ...home.env, RUNE_TMUX_SOCKET: tmux.socket } });
    });
  } finally {
    home.cleanup();
  }
}

const sessionsOf = async (tmux: TmuxServer) =>
  (await tmux.tryTmux("list-sessions", "-F", "#{session_name}")).stdout.trim();

Deno.test("rune stop names the session it leaves running, and the way to end it works", async () => {
  await withRune(async ({ dir, tmux, env }) => {
    strictEqual((await runRune(["start", "web"], { env, cwd: dir })).code, 0);
    const stop = await runRune(["stop", "web"], { env, cwd: dir });
    strictEqual(stop.code, 0, stop.stderr);
    match(
      stop.stderr,
      /tmux session "dev-web" is still running: end it with: rune session kill dev-web, or set settings\.tmux\.kill_sessions_on_stop: true/,
    );
    strictEqual(await sessionsOf(tmux), "dev-web");
    const kill = await runRune(["session", "kill", "dev-web"], { env });
    strictEqual(kill.code, 0, kill.stderr);
    strictEqual(await sessionsOf(tmux), "");
    // Nothing left to mention.
    doesNotMatch((await runRune(["stop", "web"], { env, cwd: dir })).stderr, /still running/);
  });
});

Deno.test("rune session attach|kill take the project's name and unique beginnings", async () => {
  await withRune(async ({ dir, tmux, env }) => {
    await tmux.tmux("new-session", "-d", "-s", "dev-mine"); // the user's, never matched
    strictEqual((await runRune(["start", "web"], { env, cwd: dir })).code, 0);
    const attach = await runRune(["session", "attach", "web"], { env });
    strictEqual(attach.code, 2);
    match(attach.stderr, /cannot attach to "dev-web": no terminal here/);
    const typo = await runRune(["session", "kill", "dev-wbe"], { env });
    strictEqual(typo.code, 2);
    match(typo.stderr, /not a session rune made on this server\n\s+hint: did you mean "dev-web"\?/);
    const prefix = await runRune(["session", "kill", "dev"], { env });
    strictEqual(prefix.code, 0, prefix.stderr);
    match(prefix.stdout, /killed session "dev-web"/);
    strictEqual((await runRune(["start", "web"], { env, cwd: dir })).code, 0);
    const project = await runRune(["session", "kill", "web"], { env });
    strictEqual(project.code, 0, project.stderr);
    strictEqual(await sessionsOf(tmux), "dev-mine");
  });
});

Deno.test("--detach inside tmux says how to switch, not how to attach", async () => {
  await withRune(async ({ dir, tmux, env }) => {
    await tmux.tmux("new-session", "-d", "-s", "outer", "-x", "200", "-y", "40", "-c", dir);
    const quoted = runeArgv(["start", "web", "--detach"]).map((a) => `'${a}'`).join(" ");
    const envs = Object.entries(env).filter(([k]) => k !== "RUNE_TMUX_SOCKET")
      .map(([k, v]) => `${k}='${v}'`).join(" ");
    const pane = (await tmux.paneIds("outer"))[0];
    // TMUX is the pane's own: rune runs inside this server.
    await tmux.tmux("send-keys", "-t", pane, "-l", `env ${envs} ${quoted} 2>&1; echo rune-exit=$?`);
    await tmux.tmux("send-keys", "-t", pane, "Enter");
    const screen = await tmux.waitForText(pane, /rune-exit=\d/, 20_000);
    match(screen, /rune-exit=0/);
    match(screen, /switch to it with: tmux -S \S+ switch-client -t '=dev-web'/);
    doesNotMatch(screen, /attach-session/);
  });
});

Deno.test("rune's sessions are found under a C locale too (tmux would print the tabs as _)", async () => {
  await withRune(async ({ dir, tmux, env }) => {
    const c = { ...env, LANG: "C" };
    strictEqual((await runRune(["start", "web", "--detach"], { env: c, cwd: dir })).code, 0);
    const ls = await runRune(["session", "ls", "--json"], { env: c });
    strictEqual(ls.code, 0, ls.stderr);
    strictEqual(JSON.parse(ls.stdout).map((s: { name: string }) => s.name).join(), "dev-web");
    strictEqual((await runRune(["session", "kill", "web"], { env: c })).code, 0);
    strictEqual(await sessionsOf(tmux), "");
  });
});

/**
 * `rune start` building tmux sessions through the bundle, on private tmux servers: layouts,
 * dirs, every pane command delivered (even past an rc that drains typeahead), hostile names,
 * reuse, races, secrets, attach/switch, stop.
 */
import { deepStrictEqual, doesNotMatch, match, ok, strictEqual } from "node:assert/strict";
import { runeArgv, runRune } from "../helpers/run_rune.ts";
import { makeTempHome } from "../helpers/temp_home.ts";
import type { TempHome } from "../helpers/temp_home.ts";
import { withTmuxServer } from "../helpers/tmux_server.ts";
import type { TmuxServer } from "../helpers/tmux_server.ts";
import { waitFor } from "../helpers/wait_for.ts";

const BASE1 = ["set -g base-index 1", "set -g pane-base-index 1"];

async function withRune(
  config: string,
  fn: (
    ctx: { home: TempHome; dir: string; tmux: TmuxServer; env: Record<string, string> },
  ) => Promise<void>,
  options: { conf?: string[]; env?: Record<string, string> } = {},
) {
  const home = makeTempHome(options.env);
  try {
    const dir = `${home.dir}/web`;
    Deno.mkdirSync(`${dir}/api`, { recursive: true });
    Deno.mkdirSync(`${dir}/ui`, { recursive: true });
    home.writeConfig(config);
    await withTmuxServer(async (tmux) => {
      await fn({ home, dir, tmux, env: { ...home.env, RUNE_TMUX_SOCKET: tmux.socket } });
    }, { conf: options.conf });
  } finally {
    home.cleanup();
  }
}

/** Pane facts of a session, in window then pane order. */
async function panes(tmux: TmuxServer, session: string) {
  const out = await tmux.tmux(
    "list-panes",
    "-s",
    "-t",
    `=${session}`,
    "-F",
    "#{window_index}\t#{window_name}\t#{pane_index}\t#{pane_id}\t#{pane_current_path}\t#{window_active}\t#{pane_active}",
  );
  return out.split("\n").map((l) => {
    const [wi, window, pi, id, path, wActive, pActive] = l.split("\t");
    return {
      wi: Number(wi),
      window,
      pi: Number(pi),
      id,
      path,
      windowActive: wActive === "1",
      paneActive: pActive === "1",
    };
  });
}

const FULLSTACK = `
rituals:
  start:
    per_project:
      web:
        - name: Full Stack Development Environment
          interactive: true
          tmux_template: fullstack-dev
  templates:
    fullstack-dev:
      session_name: "dev-{{.Project}}"
      windows:
        - name: backend
          layout: main-vertical
          panes: ["echo backend-1 $PWD", {command: "echo backend-2 $PWD", dir: api}]
        - name: frontend
          dir: ui
          panes: ["echo frontend-1 $PWD", "echo frontend-2 $PWD"]
        - name: database
          panes: ["echo database-1", "echo database-2"]
        - name: monitoring
          layout: tiled
          panes: ["echo monitoring-1", "echo monitoring-2", "echo monitoring-3", "echo monitoring-4"]
`;

Deno.test("start builds the fullstack template: windows, panes, layouts, dirs, every command ran (base-index 1)", async () => {
  await withRune(FULLSTACK, async ({ dir, tmux, env }) => {
    await tmux.tmux("new-session", "-d", "-s", "keep"); // the user's own server, already running
    const r = await runRune(["start", "web"], { env, cwd: dir });
    strictEqual(r.code, 0, r.stderr);
    match(r.stderr, /attach with: tmux -S \S+ attach-session -t '=dev-web'/);
    const ps = await panes(tmux, "dev-web");
    deepStrictEqual(
      ps.map((p) => `${p.wi}.${p.pi} ${p.window}`),
      [
        "1.1 backend",
        "1.2 backend",
        "2.1 frontend",
        "2.2 frontend",
        "3.1 database",
        "3.2 database",
        "4.1 monitoring",
        "4.2 monitoring",
        "4.3 monitoring",
        "4.4 monitoring",
      ],
    );
    deepStrictEqual(ps.map((p) => p.path), [
      dir,
      `${dir}/api`,
      `${dir}/ui`,
      `${dir}/ui`,
      ...Array(6).fill(dir),
    ]);
    const layouts = await tmux.tmux(
      "list-windows",
      "-t",
      "=dev-web",
      "-F",
      "#{window_name} #{window_layout}",
    );
    match(layouts, /^backend \w{4},200x50,0,0\{/m); // main-vertical: side by side
    for (const p of ps) {
      await tmux.waitForText(p.id, new RegExp(`^${p.window}-${p.pi}( |$)`, "m"));
    }
    strictEqual(ps.find((p) => p.windowActive)?.window, "backend");
    const option = await tmux.tmux("show-options", "-t", "=dev-web:", "-v", "@rune-project");
    strictEqual(option, "web");
  }, { conf: BASE1 });
});

Deno.test("a pane shell whose rc sleeps and then drains typeahead still gets its command", async () => {
  const config = `
rituals:
  start:
    global:
      - name: ws
        interactive: true
        tmux_template: t
  templates:
    t:
      session_name: drain
      windows:
        - name: a
          panes: ["echo delivered-1", "echo delivered-2"]
`;
  await withRune(config, async ({ home, dir, tmux, env }) => {
    const rc = `${home.dir}/drain.rc`;
    Deno.writeTextFileSync(
      rc,
      "sleep 0.5\nwhile read -t 0; do read -t 0.01 -n 1000; done\nPS1='$ '\n",
    );
    await tmux.tmux("new-session", "-d", "-s", "keep");
    await tmux.tmux("set-option", "-g", "default-command", `bash --rcfile ${rc} -i`);
    const r = await runRune(["start", "web"], { env, cwd: dir });
    strictEqual(r.code, 0, r.stderr);
    for (const [i, id] of (await tmux.paneIds("drain")).entries()) {
      await tmux.waitForText(id, new RegExp(`^delivered-${i + 1}$`, "m"));
    }
  });
});

Deno.test("hostile session, window and command text stays literal", async () => {
  const config = `
rituals:
  start:
    global:
      - name: ws
        interactive: true
        tmux_template: t
  templates:
    t:
      session_name: "s#(touch PWNED-session)x;"
      windows:
        - name: "w#(touch PWNED-window)"
          panes: ["echo 'literal;'", "echo c \\\\;"]
        - name: "a:b.c $(id)"
          panes:
            - {command: "echo d\\\\;\\\\; $PWD", dir: "#(touch PWNED-dir)x;"}
`;
  await withRune(config, async ({ dir, tmux, env }) => {
    const hostileDir = `${dir}/#(touch PWNED-dir)x;`;
    Deno.mkdirSync(hostileDir);
    const r = await runRune(["start", "web"], { env, cwd: dir });
    strictEqual(r.code, 0, r.stderr);
    const sessions = await tmux.tmux("list-sessions", "-F", "#{session_name}");
    strictEqual(sessions, "s_(touch PWNED-session)x;");
    const windows = await tmux.tmux("list-windows", "-a", "-F", "#{window_name}");
    strictEqual(windows, "w_(touch PWNED-window)\na_b_c _(id)");
    const ids = await tmux.paneIds("s_(touch PWNED-session)x;");
    await tmux.waitForText(ids[0], /^literal;$/m);
    await tmux.waitForText(ids[1], /^c ;$/m);
    await tmux.waitForText(ids[2], `d;; ${hostileDir}`);
    const path = await tmux.tmux("display", "-p", "-t", ids[2], "#{pane_current_path}");
    strictEqual(path, hostileDir);
    for (const entry of Deno.readDirSync(dir)) ok(!entry.name.startsWith("PWNED"), entry.name);
  });
});

Deno.test("a second start reuses the session; two starts at once still make one", async () => {
  await withRune(FULLSTACK, async ({ dir, tmux, env }) => {
    const [a, b] = await Promise.all([
      runRune(["start", "web"], { env, cwd: dir }),
      runRune(["start", "web"], { env, cwd: dir }),
    ]);
    strictEqual(a.code, 0, a.stderr);
    strictEqual(b.code, 0, b.stderr);
    const again = await runRune(["start", "web"], { env, cwd: dir });
    strictEqual(again.code, 0, again.stderr);
    match(again.stderr, /tmux session "dev-web" exists: reusing it/);
    strictEqual(await tmux.tmux("list-sessions", "-F", "#{session_name}"), "dev-web");
    strictEqual((await panes(tmux, "dev-web")).length, 10);
  });
});

Deno.test("panes never see the secrets rune withholds, whoever started the server", async () => {
  const config = `
rituals:
  start:
    global:
      - {name: ws, interactive: true, tmux_template: t}
  templates:
    t:
      session_name: env
      windows: [{name: a, panes: ["echo token=\${GITHUB_TOKEN-unset} agent=$SSH_AUTH_SOCK", "echo x"]}]
`;
  // rune starts the server itself.
  await withRune(config, async ({ dir, tmux, env }) => {
    strictEqual((await runRune(["start", "web"], { env, cwd: dir })).code, 0);
    const [first, second] = await tmux.paneIds("env");
    await tmux.waitForText(first, /^token=unset agent=\/tmp\/agent$/m);
    await tmux.tmux("send-keys", "-t", second, "echo second=${GITHUB_TOKEN-unset}", "Enter");
    await tmux.waitForText(second, /^second=unset$/m);
  }, { env: { GITHUB_TOKEN: "ghp_secret", SSH_AUTH_SOCK: "/tmp/agent" } });
  // The user's server already runs and holds the secret in its global environment.
  await withRune(config, async ({ dir, tmux, env }) => {
    await tmux.tmux("new-session", "-d", "-s", "keep");
    await tmux.tmux("set-environment", "-g", "GITHUB_TOKEN", "ghp_global");
    strictEqual((await runRune(["start", "web"], { env, cwd: dir })).code, 0);
    const [first, second] = await tmux.paneIds("env");
    await tmux.waitForText(first, /^token=unset agent=\/tmp\/agent$/m);
    await tmux.tmux("send-keys", "-t", second, "echo second=${GITHUB_TOKEN-unset}", "Enter");
    await tmux.waitForText(second, /^second=unset$/m);
  }, { env: { GITHUB_TOKEN: "ghp_secret", SSH_AUTH_SOCK: "/tmp/agent" } });
});

Deno.test("inside tmux, rune switches the client to the new session instead of nesting", async () => {
  const config = FULLSTACK;
  await withRune(config, async ({ dir, tmux, env }) => {
    await tmux.tmux("new-session", "-d", "-s", "outer", "-x", "120", "-y", "40", "-c", dir);
    // A real client attached to "outer": tmux attach run in a pane of a second private server.
    await withTmuxServer(async (viewer) => {
      await viewer.tmux(
        "new-session",
        "-d",
        "-x",
        "120",
        "-y",
        "40",
        `TMUX= tmux -S ${tmux.socket} attach -t =outer`,
      );
      await waitFor(
        async () => (await tmux.tmux("list-clients", "-F", "#{client_session}")) === "outer",
        {
          what: "a client attached to outer",
        },
      );
      const quoted = runeArgv(["start", "web"]).map((a) => `'${a}'`).join(" ");
      const envs = Object.entries(env).filter(([k]) => k !== "RUNE_TMUX_SOCKET")
        .map(([k, v]) => `${k}='${v}'`).join(" ");
      const outerPane = (await tmux.paneIds("outer"))[0];
      await tmux.tmux(
        "send-keys",
        "-t",
        outerPane,
        "-l",
        `env ${envs} ${quoted}; echo rune-exit=$?`,
      );
      await tmux.tmux("send-keys", "-t", outerPane, "Enter");
      await waitFor(
        async () => (await tmux.tmux("list-clients", "-F", "#{client_session}")) === "dev-web",
        {
          timeoutMs: 20_000,
          what: "the client to be switched to dev-web",
        },
      );
      await tmux.waitForText(outerPane, /rune-exit=0/, 20_000);
    });
  });
});

Deno.test("stop kills the project's sessions when configured; closing one by hand runs stop", async () => {
  const config = `
settings:
  tmux: {kill_sessions_on_stop: true, stop_on_session_close: true}
rituals:
  start:
    global:
      - {name: ws, interactive: true, tmux_template: t}
  stop:
    global:
      - {name: mark, command: "echo stopped >> {{.ProjectDir}}/stops"}
  templates:
    t:
      session_name: "dev-{{.Project}}"
      windows: [{name: a, panes: ["echo hi"]}]
`;
  await withRune(config, async ({ dir, tmux, env }) => {
    await tmux.tmux("new-session", "-d", "-s", "keep");
    strictEqual((await runRune(["start", "web"], { env, cwd: dir })).code, 0);
    // Closing the session by hand: tmux's hook runs rune's stop ritual.
    await tmux.tmux("kill-session", "-t", "=dev-web");
    await waitFor(() => {
      try {
        return Deno.readTextFileSync(`${dir}/stops`) === "stopped\n";
      } catch {
        return false;
      }
    }, { timeoutMs: 20_000, what: "the stop ritual run by the session-closed hook" });
    // `rune stop` kills the session it made, not the user's, and its hook goes first: the
    // stop ritual runs once more (rune stop's own), not twice.
    strictEqual((await runRune(["start", "web"], { env, cwd: dir })).code, 0);
    match(await tmux.tmux("show-hooks", "-g"), /^session-closed\[\d+\] if-shell/m);
    const stop = await runRune(["stop", "web"], { env, cwd: dir });
    strictEqual(stop.code, 0, stop.stderr);
    match(stop.stderr, /killed session "dev-web"/);
    strictEqual(await tmux.tmux("list-sessions", "-F", "#{session_name}"), "keep");
    doesNotMatch(await tmux.tmux("show-hooks", "-g"), /^session-closed\[\d+\]/m);
    strictEqual(Deno.readTextFileSync(`${dir}/stops`), "stopped\nstopped\n");
  });
});

Deno.test("rune session ls/attach/kill see only rune's sessions and refuse others", async () => {
  await withRune(FULLSTACK, async ({ dir, tmux, env }) => {
    await tmux.tmux("new-session", "-d", "-s", "mine");
    strictEqual((await runRune(["start", "web"], { env, cwd: dir })).code, 0);
    const ls = await runRune(["session", "ls", "--json"], { env });
    strictEqual(ls.code, 0, ls.stderr);
    deepStrictEqual(
      JSON.parse(ls.stdout).map((s: { name: string; project: string }) => [s.name, s.project]),
      [
        ["dev-web", "web"],
      ],
    );
    const noTerminal = await runRune(["session", "attach", "dev-web"], { env });
    strictEqual(noTerminal.code, 2);
    match(noTerminal.stderr, /cannot attach to "dev-web": no terminal here/);
    match(noTerminal.stderr, /attach-session -t '=dev-web'/);
    const notOurs = await runRune(["session", "attach", "mine"], { env });
    strictEqual(notOurs.code, 2);
    match(notOurs.stderr, /not a session rune made/);
    const refuse = await runRune(["session", "kill", "mine"], { env });
    strictEqual(refuse.code, 2);
    match(refuse.stderr, /not a session rune made/);
    const kill = await runRune(["session", "kill", "dev-web"], { env });
    strictEqual(kill.code, 0, kill.stderr);
    strictEqual(await tmux.tmux("list-sessions", "-F", "#{session_name}"), "mine");
  });
});

Deno.test("a tmux_session step runs its command in a new window of that session", async () => {
  const config = `
rituals:
  start:
    global:
      - {name: mon, command: "echo from-step", interactive: true, tmux_session: "ops"}
`;
  await withRune(config, async ({ dir, tmux, env }) => {
    await tmux.tmux("new-session", "-d", "-s", "ops", "-n", "existing");
    const r = await runRune(["start", "web"], { env, cwd: dir });
    strictEqual(r.code, 0, r.stderr);
    // Its command keeps running there: started, like a background command, not "ok".
    match(r.stderr, /▶ mon: started · in window 1 of session "ops"/);
    doesNotMatch(r.stderr, /mon: ok/);
    const windows = (await tmux.tmux("list-windows", "-t", "=ops", "-F", "#{window_id}")).split(
      "\n",
    );
    strictEqual(windows.length, 2);
    await tmux.waitForText(windows[1], /^from-step$/m);
  });
});

Deno.test("a custom layout string, focus and an exec pane, on a detached session", async () => {
  const layout = "a6b4,160x40,0,0{60x40,0,0,0,99x40,61,0[99x20,61,0,1,99x19,61,21,2]}";
  const config = `
rituals:
  start:
    global:
      - {name: ws, interactive: true, tmux_template: t}
  templates:
    t:
      session_name: custom
      windows:
        - name: one
          panes: ["echo one"]
        - name: three
          layout: "${layout}"
          focus: true
          panes:
            - echo p1
            - {command: echo p2, focus: true}
            - {command: "echo exec-ran; sleep 60", exec: true}
`;
  await withRune(config, async ({ dir, tmux, env }) => {
    const r = await runRune(["start", "web", "--detach"], { env, cwd: dir });
    strictEqual(r.code, 0, r.stderr);
    match(r.stderr, /attach with: tmux -S \S+ attach-session -t '=custom'/);
    const three = await tmux.tmux(
      "list-panes",
      "-t",
      "=custom:three",
      "-F",
      "#{pane_width}x#{pane_height} #{pane_active} #{window_active}",
    );
    deepStrictEqual(three.split("\n"), ["60x40 0 1", "99x20 1 1", "99x19 0 1"]);
    const ids = await tmux.paneIds("custom");
    await tmux.waitForText(ids[1], /^p1$/m);
    await tmux.waitForText(ids[2], /^p2$/m);
    await tmux.waitForText(ids[3], /^exec-ran$/m);
    // The exec pane runs its command as the pane's process: nothing was typed into it.
    doesNotMatch(await tmux.capture(ids[3]), /rune-panes/);
  }, { conf: BASE1 });
});

Deno.test("--dry-run prints the tmux argv and runs nothing; without tmux, start exits 3", async () => {
  await withRune(FULLSTACK, async ({ dir, tmux, env }) => {
    const dry = await runRune(["start", "web", "--dry-run"], { env, cwd: dir });
    strictEqual(dry.code, 0, dry.stderr);
    match(
      dry.stdout,
      /tmux argv \(one call[^\n]*\n\s+tmux -u -S \S+ new-session -d -s dev-web -x 200 -y 50 -c /,
    );
    match(dry.stdout, / new-window -t '=dev-web:' -n backend -c /);
    match(dry.stdout, / ';' select-layout main-vertical ';' select-pane -t :\.-1 ';' new-window /);
    strictEqual((await tmux.tryTmux("list-sessions")).code, 1, "a dry run starts no server");
    const empty = `${dir}/no-tmux-here`;
    Deno.mkdirSync(empty);
    const none = await runRune(["start", "web"], { env: { ...env, PATH: empty }, cwd: dir });
    strictEqual(none.code, 3, none.stderr);
    match(none.stderr, /tmux is not installed or not on PATH/);
  });
});

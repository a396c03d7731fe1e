/**
 * Issue 18 "secrets": with secret-looking variables in rune's environment (and in the global
 * environment of a tmux server that ran before rune), every kind of child rune starts reads its
 * own environment and writes it down — a shell step, a background step, a pseudo-terminal step
 * (rune in a terminal), a tmux pane on a server rune starts and on the one that was running, a
 * window added by `tmux_session`, the close hook's stop ritual, the shell hook's enter and
 * leave rituals — and none holds a withheld value, while SSH_AUTH_SOCK and friends arrive
 * intact. Then no file rune wrote (logs, audit, work sessions, trust store, state) and no
 * output (`--json`, `--dry-run --json`, report, audit, status, logs) holds a withheld value.
 */
import { runRune } from "../helpers/run_rune.ts";
import type { RuneResult } from "../helpers/run_rune.ts";
import { hasTmux } from "../helpers/tmux_server.ts";
import { waitFor } from "../helpers/wait_for.ts";
import { runInPane } from "../e2e/pty_pane.ts";
import { hasStack, Tally } from "./lib/tally.ts";
import { leakedIn, leaksInFiles, NEEDED, paneLeaks, SECRETS, withWorld } from "./lib/world.ts";
import type { World } from "./lib/world.ts";
import { read } from "./lib/probe.ts";

const config = (out: string, dir: string) => `
settings:
  tmux: {stop_on_session_close: true}
  hooks: {enter_leave: true, timeout: 5s}
  tracking: {on_switch: stop}
projects: [{name: web, detect: ["dir:${dir}"]}]
rituals:
  start:
    per_project:
      web:
        - {name: shell, command: "env > ${out}/shell"}
        - {name: background, command: "env > ${out}/background.tmp && mv ${out}/background.tmp ${out}/background", background: true}
        - {name: pty, interactive: true, command: "env > ${out}/pty"}
        - {name: pane, interactive: true, tmux_template: t}
        - {name: window, interactive: true, tmux_session: "added", command: "env > ${out}/window"}
  stop:
    per_project:
      web: [{name: close-hook, command: "env > ${out}/close-hook"}]
  enter:
    per_project:
      web: [{name: enter, command: "env > ${out}/enter"}]
  leave:
    per_project:
      web: [{name: leave, command: "env > ${out}/leave"}]
  templates:
    t:
      session_name: "s-{{.Project}}"
      attach: false
      windows: [{name: w, panes: ["env > ${out}/pane", {command: "env > ${out}/exec; sleep 300", exec: true}]}]
`;

/** The children's files: what each read of its own environment. */
const CHILDREN = [
  "shell",
  "background",
  "pty",
  "pane",
  "exec",
  "window",
  "close-hook",
  "enter",
  "leave",
];

/**
 * A pane on a server that ran before rune gets the server's own value of a variable outside
 * tmux's update-environment list (GPG_AGENT_INFO, DBUS_SESSION_BUS_ADDRESS), not rune's: tmux
 * copies only SSH_AUTH_SOCK, SSH_AGENT_PID, DISPLAY and a few more from the client that makes a
 * session. Left open (issue 18 report); every other child gets rune's current values.
 */
function fromServer(server: string, child: string, name: string): boolean {
  return server === "existing" && ["pane", "exec", "window"].includes(child) &&
    !["SSH_AUTH_SOCK", "SSH_AGENT_PID", "DISPLAY"].includes(name);
}

function parseEnv(text: string): Record<string, string> {
  return Object.fromEntries(
    text.split("\n").filter((l) => l.includes("=")).map((
      l,
    ) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]),
  );
}

async function runAll(w: World, out: string, tag: string): Promise<RuneResult[]> {
  const said: RuneResult[] = [];
  const rune = async (args: string[], cwd = w.dir, env = w.env) => {
    const r = await runRune(args, { env, cwd });
    said.push(r);
    return r;
  };
  await rune(["start", "--dry-run", "--json"]);
  // In a terminal (a pane of the test's own server), so the pty step runs under `script`.
  const pane = await runInPane(w.tmux, {
    home: w.home,
    cwd: w.dir,
    args: ["start", "--json", "--detach"],
    env: w.env,
    outsideTmux: true,
  });
  const code = await pane.exitCode(60_000);
  said.push({ code, stdout: await w.tmux.capture(pane.pane), stderr: "" });
  // rune's own shell (the test's pane) holds the secrets, as the user's terminal does.
  await w.tmux.tmux("kill-pane", "-t", pane.pane);
  await waitFor(() => read(`${out}/background`) !== undefined, {
    what: `${tag}: the background env`,
  });
  // The close hook: the session closed by hand runs the stop ritual in the background.
  await new Deno.Command("tmux", { args: ["-S", w.socket, "kill-session", "-t", "=s-web"] })
    .output();
  await waitFor(() => read(`${out}/close-hook`) !== undefined, {
    timeoutMs: 20_000,
    what: `${tag}: the close hook's stop ritual`,
  });
  await rune(["__hook-env", "bash"], w.dir, w.env);
  await rune(["__hook-env", "bash"], w.home.home, {
    ...w.env,
    RUNE_PROJECT: "web",
    RUNE_PROJECT_DIR: w.dir,
  });
  for (
    const args of [
      ["report", "--format", "json"],
      ["audit", "ls", "--json"],
      ["status", "--json"],
      ["logs", "-n", "500"],
      ["session", "ls", "--json"],
      ["ls", "--json"],
    ]
  ) {
    await rune(args);
  }
  return said;
}

Deno.test({
  name: "secrets: absent from every kind of child, every file and every output",
  ignore: !hasTmux,
  async fn(t) {
    const tally = new Tally("secrets", [
      "leaked",
      "missing what tools need",
      "stack traces",
      "child did not run",
    ]);
    for (const server of ["new", "existing"] as const) {
      await t.step(`${server} tmux server`, () =>
        withWorld(async (w) => {
          const out = Deno.makeTempDirSync({ dir: w.home.dir, prefix: "out-" });
          w.home.writeConfig(config(out, w.dir));
          if (server === "existing") {
            // The user's own session, made from their login (with its agent socket and display).
            await new Deno.Command("tmux", {
              args: ["-S", w.socket, "new-session", "-d", "-s", "added"],
              env: NEEDED,
            }).output();
          }
          const said = await runAll(w, out, server);
          let held = 0;
          for (const child of CHILDREN) {
            const text = read(`${out}/${child}`);
            const broke = [];
            if (text === undefined) {
              broke.push({ counter: "child did not run", why: `${child} wrote nothing` });
            } else {
              const env = parseEnv(text);
              const leaks = leakedIn(text);
              const names = Object.keys(SECRETS).filter((k) => k in env);
              if (leaks.length || names.length) {
                broke.push({
                  counter: "leaked",
                  why: `${child}: ${[...leaks, ...names].join(", ")}`,
                });
              }
              const missing = Object.entries(NEEDED).filter(([k, v]) =>
                env[k] !== v && !fromServer(server, child, k)
              ).map(([k]) => k);
              if (missing.length) {
                broke.push({
                  counter: "missing what tools need",
                  why: `${child}: ${missing.join(", ")}`,
                });
              }
            }
            if (tally.record(`${server}: ${child}`, broke)) held++;
          }
          tally.check(`${server} server: children`, CHILDREN.length, held);
          const files = leaksInFiles([
            `${w.home.dir}/state`,
            `${w.home.dir}/data`,
            `${w.home.dir}/cache`,
            `${w.home.dir}/config`,
          ]);
          const outputs = said.flatMap((r, i) =>
            leakedIn(r.stdout + r.stderr).map((n) => `output ${i}: ${n}`)
          );
          // The user's own "added" (made before rune) has the secret; rune's window there is a child.
          const panes = await paneLeaks(w.socket, server === "existing" ? ["keep", "added"] : []);
          const stacks = said.filter((r) => hasStack(r.stdout + r.stderr));
          tally.record(`${server}: rune's files`, files.map((why) => ({ counter: "leaked", why })));
          tally.record(`${server}: rune's outputs`, [
            ...outputs.map((why) => ({ counter: "leaked", why })),
            ...stacks.map((r) => ({ counter: "stack traces", why: r.stderr.slice(0, 300) })),
          ]);
          tally.record(
            `${server}: every pane on the server`,
            panes.map((why) => ({ counter: "leaked", why })),
          );
          tally.check(
            `${server} server: files, outputs, panes`,
            3,
            3 - [files, [...outputs, ...stacks], panes].filter((x) => x.length).length,
          );
        }, { server }));
    }
    console.log(
      "  skipped: saved sessions (save/restore is not on this branch; its files fall under the state/data scan when it lands)",
    );
    tally.finish();
  },
});

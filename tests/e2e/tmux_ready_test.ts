/**
 * Declared readiness end to end (issue 17), on private tmux servers whose pane shells take
 * 0.2–1.5 s to start: a chain db (says "ready to accept connections" after 1 s) → app (listens
 * on a port) → tests, each started only once what it waits for is ready; a condition that
 * times out; a cycle refused before anything is built; the same chain with control mode
 * forced off; exec panes and exit statuses; --wait; rune session status.
 * Order is proven by what each pane finds when it starts, never by timings.
 */
import { match, ok, strictEqual } from "node:assert/strict";
import { runRune } from "../helpers/run_rune.ts";
import { makeTempHome } from "../helpers/temp_home.ts";
import type { TempHome } from "../helpers/temp_home.ts";
import { hasTmux, withTmuxServer } from "../helpers/tmux_server.ts";
import type { TmuxServer } from "../helpers/tmux_server.ts";
import { waitFor } from "../helpers/wait_for.ts";

const test = (name: string, fn: () => Promise<void>) => Deno.test({ name, ignore: !hasTmux, fn });

function freePort(): number {
  const l = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (l.addr as Deno.NetAddr).port;
  l.close();
  return port;
}

/** A template step, then `extra` steps; windows as given. */
const config = (windows: string, extra = "") => `
rituals:
  start:
    global:
      - {name: ws, interactive: true, tmux_template: t}
${extra}
  templates:
    t:
      session_name: ready
      windows:
${windows}
`;

/** Pane shells that take 0.2 to 1.5 s to start, by pane (bash, so the handshake is READING). */
async function slowShells(home: TempHome, tmux: TmuxServer) {
  Deno.writeTextFileSync(
    `${home.dir}/rc`,
    'case "$TMUX_PANE" in %1|%4) sleep 1.5;; %2|%5) sleep 0.2;; *) sleep 0.7;; esac\nPS1="$ "\n',
  );
  await tmux.tmux("new-session", "-d", "-s", "keep");
  await tmux.tmux("set-option", "-g", "default-command", `bash --rcfile ${home.dir}/rc -i`);
}

async function start(
  home: TempHome,
  tmux: TmuxServer,
  o: { args?: string[]; env?: Record<string, string> } = {},
) {
  const dir = `${home.dir}/web`;
  Deno.mkdirSync(dir, { recursive: true });
  return await runRune(["start", "web", "--detach", ...(o.args ?? [])], {
    env: { ...home.env, RUNE_TMUX_SOCKET: tmux.socket, ...o.env },
    cwd: dir,
  });
}

async function withHome(text: string, fn: (home: TempHome) => Promise<void>) {
  const home = makeTempHome();
  try {
    home.writeConfig(text);
    await fn(home);
  } finally {
    home.cleanup();
  }
}

/** The text every pane of session "ready" shows, history included. */
async function screens(tmux: TmuxServer): Promise<string> {
  const panes = await tmux.paneIds("ready");
  const all = await Promise.all(
    panes.map((p) => tmux.tmux("capture-pane", "-p", "-J", "-S", "-", "-t", p)),
  );
  return all.join("\n");
}

function chain(dir: string, port: number): string {
  const flag = `${dir}/db-up`;
  const py = `import urllib.request; urllib.request.urlopen('http://127.0.0.1:${port}'); ` +
    `print('app' + '-answered')`;
  return config(
    `
        - name: db
          panes:
            - command: "sleep 1; touch ${flag}; echo ready to accept' 'connections"
              ready: {output: "^ready to accept connections$", timeout: 30s}
        - name: app
          depends_on: db
          panes:
            - name: server
              command: "test -f ${flag} && echo db-was''-up && python3 -m http.server ${port} --bind 127.0.0.1"
              ready: {port: ${port}, timeout: 30s}
        - name: tests
          panes:
            - {command: "python3 -c \\"${py}\\"", depends_on: [app.server]}
            - "echo free-pane-ran"`,
    `      - {name: smoke, command: "echo smoke-ran", wait_for: [tests.1]}`,
  );
}

for (const mode of ["control", "RUNE_TMUX_CONTROL=0"]) {
  test(`a chain db → app → tests starts in order, each once what it waits for is ready (${mode})`, async () => {
    const home = makeTempHome();
    try {
      const port = freePort();
      home.writeConfig(chain(home.dir, port));
      await withTmuxServer(async (tmux) => {
        await slowShells(home, tmux);
        const env: Record<string, string> = mode === "control" ? {} : { RUNE_TMUX_CONTROL: "0" };
        const r = await start(home, tmux, { args: ["--wait"], env });
        strictEqual(r.code, 0, r.stderr);
        match(r.stderr, /smoke: ok/);
        // The tests pane declares no condition: its command was typed, its output may follow.
        let text = "";
        await waitFor(async () => /^app-answered$/m.test(text = await screens(tmux)), {
          what: () => `the tests pane's output:\n${text}`,
        });
        match(text, /^db-was-up$/m, "app started after db was ready");
        match(text, /^app-answered$/m, "tests started once the app listened");
        match(text, /^free-pane-ran$/m, "a pane that waits for nothing ran too");
        strictEqual(text.split("\n").filter((l) => l === "app-answered").length, 1, text);
        strictEqual(await tmux.tmux("list-clients"), "", "no control client left attached");
        const status = await runRune(["session", "status", "ready", "--json"], {
          env: { ...home.env, RUNE_TMUX_SOCKET: tmux.socket },
        });
        const panes: { pane: string; status: string }[] = JSON.parse(status.stdout).panes;
        strictEqual(
          panes.map((p) => `${p.pane} ${p.status}`).join(", "),
          "db.1 ready, app.server ready, tests.1 ready, tests.2 ready",
        );
      });
    } finally {
      home.cleanup();
    }
  });
}

test("a condition that times out fails the step, naming it, with the pane's last lines", async () => {
  await withHome(
    config(`
        - name: db
          panes: [{command: "echo still-starting", ready: {output: "never said", timeout: 1s}}]
        - name: app
          panes: [{command: "echo app-ran", depends_on: db}]`),
    async (home) => {
      await withTmuxServer(async (tmux) => {
        await slowShells(home, tmux);
        const r = await start(home, tmux);
        strictEqual(r.code, 1, r.stderr);
        match(r.stderr, /db\.1 prints a line matching \/never said\/ \(within 1s\): timed out/);
        match(r.stderr, /app\.1 was not started: db failed/);
        match(r.stderr, /\| still-starting/, "the pane's last lines");
        ok(!(await screens(tmux)).includes("\napp-ran"), "what waited for it never started");
        const status = await runRune(["session", "status", "ready"], {
          env: { ...home.env, RUNE_TMUX_SOCKET: tmux.socket },
        });
        match(status.stdout, /db\.1 +failed +prints a line matching \/never said\/.*timed out/);
        match(status.stdout, /app\.1 +failed +not started, db failed/);
      });
    },
  );
});

test("a cycle is refused before anything is built", async () => {
  await withHome(
    config(`
        - {name: a, depends_on: b, panes: [x]}
        - {name: b, depends_on: a, panes: [y]}`),
    async (home) => {
      await withTmuxServer(async (tmux) => {
        await tmux.tmux("new-session", "-d", "-s", "keep");
        const r = await start(home, tmux);
        strictEqual(r.code, 2, r.stderr);
        match(
          r.stderr,
          /config\.yaml:\d+:\d+: error: Cannot order the panes of template "t": .*a\.1 → b\.1 → a\.1/,
        );
        strictEqual((await tmux.tryTmux("has-session", "-t", "=ready")).code, 1, "nothing built");
      });
    },
  );
});

test("exec panes: an exit status is a condition; a pane waiting for it starts after", async () => {
  await withHome(
    config(`
        - name: jobs
          panes:
            - {command: "sleep 0.5; exit 0", exec: true, ready: {exit: 0}}
            - {command: "exit 3", exec: true, ready: {exit: 0}}
        - name: after
          panes:
            - {command: "echo after-ok", depends_on: jobs.1}
            - {command: "echo after-bad", depends_on: jobs.2}`),
    async (home) => {
      await withTmuxServer(async (tmux) => {
        await slowShells(home, tmux);
        const r = await start(home, tmux);
        strictEqual(r.code, 1, r.stderr);
        match(r.stderr, /jobs\.2 exits with status 0 \(within 1m\): it exited with status 3/);
        const text = await screens(tmux);
        match(text, /^after-ok$/m);
        ok(!text.includes("\nafter-bad"), text);
      });
    },
  );
});

test("without --wait a condition nothing waits for is not awaited; with --wait it is", async () => {
  const windows = `
        - name: slow
          panes: [{command: "echo up", ready: {file: never-made, timeout: 2s}}]`;
  await withHome(config(windows), async (home) => {
    await withTmuxServer(async (tmux) => {
      await slowShells(home, tmux);
      const quick = await start(home, tmux);
      strictEqual(quick.code, 0, quick.stderr);
      await waitFor(async () => (await screens(tmux)).includes("\nup"), { what: "the pane typed" });
      await tmux.tmux("kill-session", "-t", "=ready");
      const waited = await start(home, tmux, { args: ["--wait"] });
      strictEqual(waited.code, 1, waited.stderr);
      match(waited.stderr, /slow\.1 has made .*never-made \(within 2s\): timed out/);
    });
  });
});

/**
 * The build's control client on real tmux, private servers only: one tmux process per build,
 * nothing left attached, the old path when control mode is forced off or its client fails,
 * and the pitfalls of control mode guarded (notes/control_mode.md): a config error's
 * view-mode (tmux #3193), window sizes and layouts, a flood of output, the server exiting
 * under the client.
 */
import { deepStrictEqual, match, ok, strictEqual } from "node:assert/strict";
import { runRune } from "../helpers/run_rune.ts";
import { makeTempHome } from "../helpers/temp_home.ts";
import type { TempHome } from "../helpers/temp_home.ts";
import { hasTmux, withTmuxServer } from "../helpers/tmux_server.ts";
import type { TmuxServer } from "../helpers/tmux_server.ts";
import { waitFor } from "../helpers/wait_for.ts";

const test = (name: string, fn: () => Promise<void>) => Deno.test({ name, ignore: !hasTmux, fn });

const config = (windows: string) => `
rituals:
  start:
    global: [{name: ws, interactive: true, tmux_template: t}]
  templates:
    t:
      session_name: fresh
      windows:
${windows}
`;

const TWO_WINDOWS = config(`
        - {name: a, layout: main-vertical, panes: ["echo one-ran", "echo two-ran", "echo three-ran"]}
        - {name: b, layout: "6a18,200x49,0,0{100x49,0,0,100,99x49,101,0,101}", panes: ["echo four-ran", ~]}`);

/** A PATH directory whose `tmux` logs each call to `log`, then runs (or, with -C, fails). */
function tmuxShim(dir: string, o: { failControl?: boolean } = {}): { path: string; log: string } {
  const real = new Deno.Command("sh", { args: ["-c", "command -v tmux"], stdout: "piped" })
    .outputSync();
  const tmux = new TextDecoder().decode(real.stdout).trim();
  const log = `${dir}/tmux-calls`;
  Deno.mkdirSync(`${dir}/shim`);
  const refuse = o.failControl
    ? `case " $* " in *" -C "*) echo no control >&2; exit 1;; esac\n`
    : "";
  Deno.writeTextFileSync(
    `${dir}/shim/tmux`,
    `#!/bin/sh\necho "$*" >>'${log}'\n${refuse}exec '${tmux}' "$@"\n`,
  );
  Deno.chmodSync(`${dir}/shim/tmux`, 0o755);
  return { path: `${dir}/shim`, log };
}

async function start(home: TempHome, tmux: TmuxServer, env: Record<string, string> = {}) {
  const dir = `${home.dir}/web`;
  Deno.mkdirSync(dir, { recursive: true });
  return await runRune(["start", "web", "--detach"], {
    env: { ...home.env, RUNE_TMUX_SOCKET: tmux.socket, ...env },
    cwd: dir,
  });
}

/** Each pane's commands ran exactly once (the output line of each `echo X-ran`). */
async function ranOnce(tmux: TmuxServer, words: string[]) {
  for (const word of words) {
    let screen = "";
    await waitFor(async () => {
      const panes = await tmux.paneIds("fresh");
      screen = (await Promise.all(panes.map((p) => tmux.capture(p)))).join("\n");
      return screen.includes(`\n${word}`);
    }, { what: () => `${word} in the session:\n${screen}` });
    strictEqual(screen.split("\n").filter((l) => l === word).length, 1, screen);
  }
}

const layouts = (tmux: TmuxServer) =>
  tmux.tmux(
    "list-windows",
    "-t",
    "=fresh",
    "-F",
    "#{window_name} #{window_width}x#{window_height} #{window_layout}",
  );

async function withHome(fn: (home: TempHome) => Promise<void>, text = TWO_WINDOWS) {
  const home = makeTempHome();
  try {
    home.writeConfig(text);
    await fn(home);
  } finally {
    home.cleanup();
  }
}

test("a build is one tmux process, and nothing of it stays attached", async () => {
  await withHome(async (home) => {
    const shim = tmuxShim(home.dir);
    await withTmuxServer(async (tmux) => {
      await tmux.tmux("new-session", "-d", "-s", "keep");
      const r = await start(home, tmux, { PATH: `${shim.path}:${home.env.PATH}` });
      strictEqual(r.code, 0, r.stderr);
      const calls = Deno.readTextFileSync(shim.log).trim().split("\n");
      strictEqual(calls.length, 1, calls.join("\n"));
      match(calls[0], / -C new-session -s fresh /);
      strictEqual(await tmux.tmux("list-clients"), "", "the control client is gone");
      await ranOnce(tmux, ["one-ran", "two-ran", "three-ran", "four-ran"]);
    });
  });
});

test("control mode forced off, or a control client that fails: the old path builds it", async () => {
  for (const how of ["RUNE_TMUX_CONTROL=0", "a failing client"]) {
    await withHome(async (home) => {
      const shim = tmuxShim(home.dir, { failControl: how !== "RUNE_TMUX_CONTROL=0" });
      await withTmuxServer(async (tmux) => {
        await tmux.tmux("new-session", "-d", "-s", "keep");
        const env: Record<string, string> = { PATH: `${shim.path}:${home.env.PATH}` };
        if (how === "RUNE_TMUX_CONTROL=0") env.RUNE_TMUX_CONTROL = "0";
        const r = await start(home, tmux, env);
        strictEqual(r.code, 0, `${how}: ${r.stderr}`);
        const calls = Deno.readTextFileSync(shim.log).trim().split("\n");
        if (how === "RUNE_TMUX_CONTROL=0") ok(!calls.some((c) => / -C /.test(c)), how);
        else match(r.stderr, /control mode is not usable/);
        ok(calls.some((c) => / new-session -d /.test(c)), `${how}: the planned call ran`);
        ok(calls.some((c) => / pipe-pane /.test(c)), `${how}: watched through pipe-pane`);
        await ranOnce(tmux, ["one-ran", "two-ran", "three-ran", "four-ran"]);
      });
    });
  }
});

test("the control client changes no window size or layout, while attached or after", async () => {
  const rc = "sleep 1.5\nPS1='$ '\n";
  const built: Record<string, string[]> = {};
  for (const mode of ["control", "cli"]) {
    await withHome(async (home) => {
      Deno.writeTextFileSync(`${home.dir}/rc`, rc);
      await withTmuxServer(async (tmux) => {
        await tmux.tmux("new-session", "-d", "-s", "keep");
        await tmux.tmux("set-option", "-g", "default-command", `bash --rcfile ${home.dir}/rc -i`);
        const run = start(home, tmux, mode === "cli" ? { RUNE_TMUX_CONTROL: "0" } : {});
        const seen: string[] = [];
        if (mode === "control") {
          // While the shells sleep, the client is attached: once it has made both windows (its
          // first line makes only the session), sizes must hold already.
          let now = "";
          await waitFor(async () => {
            const clients = await tmux.tmux("list-clients", "-F", "#{client_flags}");
            now = await layouts(tmux).catch(() => "");
            return clients.includes("control-mode") && /^a /m.test(now) && /^b /m.test(now);
          }, { what: () => `the control client attached, both windows made:\n${now}` });
          seen.push(now);
        }
        strictEqual((await run).code, 0);
        await ranOnce(tmux, ["one-ran", "four-ran"]);
        seen.push(await layouts(tmux));
        built[mode] = seen;
      });
    });
  }
  const [during, after] = built.control;
  deepStrictEqual(after, built.cli[0], "the same layouts as the old path builds");
  deepStrictEqual(during, after);
  match(after, /^a 200x50 /m);
  // A custom layout brings its own size (tmux's select-layout), here as on the old path.
  match(after, /^b 200x49 .*\{100x49,0,0,\d+,99x49,101,0,\d+\}/m);
});

test("a tmux config error (view-mode, tmux #3193) neither swallows nor misdirects the typing", async () => {
  await withHome(async (home) => {
    // rune's build starts this server, so tmux loads this config and shows its errors.
    Deno.writeTextFileSync(`${home.home}/.tmux.conf`, "set -g status on\nbogus-command here\n");
    await withTmuxServer(async (tmux) => {
      const r = await start(home, tmux, { SHELL: "/bin/bash" });
      strictEqual(r.code, 0, r.stderr);
      await ranOnce(tmux, ["one-ran", "two-ran", "three-ran", "four-ran"]);
      const modes = await tmux.tmux("list-panes", "-s", "-t", "=fresh", "-F", "#{pane_in_mode}");
      ok(!modes.includes("1"), `no pane left in a mode: ${modes}`);
    });
  });
});

test("a hook's run-shell output puts new panes in view-mode: rune leaves it, then types", async () => {
  for (const mode of ["control", "cli"]) {
    await withHome(async (home) => {
      await withTmuxServer(async (tmux) => {
        await tmux.tmux("new-session", "-d", "-s", "keep");
        // Without a client to print to, run-shell shows its output in the pane, in view-mode.
        await tmux.tmux("set-hook", "-g", "after-split-window", 'run-shell "echo hook-output"');
        await tmux.tmux("set-hook", "-g", "after-new-window", 'run-shell "echo hook-output"');
        const r = await start(home, tmux, mode === "cli" ? { RUNE_TMUX_CONTROL: "0" } : {});
        strictEqual(r.code, 0, r.stderr);
        match(r.stderr, /was in view-mode .*rune left it before typing/, mode);
        await ranOnce(tmux, ["one-ran", "two-ran", "three-ran", "four-ran"]);
      });
    });
  }
});

test("a flood of output before the prompt: the client keeps up, the command is typed once", async () => {
  await withHome(async (home) => {
    Deno.writeTextFileSync(
      `${home.dir}/rc`,
      "head -c 3000000 /dev/zero | tr '\\0' x; echo\nPS1='$ '\n",
    );
    await withTmuxServer(async (tmux) => {
      await tmux.tmux("new-session", "-d", "-s", "keep");
      await tmux.tmux("set-option", "-g", "default-command", `bash --rcfile ${home.dir}/rc -i`);
      const r = await start(home, tmux);
      strictEqual(r.code, 0, r.stderr);
      await ranOnce(tmux, ["one-ran", "two-ran", "three-ran", "four-ran"]);
    });
  });
});

test("the server exiting under the client fails the step at once, saying so", async () => {
  await withHome(async (home) => {
    Deno.writeTextFileSync(`${home.dir}/rc`, "sleep 30\n");
    await withTmuxServer(async (tmux) => {
      await tmux.tmux("new-session", "-d", "-s", "keep");
      await tmux.tmux("set-option", "-g", "default-command", `bash --rcfile ${home.dir}/rc -i`);
      const run = start(home, tmux);
      // Built (its placeholder window gone), and rune waiting for the shells to read.
      await waitFor(async () => {
        const r = await tmux.tryTmux("list-windows", "-t", "=fresh", "-F", "#{window_name}");
        return r.code === 0 && r.stdout.trim().split("\n").join(" ") === "a b";
      }, { what: "the session built" });
      await tmux.tryTmux("kill-server");
      const r = await run;
      strictEqual(r.code, 1, r.stderr);
      match(r.stderr, /tmux went away while rune was starting the panes of "fresh"/);
    });
  });
});

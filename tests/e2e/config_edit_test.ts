/**
 * `rune config edit`: the editor from VISUAL/EDITOR (else vi, found on PATH) through `sh -c`,
 * then the config checked; without a terminal the problems are reported (exit 2), in one (a
 * private tmux pane) rune offers to reopen the editor until the config loads.
 */
import { match, strictEqual } from "node:assert/strict";
import { runRune } from "../helpers/run_rune.ts";
import { makeTempHome } from "../helpers/temp_home.ts";
import type { TempHome } from "../helpers/temp_home.ts";
import { hasTmux, withTmuxServer } from "../helpers/tmux_server.ts";
import { runInPane } from "./pty_pane.ts";

const GOOD = "rituals:\n  start:\n    global:\n      - {name: hi, command: echo hi}\n";
const BROKEN = "rituals:\n  start:\n    global:\n      - {name: hi, comand: echo hi}\n";

/** An editor script that writes the next of `versions` into the file each time it runs. */
function fakeEditor(home: TempHome, name: string, versions: string[]): string {
  const dir = `${home.dir}/bin`;
  Deno.mkdirSync(dir, { recursive: true });
  versions.forEach((v, i) => Deno.writeTextFileSync(`${dir}/${name}.${i}`, v));
  const path = `${dir}/${name}`;
  Deno.writeTextFileSync(
    path,
    `#!/bin/sh\nn=$(cat "${dir}/${name}.count" 2>/dev/null || echo 0)\n` +
      `echo "editor: $*" >> "${dir}/${name}.log"\n` +
      `cp "${dir}/${name}.$n" "$1"\necho $((n + 1)) > "${dir}/${name}.count"\n`,
  );
  Deno.chmodSync(path, 0o755);
  return path;
}

async function withHome(fn: (home: TempHome) => Promise<void>) {
  const home = makeTempHome();
  try {
    home.writeConfig("version: 1\n");
    await fn(home);
  } finally {
    home.cleanup();
  }
}

Deno.test("config edit opens $EDITOR, then validates: a good config exits 0", async () => {
  await withHome(async (home) => {
    const editor = fakeEditor(home, "ed1", [GOOD]);
    const r = await runRune(["config", "edit"], {
      env: { ...home.env, EDITOR: `${editor} --wait` },
    });
    strictEqual(r.code, 0, r.stderr);
    match(r.stderr, /config\.yaml: 0 errors, 0 warnings/);
    match(
      Deno.readTextFileSync(`${editor}.log`),
      /^editor: --wait .*\/config\/rune\/config\.yaml\n$/,
    );
  });
});

Deno.test("config edit without a terminal reports the errors and exits 2, asking nothing", async () => {
  await withHome(async (home) => {
    const editor = fakeEditor(home, "ed2", [BROKEN]);
    const r = await runRune(["config", "edit"], {
      env: { ...home.env, VISUAL: editor, EDITOR: "false" },
    });
    strictEqual(r.code, 2);
    match(r.stderr, /4:20: error: Cannot use the key "comand"/);
    match(r.stderr, /2 errors, 0 warnings/);
    strictEqual(r.stderr.includes("open the editor again"), false, r.stderr);
  });
});

Deno.test("config edit falls back to vi on PATH, and names a missing editor (exit 3)", async () => {
  await withHome(async (home) => {
    fakeEditor(home, "vi", [GOOD]);
    const path = `${home.dir}/bin:${home.env.PATH}`;
    const r = await runRune(["config", "edit"], { env: { ...home.env, PATH: path } });
    strictEqual(r.code, 0, r.stderr);
    match(Deno.readTextFileSync(`${home.dir}/bin/vi.log`), /config\.yaml/);
    const missing = await runRune(["config", "edit"], {
      env: { ...home.env, EDITOR: "no-such-editor" },
    });
    strictEqual(missing.code, 3);
    match(
      missing.stderr,
      /cannot open the editor "no-such-editor" \(from EDITOR\): it is not installed/,
    );
  });
});

Deno.test("config edit with no config points at rune init", async () => {
  const home = makeTempHome();
  try {
    const r = await runRune(["config", "edit"], { env: { ...home.env, EDITOR: "true" } });
    strictEqual(r.code, 2);
    match(r.stderr, /hint: run `rune init` to write a starter config there/);
  } finally {
    home.cleanup();
  }
});

Deno.test({
  name: "config edit in a terminal reopens the editor on errors until the config loads",
  ignore: !hasTmux,
  async fn() {
    await withHome(async (home) => {
      const editor = fakeEditor(home, "ed3", [BROKEN, GOOD]);
      await withTmuxServer(async (tmux) => {
        const run = await runInPane(tmux, {
          home,
          cwd: home.dir,
          args: ["config", "edit"],
          env: { EDITOR: editor },
        });
        await tmux.waitForText(run.pane, "open the editor again to fix them? [Y/n]");
        await tmux.tmux("send-keys", "-t", run.pane, "Enter");
        strictEqual(await run.exitCode(), 0, await tmux.capture(run.pane));
        const screen = await tmux.capture(run.pane);
        match(screen, /0 errors, 0 warnings/);
        strictEqual(Deno.readTextFileSync(`${editor}.count`).trim(), "2");
      });
    });
  },
});

/**
 * Hostile values typed into an interactive bash in a real terminal (a pane on a private tmux
 * server), as rune's tmux engine types pane commands: readline, the tty's line discipline and
 * history expansion all see the text. Every value must come back exactly and run nothing.
 */
import { deepStrictEqual, ok as assert } from "node:assert/strict";
import { expandField } from "../../src/templates/expand.ts";
import { hasTmux, withTmuxServer } from "../helpers/tmux_server.ts";
import { waitFor } from "../helpers/wait_for.ts";
import { HOSTILE, PWN } from "./hostile_values.ts";
import { loadTemplateEngine } from "../../src/templates/mod.ts";

// Templates here are expanded in process, not through a config loader: load the engine once.
await loadTemplateEngine();

const TEMPLATES = [
  "printf '%s' {{.Project}} >>out",
  "printf '%s' 'on {{.Project}}!' >>out",
  "printf '%s' \"on {{.Project}}\" >>out",
  "printf '%s' \"$(printf '%s' \"<{{.Project}}>\")\" >>out",
];
const WANT = [
  (v: string) => v,
  (v: string) => `on ${v}!`,
  (v: string) => `on ${v}`,
  (v: string) => `<${v}>`,
];

function render(template: string, value: string): string {
  const r = expandField(template, {
    Project: value,
    ProjectDir: "/p",
    Command: "true",
    Home: "/h",
    User: "u",
    Date: "2026-01-02",
  }, "shell");
  if (!r.ok) throw new Error(r.error.map((p) => p.problem).join("; "));
  return r.value;
}

Deno.test({
  name: "expandField(shell): hostile values typed into an interactive bash come back exactly",
  ignore: !hasTmux,
}, async () => {
  await withTmuxServer(async (server) => {
    const dir = server.dir;
    await server.tmux(
      "new-session",
      "-d",
      "-s",
      "typed",
      "-x",
      "200",
      "-y",
      "50",
      "-c",
      dir,
      "-e",
      "HISTFILE=/dev/null",
      "-e",
      "PS1=$ ",
      "-e",
      "PS2=> ",
      "bash --norc --noprofile -i",
    );
    // Commands in the pane's history make `!!`-style values meaningful.
    const lines = [
      "true first",
      ...TEMPLATES.flatMap((t) => HOSTILE.map((v) => `${render(t, v)}; printf '\\001' >>out`)),
      "touch done",
    ];
    // A typed line feed is Enter; a few commands per send-keys keep the test quick.
    for (let i = 0; i < lines.length; i += 16) {
      await server.tmux("send-keys", "-t", "typed", "-l", `${lines.slice(i, i + 16).join("\n")}\n`);
    }
    await waitFor(async () => {
      try {
        return (await Deno.stat(`${dir}/done`)).isFile;
      } catch {
        return false;
      }
    }, { timeoutMs: 60_000, what: "the typed commands to finish" });
    const got = (await Deno.readTextFile(`${dir}/out`)).split("\x01").slice(0, -1);
    const want = TEMPLATES.flatMap((_, i) => HOSTILE.map(WANT[i]));
    deepStrictEqual(got.length, want.length, `screen:\n${await server.capture("typed")}`);
    for (let i = 0; i < want.length; i++) {
      const value = HOSTILE[i % HOSTILE.length];
      deepStrictEqual(got[i], want[i], `${JSON.stringify(value)} typed as ${lines[i + 1]}`);
    }
    let pwned = true;
    try {
      await Deno.stat(`${dir}/${PWN}`);
    } catch {
      pwned = false;
    }
    assert(!pwned, "a typed value created a file");
  });
});

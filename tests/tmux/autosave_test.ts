/** settings.tmux.autosave's tmux commands: the mark, the global hook, the session's timer. */
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { AUTOSAVE_HOOK, autosaveCommands, autosaveOffCommands } from "../../src/tmux/autosave.ts";

const SPEC = {
  seconds: 900,
  runeArgv: ["/opt/rune dir/rune"],
  stateDir: "/st#(x)/rune",
  env: { HOME: "/h", XDG_DATA_HOME: null },
};

Deno.test("autosaveCommands() marks the session, sets the hook, starts the timer", () => {
  const [mark, hook, timer] = autosaveCommands(SPEC, "$SESSION:");
  deepStrictEqual(mark, ["set-option", "-t", "$SESSION:", "@rune-autosave", "900"]);
  deepStrictEqual(hook.slice(0, 3), ["set-hook", "-g", AUTOSAVE_HOOK]);
  deepStrictEqual(timer.slice(0, 4), ["run-shell", "-b", "-t", "$SESSION:"]);
  const loop = timer[4];
  // Only the socket and the session id are left for tmux to expand; rune's `#` are literal.
  deepStrictEqual(loop.match(/#\{[^}]*\}/g), [
    "#{q:socket_path}",
    "#{q:session_id}",
    "#{q:socket_path}",
    "#{q:session_id}",
  ]);
  ok(loop.includes("/st##(x)/rune/logs/tmux-autosave.log"));
  ok(loop.includes("while sleep 900; do tmux -S "));
  ok(loop.includes("@rune-autosave | grep -q . || exit 0;"));
  ok(loop.includes("env -u XDG_DATA_HOME 'HOME=/h' '/opt/rune dir/rune' session save --autosave"));
  ok(hook[3].startsWith("run-shell -b '") && hook[3].includes(" --all; } >>"));
  strictEqual(autosaveCommands({ ...SPEC, seconds: 0.2 }, "$S:")[0][4], "1");
});

Deno.test("autosaveOffCommands() removes each session's mark by name", () => {
  deepStrictEqual(autosaveOffCommands(["dev", "x;"]), [
    ["set-option", "-t", "=dev:", "-u", "@rune-autosave"],
    ["set-option", "-t", "=x;:", "-u", "@rune-autosave"],
  ]);
});

import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { isSupported, parseTmuxVersion } from "../../src/tmux/version.ts";

Deno.test("parseTmuxVersion() reads tmux -V output; isSupported() needs 3.2", () => {
  deepStrictEqual(parseTmuxVersion("tmux 3.3a\n"), { major: 3, minor: 3, text: "tmux 3.3a" });
  deepStrictEqual(parseTmuxVersion("tmux next-3.5"), { major: 3, minor: 5, text: "tmux next-3.5" });
  strictEqual(parseTmuxVersion("tmux master")?.major, 99);
  strictEqual(parseTmuxVersion("zsh: command not found"), undefined);
  strictEqual(isSupported(parseTmuxVersion("tmux 3.2")!), true);
  strictEqual(isSupported(parseTmuxVersion("tmux 3.1c")!), false);
  strictEqual(isSupported(parseTmuxVersion("tmux 2.9a")!), false);
});

/** Which options a session and its windows set, on `show-options` output captured from tmux. */
import { deepStrictEqual, strictEqual } from "node:assert/strict";
import {
  differing,
  optionsArgv,
  parseOptionSections,
  parseValues,
  splitPlain,
} from "../../src/tmux/snapshot_options.ts";

const FIXTURE = new URL("../fixtures/tmux_snapshot/", import.meta.url).pathname;
const captured = Deno.readTextFileSync(`${FIXTURE}/show_options.txt`);

Deno.test("optionsArgv() reads the server's options, then each session's and window's", () => {
  const [call, ...more] = optionsArgv(["-L", "x"], {
    sessions: [{ id: "$1", windows: ["@2"] }],
  });
  strictEqual(more.length, 0);
  deepStrictEqual(
    call.join(" "),
    [
      "tmux -L x",
      "show-options -g ; display-message -p -t $1 =rune= ;",
      "show-options -g -w ; display-message -p -t $1 =rune= ;",
      "show-options -t $1 ; display-message -p -t $1 =rune= ;",
      "show-options -w -t @2 ; display-message -p -t @2 =rune=",
    ].join(" "),
  );
});

Deno.test("differing() keeps what a session and a window set unlike the server", () => {
  // Captured for two sessions: "other" ($1, one window) and "web" ($0, two windows).
  const sections = parseOptionSections(captured, 2 + 2 + 3);
  if (!sections) throw new Error("sections not read");
  const [server, serverWindow, other, otherWindow, web, edit, second] = sections;
  deepStrictEqual([...differing(other, server)], []);
  deepStrictEqual([...differing(otherWindow, serverWindow)], []);
  // rune's marks and default-size (the build sets them) are never saved as options.
  deepStrictEqual([...differing(web, server)], [
    ["mouse", "on"],
    ["status-left", '"[#{session_name}] \\"q\\""'],
  ]);
  deepStrictEqual([...differing(edit, serverWindow)], [
    ["automatic-rename", "off"],
    ["main-pane-width", "50"],
  ]);
  deepStrictEqual([...differing(second, serverWindow)], [["automatic-rename", "off"]]);
  deepStrictEqual(splitPlain(differing(web, server)), {
    plain: { mouse: "on" },
    lookup: ["status-left"],
  });
  strictEqual(parseOptionSections(captured, 8), undefined);
});

Deno.test("parseValues() reads back a quoted value as it is", () => {
  const lookups = [{ target: "$0", names: ["status-left"] }];
  deepStrictEqual(parseValues(Deno.readTextFileSync(`${FIXTURE}/values.txt`), lookups), [
    { "status-left": '[#{session_name}] "q"' },
  ]);
  strictEqual(parseValues("3:abc\n", [{ target: "$0", names: ["a", "b"] }]), undefined);
});

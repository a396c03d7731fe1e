/**
 * A planned build as the control client sends it: the first call's new-session becomes the
 * client's own start command (attached: no -d), the rest go down its stdin as command lines,
 * the session id bound, rune's pipe-panes left out (the client watches every pane's output).
 */
import { deepStrictEqual, ok, throws } from "node:assert/strict";
import { controlLines, controlStart } from "../../src/tmux/control_build.ts";
import { planned, unplanned } from "./executor_fixture.ts";

Deno.test("controlStart(): the build's new-session, attached, every argument as planned", () => {
  const calls = planned(unplanned).tmux!;
  const start = controlStart(calls);
  deepStrictEqual(start.slice(0, 3), ["new-session", "-s", "dev-web"]);
  ok(!start.includes("-d"), start.join(" "));
  ok(!start.includes(";"), "only the new-session: the rest are lines");
  deepStrictEqual(start.slice(-2), ["cat", "-"], "the placeholder pane, no shell");
});

Deno.test("controlLines(): one line per planned call, the id bound, no pipe-pane", () => {
  const calls = planned(unplanned, 700).tmux!;
  const lines = controlLines(calls, "$7");
  deepStrictEqual(lines.length, calls.create.length);
  const all = lines.flat();
  ok(!all.some((c) => c[0] === "pipe-pane"), "the control client watches output itself");
  ok(!all.some((c) => c[0] === "new-session"));
  // Everything the CLI calls run, pipe-panes aside, in the same order.
  const cli = calls.create.flatMap((c) =>
    c.argv.slice(1 + calls.socket.length).join("\u0000").split("\u0000;\u0000")
  )
    .map((c) => c.split("\u0000")).filter((c) => c[0] !== "pipe-pane" && c[0] !== "new-session");
  deepStrictEqual(all.map((c) => c[0]), cli.map((c) => c[0]));
  const later = lines.slice(1).map((l) => l[0]);
  ok(later.every((c) => c.join(" ").includes("$7")), "later calls start at the session's id");
  ok(!all.flat().some((a) => a.includes("$SESSION")), "no placeholder left unbound");
});

Deno.test("controlStart() refuses a plan that does not start with new-session -d (a bug)", () => {
  const calls = planned(unplanned).tmux!;
  const broken = {
    ...calls,
    create: [{ argv: ["tmux", ...calls.socket, "kill-server"], panes: [] }],
  };
  throws(() => controlStart(broken), /starts with "kill-server"/);
});

import { deepStrictEqual } from "node:assert/strict";
import { listLayoutArgv, parseLayout } from "../../src/share/layout.ts";

Deno.test("listLayoutArgv() lists windows and panes in one call, by exact name", () => {
  const argv = listLayoutArgv(["-S", "/s"], "x;");
  // -u: without a UTF-8 locale tmux would print each tab as "_".
  deepStrictEqual(argv.slice(0, 7), ["tmux", "-u", "-S", "/s", "list-windows", "-t", "=x;:"]);
  deepStrictEqual(argv.filter((a) => a === ";").length, 1);
  deepStrictEqual(argv[argv.indexOf(";") + 1], "list-panes");
});

Deno.test("parseLayout() turns a running session into the layout the share server builds", () => {
  // Captured from listLayoutArgv on tmux 3.3a: a main-vertical window whose second pane runs
  // `sleep` and has a title, and a window whose pane runs vim in /tmp.
  const captured = "W\t0\t1\t0\t90e8,200x50,0,0{80x50,0,0,1,119x50,81,0,2}\teditor\n" +
    "W\t1\t0\t0\taca0,200x50,0,0,3\tlogs\n" +
    "P\t0\t1\tbash\tvm\t/tmp/rsx/m/app\n" +
    "P\t0\t0\tsleep\tmy title\t/tmp/rsx/m/app\n" +
    "P\t1\t1\tvim\tvm\t/tmp\n";
  const pane = (dir: string, focus: boolean) => ({ commands: [], dir, focus, exec: false });
  deepStrictEqual(parseLayout("dev", captured), {
    layout: {
      template: "",
      session: "dev",
      dir: "/tmp/rsx/m/app",
      before: [],
      windows: [
        {
          name: "editor",
          layout: "90e8,200x50,0,0{80x50,0,0,1,119x50,81,0,2}",
          dir: "/tmp/rsx/m/app",
          focus: true,
          panes: [pane("/tmp/rsx/m/app", true), pane("/tmp/rsx/m/app", false)],
        },
        {
          name: "logs",
          layout: "aca0,200x50,0,0,3",
          dir: "/tmp",
          focus: false,
          panes: [pane("/tmp", true)],
        },
      ],
    },
    titles: ["vm", "my title", "vm"],
    programs: [
      { window: "editor", pane: 2, command: "sleep" },
      { window: "logs", pane: 1, command: "vim" },
    ],
  });
});

Deno.test("parseLayout(): a name tmux gives by itself is left to tmux; a path keeps its tabs", () => {
  const got = parseLayout("s", "W\t3\t1\t1\tb25d,80x24,0,0,7\tbash\nP\t3\t1\t-bash\tt\t/a\tb\n");
  deepStrictEqual(got?.layout.windows[0].name, undefined);
  deepStrictEqual(got?.layout.windows[0].panes[0].dir, "/a\tb");
  deepStrictEqual(got?.programs, []);
  deepStrictEqual(parseLayout("s", ""), undefined);
});

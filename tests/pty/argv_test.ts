/** The exact `script` argv for both flavours (compared as arrays: a join hides spaced args). */
import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { buildScriptArgv, ptyCommandText } from "../../src/pty/argv.ts";
import type { ScriptFlavour } from "../../src/contract/mod.ts";

const T = { log: "/s/t/ab.log", timing: "/s/t/ab.timing" };

const cases: {
  name: string;
  flavour: ScriptFlavour;
  command: string;
  transcript?: typeof T;
  want: string[];
}[] = [
  {
    name: "util-linux: quiet, child's exit status, command after -c, no file",
    flavour: "util-linux",
    command: "psql -h db",
    want: ["script", "-q", "-e", "-c", "psql -h db", "/dev/null"],
  },
  {
    name: "util-linux: a transcript is --log-out and --log-timing, no file argument",
    flavour: "util-linux",
    command: "psql",
    transcript: T,
    want: [
      "script",
      "-q",
      "-e",
      "--log-out",
      "/s/t/ab.log",
      "--log-timing",
      "/s/t/ab.timing",
      "-c",
      "psql",
    ],
  },
  {
    name: "util-linux: the command stays one argument, quotes and all",
    flavour: "util-linux",
    command: `read -p 'name? ' x && echo "hi $x"; exit 3`,
    want: ["script", "-q", "-e", "-c", `read -p 'name? ' x && echo "hi $x"; exit 3`, "/dev/null"],
  },
  {
    name: "bsd: file first, then the command as sh -c argv",
    flavour: "bsd",
    command: "psql -h db",
    want: ["script", "-q", "/dev/null", "sh", "-c", "psql -h db"],
  },
  {
    name: "bsd: a transcript is -r into the log (BSD keeps its own timing)",
    flavour: "bsd",
    command: "zsh",
    transcript: T,
    want: ["script", "-q", "-r", "/s/t/ab.log", "sh", "-c", "zsh"],
  },
  {
    name: "bsd: a command that starts with a dash is still sh's -c argument",
    flavour: "bsd",
    command: "-x",
    want: ["script", "-q", "/dev/null", "sh", "-c", "-x"],
  },
];

Deno.test("buildScriptArgv() builds the script argv of each flavour", async (t) => {
  for (const c of cases) {
    await t.step(c.name, () => {
      deepStrictEqual(buildScriptArgv(c.flavour, c.command, { transcript: c.transcript }), c.want);
    });
  }
});

/** The job-control prefix every interactive command gets (see interactiveShellText). */
const JOBS = "stty susp undef 2>/dev/null; set -m; ";

Deno.test("ptyCommandText() puts the user's SHELL back before the command", async (t) => {
  const rows: { name: string; shell: string | undefined; want: string }[] = [
    { name: "sh already: only the job-control prefix", shell: "/bin/sh", want: `${JOBS}vim` },
    { name: "zsh", shell: "/usr/bin/zsh", want: `SHELL=/usr/bin/zsh; export SHELL; ${JOBS}vim` },
    {
      name: "a path with a space is quoted",
      shell: "/opt/my shells/fish",
      want: `SHELL='/opt/my shells/fish'; export SHELL; ${JOBS}vim`,
    },
    { name: "no SHELL at all stays unset", shell: undefined, want: `unset SHELL; ${JOBS}vim` },
  ];
  for (const r of rows) {
    await t.step(r.name, () => strictEqual(ptyCommandText("vim", r.shell), r.want));
  }
});

Deno.test("ptyCommandText() keeps the command's own exit status and SHELL reaches it", async () => {
  const text = ptyCommandText(`printf '%s' "$SHELL"; exit 7`, "/usr/bin/zsh");
  const out = await new Deno.Command("sh", {
    args: ["-c", text],
    env: { SHELL: "/bin/sh" },
    stdout: "piped",
  }).output();
  strictEqual(out.code, 7);
  strictEqual(new TextDecoder().decode(out.stdout), "/usr/bin/zsh");
});

import { strictEqual } from "node:assert/strict";
import { explainExit, missingProgram, spawnFailure } from "../../src/exec/exit_reason.ts";

Deno.test("explainExit() says in one line why sh -c ended", async (t) => {
  const cases: {
    name: string;
    code: number;
    signal: string | null;
    tail: string[];
    want: string;
  }[] = [
    { name: "plain failure", code: 2, signal: null, tail: ["boom"], want: "exited with 2" },
    {
      name: "dash, as Deno spawns it",
      code: 127,
      signal: null,
      tail: ["/usr/bin/sh: 1: nosuchtool: not found"],
      want: 'program "nosuchtool" is not installed or not on PATH',
    },
    {
      name: "dash, later line",
      code: 127,
      signal: null,
      tail: ["ok", "sh: 3: frobnicate: not found"],
      want: 'program "frobnicate" is not installed or not on PATH',
    },
    {
      name: "bash",
      code: 127,
      signal: null,
      tail: ["bash: line 1: nosuchtool: command not found"],
      want: 'program "nosuchtool" is not installed or not on PATH',
    },
    {
      name: "bash as sh (macOS)",
      code: 127,
      signal: null,
      tail: ["sh: nosuchtool: command not found"],
      want: 'program "nosuchtool" is not installed or not on PATH',
    },
    {
      name: "zsh",
      code: 127,
      signal: null,
      tail: ["zsh:1: command not found: nosuchtool"],
      want: 'program "nosuchtool" is not installed or not on PATH',
    },
    {
      name: "busybox",
      code: 127,
      signal: null,
      tail: ["sh: nosuchtool: not found"],
      want: 'program "nosuchtool" is not installed or not on PATH',
    },
    {
      name: "127 from the command itself, no shell line",
      code: 127,
      signal: null,
      tail: ["exit 127 on purpose"],
      want: "exited with 127",
    },
    {
      name: "not executable (dash)",
      code: 126,
      signal: null,
      tail: ["/usr/bin/sh: 1: ./deploy.sh: Permission denied"],
      want: '"./deploy.sh" cannot be run: permission denied or not a program',
    },
    {
      name: "a directory (bash)",
      code: 126,
      signal: null,
      tail: ["bash: line 1: /etc: Is a directory"],
      want: '"/etc" cannot be run: permission denied or not a program',
    },
    { name: "killed", code: 137, signal: "SIGKILL", tail: [], want: "killed by SIGKILL" },
  ];
  for (const c of cases) {
    await t.step(c.name, () => strictEqual(explainExit(c.code, c.signal, c.tail), c.want));
  }
});

Deno.test("missingProgram() finds nothing in ordinary output", () => {
  strictEqual(missingProgram(["Error: config not found", "done"]), undefined);
});

Deno.test("a not-found line naming no program is no program (found by fuzzing: ESC as the command)", () => {
  strictEqual(missingProgram(["/usr/bin/sh: 1: : not found"]), undefined);
  strictEqual(explainExit(127, null, ["/usr/bin/sh: 1: : not found"]), "exited with 127");
  strictEqual(missingProgram(["sh: 12: a: b: not found"]), "a: b");
});

Deno.test("spawnFailure() names a directory that vanished after planning", () => {
  const gone = `${Deno.makeTempDirSync()}/gone`;
  strictEqual(
    spawnFailure(new Deno.errors.NotFound("x"), gone),
    `the directory "${gone}" does not exist`,
  );
  strictEqual(
    spawnFailure(new Deno.errors.NotFound("x"), "/"),
    'program "sh" is not installed or not on PATH',
  );
});

/** The foreground program of a pane, from `ps` output captured beside the panes (capture.ts). */
import { deepStrictEqual, strictEqual } from "node:assert/strict";
import {
  argvDumpArgv,
  foregroundProcess,
  parseArgvDump,
  parseCmdline,
  parseProcessTable,
  programName,
} from "../../src/tmux/processes.ts";
import { parsePaneRows } from "../../src/tmux/snapshot_panes.ts";

const FIXTURE = new URL("../fixtures/tmux_snapshot/", import.meta.url).pathname;
const table = parseProcessTable(Deno.readTextFileSync(`${FIXTURE}/ps.txt`));
const panes = parsePaneRows(Deno.readTextFileSync(`${FIXTURE}/list_panes.txt`));
const panePids = panes.ok ? panes.rows.map((r) => Number(r.pane_pid)) : [];

Deno.test("foregroundProcess() names the job a pane's shell runs, and nothing at a prompt", () => {
  const found = panePids.map((pid) => {
    const fg = foregroundProcess(pid, table);
    return fg === undefined ? null : table.get(fg)!.args;
  });
  // Pane %4 (the second of "other") runs `sleep 300 | cat`: the group's leader is sleep.
  deepStrictEqual(found, [null, "sleep 300", null, null, "tail -f a b.log"]);
});

Deno.test("foregroundProcess() on tables that are not a shell at its prompt", async (t) => {
  const cases: { name: string; ps: string; want: number | undefined }[] = [
    { name: "a pane whose own process is a program", ps: "10 10 10 Ss+ htop -d 5\n", want: 10 },
    { name: "a login shell at its prompt", ps: "10 10 10 Ss+ -zsh\n", want: undefined },
    {
      name: "a job whose leader has exited: its oldest member",
      ps: "10 10 30 Ss bash\n31 30 30 S+ cat\n33 30 30 S+ less\n",
      want: 31,
    },
    { name: "a pane process that is gone", ps: "11 11 11 Ss bash\n", want: undefined },
    {
      name: "a pane whose shell has exited (kill-server): a zombie runs nothing",
      ps: "10 10 10 Zs [bash] <defunct>\n",
      want: undefined,
    },
    {
      name: "a job whose leader is a zombie: its oldest living member",
      ps: "10 10 30 Ss bash\n30 30 30 Z [a] <defunct>\n32 30 30 S+ b\n",
      want: 32,
    },
    { name: "no terminal at all", ps: "10 10 -1 S /bin/fish\n", want: undefined },
  ];
  for (const c of cases) {
    await t.step(c.name, () => strictEqual(foregroundProcess(10, parseProcessTable(c.ps)), c.want));
  }
});

Deno.test("programName() is the program, whatever path or login dash it has", () => {
  deepStrictEqual(
    [programName("-bash"), programName("/usr/bin/vim a b"), programName(["/bin/less", "x"])],
    ["bash", "vim", "less"],
  );
});

Deno.test("parseCmdline() keeps arguments with spaces and empty ones", () => {
  const bytes = new TextEncoder().encode("vim\0a b.txt\0\0+12\0");
  deepStrictEqual(parseCmdline(bytes), ["vim", "a b.txt", "", "+12"]);
  strictEqual(parseCmdline(new Uint8Array()), undefined);
});

Deno.test("parseArgvDump() reads the captured dump, and skips pids without one", () => {
  const dump = Deno.readTextFileSync(`${FIXTURE}/argv.txt`);
  deepStrictEqual([...parseArgvDump(dump + "99 \n").values()], [["sleep", "300"], [
    "tail",
    "-f",
    "a b.log",
  ]]);
});

Deno.test("argvDumpArgv() reads a real process's argv through sh, spaces and newlines kept", async () => {
  // sh stays (two commands), its argv as given: a space and a newline in one argument.
  const child = new Deno.Command("sh", { args: ["-c", "sleep 30; :", "a b\nc", ""] }).spawn();
  try {
    const argv = argvDumpArgv([child.pid]);
    const out = await new Deno.Command(argv[0], { args: argv.slice(1), stdout: "piped" }).output();
    const got = parseArgvDump(new TextDecoder().decode(out.stdout)).get(child.pid);
    // argv[0] as Deno started it (a full path), the rest as given.
    deepStrictEqual(got?.slice(1), [
      "-c",
      "sleep 30; :",
      "a b\nc",
      "",
    ]);
  } finally {
    child.kill();
    await child.status;
  }
});

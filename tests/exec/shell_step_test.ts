/** runShellStep() against the real `sh`: exit codes, env, cwd, timeouts, Ctrl-C, big output. */
import { deepStrictEqual, match, ok, strictEqual } from "node:assert/strict";
import { runShellStep } from "../../src/exec/shell_step.ts";
import { waitFor } from "../helpers/wait_for.ts";
import {
  BASE_ENV,
  context,
  killMarked,
  pidsWithMarker,
  shell,
  uniqueMarker,
} from "../helpers/plan_fixture.ts";
import { exists } from "../helpers/files.ts";

Deno.test("a command that exits 0 is ok, with its exit code", async () => {
  const o = await runShellStep(shell(1, "ok", "echo hi; true"), context());
  strictEqual(o.status, "ok");
  strictEqual(o.exitCode, 0);
  strictEqual(o.via, "shell");
  strictEqual(o.outputTail, undefined);
});

Deno.test("a failing command reports its exit code and the last lines of stdout and stderr", async () => {
  const o = await runShellStep(
    shell(1, "fail", "for i in $(seq 1 30); do echo line$i; done; echo oops >&2; exit 3"),
    context(),
  );
  strictEqual(o.status, "failed");
  strictEqual(o.exitCode, 3);
  strictEqual(o.message, "exited with 3");
  strictEqual(o.outputTail?.length, 20);
  ok(o.outputTail?.includes("oops"), String(o.outputTail));
  ok(o.outputTail?.includes("line30"), String(o.outputTail));
  strictEqual(o.outputTail?.includes("line1"), false);
});

Deno.test("a missing program is named in one line", async () => {
  const o = await runShellStep(shell(1, "tool", "nosuchtool-rune-test --flag"), context());
  strictEqual(o.status, "failed");
  strictEqual(o.exitCode, 127);
  strictEqual(o.message, 'program "nosuchtool-rune-test" is not installed or not on PATH');
});

Deno.test("the child gets the base env plus its own, in its cwd, with stdin at EOF", async () => {
  const dir = await Deno.realPath(Deno.makeTempDirSync());
  try {
    const step = shell(
      1,
      "env",
      // `cat` would wait forever on an inherited terminal; with stdin null it sees EOF.
      'cat; printf "%s|%s|%s|%s" "$PWD" "${LANG-}" "${OWN-}" "${PARENT_ONLY-unset}"; exit 9',
      { cwd: dir, env: { OWN: "mine", LANG: "C" } },
    );
    const o = await runShellStep(step, context());
    deepStrictEqual(o.outputTail, [`${dir}|C|mine|unset`]);
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

Deno.test("a directory that vanished after planning is a failure that names it", async () => {
  const dir = `${Deno.makeTempDirSync()}/gone`;
  const o = await runShellStep(shell(1, "cd", "true", { cwd: dir }), context());
  strictEqual(o.status, "failed");
  strictEqual(o.message, `the directory "${dir}" does not exist`);
});

Deno.test("a timeout ends the whole process group, grandchildren included", async () => {
  const marker = uniqueMarker("timeout");
  // Two grandchildren, one of which ignores TERM: only KILL after the grace ends it.
  const command =
    `sh -c 'sleep 300; : ${marker}' & sh -c 'trap "" TERM; sleep 300; : ${marker}' & wait`;
  const o = await runShellStep(shell(1, "slow", command, { timeoutMs: 500 }), context(), {
    graceMs: 700,
  });
  try {
    strictEqual(o.status, "timed-out");
    strictEqual(o.exitCode, null);
    strictEqual(o.message, "timed out after 500ms");
    deepStrictEqual(pidsWithMarker(marker), []);
  } finally {
    killMarked(marker);
  }
});

Deno.test("an abort (Ctrl-C) sends INT to the group and reports interrupted", async () => {
  const dir = Deno.makeTempDirSync();
  const controller = new AbortController();
  try {
    const step = shell(
      1,
      "trap",
      `trap 'echo got-INT > ${dir}/int; exit 130' INT; echo ready > ${dir}/ready; ` +
        `while :; do sleep 0.05; done`,
    );
    const running = runShellStep(step, context({ signal: controller.signal }));
    await waitFor(() => exists(`${dir}/ready`), { what: "the step to start" });
    controller.abort();
    const o = await running;
    strictEqual(o.status, "interrupted");
    strictEqual(o.exitCode, 130);
    strictEqual(Deno.readTextFileSync(`${dir}/int`).trim(), "got-INT");
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

Deno.test("a command that ignores INT is ended after the grace period", async () => {
  const marker = uniqueMarker("ignore-int");
  const controller = new AbortController();
  const running = runShellStep(
    shell(1, "stubborn", `trap '' INT; sleep 300; : ${marker}`),
    context({ signal: controller.signal }),
    { graceMs: 300 },
  );
  try {
    await waitFor(() => pidsWithMarker(marker).length > 0, { what: "the step to start" });
    controller.abort();
    const o = await running;
    strictEqual(o.status, "interrupted");
    deepStrictEqual(pidsWithMarker(marker), []);
  } finally {
    killMarked(marker);
  }
});

Deno.test("a command that leaves a process behind holding the pipes still finishes", async () => {
  const marker = uniqueMarker("leftover");
  const o = await runShellStep(
    shell(1, "leaves", `sh -c 'sleep 300; : ${marker}' & echo started`),
    context(),
  );
  try {
    strictEqual(o.status, "ok");
    strictEqual(pidsWithMarker(marker).length, 1, "the leftover is not rune's to kill");
  } finally {
    killMarked(marker);
  }
});

Deno.test("50 MB of output neither blocks the child nor grows the tail", async () => {
  let seen = 0;
  const o = await runShellStep(
    shell(1, "chatty", "head -c 50000000 /dev/zero | tr '\\0' 'x' | fold -w 1000; exit 1"),
    context(),
    { onOutput: (chunk) => seen += chunk.length },
  );
  strictEqual(o.status, "failed");
  strictEqual(seen, 50_049_999); // 50 000 lines; fold ends the last without a newline
  strictEqual(o.outputTail?.length, 20);
  match(o.outputTail?.[19] ?? "", /^x{400}…$/);
});

Deno.test("the child gets only the (filtered) base env, not rune's own", async () => {
  Deno.env.set("RUNE_TEST_SECRET_TOKEN", "s3cr3t");
  try {
    const o = await runShellStep(
      shell(1, "env", 'echo "${RUNE_TEST_SECRET_TOKEN-absent}"; exit 1'),
      context({ parentEnv: { ...BASE_ENV, RUNE_TEST_SECRET_TOKEN: "s3cr3t" } }),
    );
    deepStrictEqual(o.outputTail, ["absent"]);
  } finally {
    Deno.env.delete("RUNE_TEST_SECRET_TOKEN");
  }
});

Deno.test("an abort (Ctrl-C) ends the whole group too: children, subshells, nested sh", async () => {
  const marker = uniqueMarker("int-grandchildren");
  const controller = new AbortController();
  // `&` children of a non-interactive shell ignore INT: only the KILL after the grace ends
  // them, and it must reach every one of them.
  const command = `sh -c 'sleep 300; : ${marker}' & (sh -c 'sleep 300; : ${marker}' &) ; ` +
    `sh -c 'sh -c "sleep 300; : ${marker}"' & wait`;
  const running = runShellStep(shell(1, "tree", command), context({ signal: controller.signal }), {
    graceMs: 300,
  });
  try {
    await waitFor(() => pidsWithMarker(marker).length >= 3, { what: "the three to start" });
    controller.abort();
    const o = await running;
    strictEqual(o.status, "interrupted");
    await waitFor(() => pidsWithMarker(marker).length === 0, { what: "every one to be gone" });
  } finally {
    killMarked(marker);
  }
});

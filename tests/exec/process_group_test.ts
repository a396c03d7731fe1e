import { deepStrictEqual, strictEqual } from "node:assert/strict";
import {
  endGroup,
  groupAlive,
  liveInGroup,
  parseProcessStarts,
  processStarts,
} from "../../src/exec/process_group.ts";
import { denoRuntime } from "../../src/exec/deno_runtime.ts";
import { fakeRuntime } from "../helpers/fake_runtime.ts";
import { killGroup, pidsWithMarker, uniqueMarker } from "../helpers/plan_fixture.ts";

const PS = ["ps", "-A", "-o", "pgid=,stat="];

Deno.test("endGroup() sends TERM, polls the group, and stops when it is gone", async () => {
  let polls = 0;
  // First poll: a live member; second: only a zombie is left, which counts as gone.
  const rt = fakeRuntime((argv) =>
    argv[0] === "ps" ? { stdout: ++polls === 1 ? " 4242 S\n    1 Ss\n" : " 4242 Z\n" } : {}
  );
  await endGroup(rt, 4242, { graceMs: 10_000, pollMs: 1 });
  deepStrictEqual(rt.calls, [["kill", "-TERM", "--", "-4242"], PS, PS]);
});

Deno.test("groupAlive() falls back to kill -0 where ps cannot run", async () => {
  const rt = fakeRuntime((argv) => ({ code: argv[0] === "ps" ? 127 : 0 }));
  strictEqual(await groupAlive(rt, 5), true);
  deepStrictEqual(rt.calls, [PS, ["kill", "-0", "--", "-5"]]);
});

Deno.test("liveInGroup() ignores zombies and other groups", async (t) => {
  const cases: [string, string, boolean][] = [
    ["live member", "  10 Ss\n  11 S+\n", true],
    ["only zombies", "  10 Z\n  10 Z+\n", false],
    ["other groups only", "  100 S\n  1 Ss\n", false],
    ["empty", "", false],
  ];
  for (const [name, out, want] of cases) {
    await t.step(name, () => strictEqual(liveInGroup(out, 10), want));
  }
});

Deno.test("endGroup() sends KILL when the group outlives the grace period", async () => {
  const clock = { now: 0 };
  // Every kill call takes 400 ms of the fake clock; the group never goes.
  const rt = fakeRuntime((argv) => {
    clock.now += 400;
    return argv[0] === "ps" ? { stdout: "    7 S\n" } : {};
  }, clock);
  await endGroup(rt, 7, { first: "INT", graceMs: 1000, pollMs: 1 });
  deepStrictEqual(rt.calls, [
    ["kill", "-INT", "--", "-7"], // t=400, deadline 1400
    PS, // 800
    PS, // 1200
    PS, // 1600: past the deadline
    ["kill", "-KILL", "--", "-7"],
  ]);
});

Deno.test("endGroup() does nothing more when no process was left to signal", async () => {
  const rt = fakeRuntime(() => ({ code: 1 }));
  await endGroup(rt, 9);
  deepStrictEqual(rt.calls, [["kill", "-TERM", "--", "-9"]]);
});

Deno.test("parseProcessStarts() reads ps -o pid=,lstart= output", () => {
  const text = "  123 Fri Nov 27 01:20:36 2026\n 4567 Sat Nov  7 09:05:01 2026\n\n";
  deepStrictEqual(
    [...parseProcessStarts(text)],
    [[123, "Fri Nov 27 01:20:36 2026"], [4567, "Sat Nov 7 09:05:01 2026"]],
  );
});

Deno.test("the real kill and ps reach a detached group and its members", async () => {
  const marker = uniqueMarker("group");
  const child = new Deno.Command("sh", {
    args: ["-c", `sh -c 'sleep 300; : ${marker}' & wait`],
    detached: true,
    stdin: "null",
    stdout: "null",
    stderr: "null",
  }).spawn();
  try {
    const starts = await processStarts(denoRuntime, [child.pid, 999_999_999]);
    strictEqual(starts.size, 1);
    strictEqual(starts.has(child.pid), true);
    strictEqual(await groupAlive(denoRuntime, child.pid), true);
    await endGroup(denoRuntime, child.pid, { graceMs: 2000 });
    await child.status;
    strictEqual(await groupAlive(denoRuntime, child.pid), false);
    deepStrictEqual(pidsWithMarker(marker), []);
  } finally {
    killGroup(child.pid);
  }
});

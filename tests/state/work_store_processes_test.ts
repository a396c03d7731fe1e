/**
 * The store across real processes: 20 racing starts, 20 racing writers, a writer killed with
 * SIGKILL, and a process without write permission. Each worker is tests/state/work_store_worker.ts.
 */
import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { DatabaseSync } from "node:sqlite";
import { openStore, workStorePath } from "../../src/state/work_store.ts";

const WORKER = new URL("./work_store_worker.ts", import.meta.url).pathname;

function value<T>(r: { ok: true; value: T } | { ok: false; error: { problem: string } }): T {
  if (!r.ok) throw new Error(r.error.problem);
  return r.value;
}

async function worker(
  args: string[],
  options: { flags?: string[]; barrier?: string } = {},
): Promise<{ code: number; lines: string[] }> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-q", "--no-config", ...(options.flags ?? ["-A"]), WORKER, ...args],
    env: options.barrier ? { RUNE_TEST_BARRIER: options.barrier } : {},
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder().decode(out.stdout);
  return { code: out.code, lines: text.split("\n").filter(Boolean) };
}

/**
 * Runs `n` workers that each open the store, then wait at a barrier until all are ready, so
 * their writes really race instead of being spread out by Deno's start-up time.
 */
async function race(n: number, args: (i: number) => string[]) {
  const barrier = Deno.makeTempDirSync({ prefix: "rune-barrier-" });
  try {
    const running = Array.from({ length: n }, (_, i) => worker(args(i), { barrier }));
    const deadline = Date.now() + 60_000;
    while ([...Deno.readDirSync(barrier)].length < n && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 10));
    }
    Deno.writeTextFileSync(`${barrier}/go`, "");
    return await Promise.all(running);
  } finally {
    Deno.removeSync(barrier, { recursive: true });
  }
}

Deno.test("without write permission, opening says which flag to add", async () => {
  const dir = Deno.makeTempDirSync();
  try {
    const r = await worker(["start", dir, "web"], { flags: [`--allow-read=${dir}`] });
    const issue = JSON.parse(r.lines[0]).error;
    deepStrictEqual([r.code, issue.code, issue.hint], [
      1,
      "store-permission",
      `Allow it: --allow-read=${dir} --allow-write=${dir} (or add it to the permission set in deno.json)`,
    ]);
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

Deno.test("20 concurrent starts in 20 processes open exactly one session", async () => {
  const dir = Deno.makeTempDirSync();
  try {
    const results = await race(20, (i) => ["start", dir, `p${i}`]);
    const kinds = results.map((r) =>
      JSON.parse(r.lines[0]).kind ?? JSON.parse(r.lines[0]).error.code
    );
    // On a loaded machine a writer may wait out the busy timeout: it then says the store is
    // locked. What may never happen is a second session, or a start that fails another way.
    deepStrictEqual(
      [
        kinds.filter((k) => k === "started").length,
        kinds.filter((k) => k === "refused" || k === "store-locked").length,
      ],
      [1, 19],
      kinds.join(" "),
    );
    const store = value(openStore(dir));
    deepStrictEqual(value(store.sessionsBetween(0, Infinity)).length, 1);
    strictEqual(store.check().ok, true);
    store.close();
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

Deno.test("20 concurrent writers of events lose no acknowledged row", async () => {
  const dir = Deno.makeTempDirSync();
  try {
    const results = await race(20, (i) => ["cycle", dir, `w${i}`, "15"]);
    const acks = results.map((r) => JSON.parse(r.lines[0]));
    deepStrictEqual(acks.flatMap((a) => a.errors), []);
    const sum = (k: string) => acks.reduce((n, a) => n + a[k], 0);
    const db = new DatabaseSync(workStorePath(dir));
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    const keys = (db.prepare("SELECT key FROM sessions").all() as { key: string }[]).map((r) =>
      r.key
    ).sort();
    deepStrictEqual(keys, acks.flatMap((a) => a.starts).sort());
    strictEqual(count("SELECT COUNT(*) AS n FROM pauses"), sum("pauses"));
    strictEqual(count("SELECT COUNT(*) AS n FROM sessions WHERE end_ms IS NOT NULL"), sum("stops"));
    strictEqual(count("SELECT COUNT(*) AS n FROM sessions WHERE end_ms IS NULL") <= 1, true);
    db.close();
    const store = value(openStore(dir));
    strictEqual(store.check().ok, true);
    store.close();
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

Deno.test("SIGKILL in the middle of a write loop: reopened, intact, every committed row there", async () => {
  const dir = Deno.makeTempDirSync();
  try {
    const child = new Deno.Command(Deno.execPath(), {
      args: ["run", "-q", "--no-config", "-A", WORKER, "loop", dir, "k"],
      stdout: "piped",
      stderr: "null",
    }).spawn();
    const committed: string[] = [];
    const decoder = new TextDecoder();
    let pending = "";
    for await (const chunk of child.stdout) {
      pending += decoder.decode(chunk, { stream: true });
      const lines = pending.split("\n");
      pending = lines.pop()!;
      committed.push(...lines.map((l) => JSON.parse(l)));
      if (committed.length >= 300) break;
    }
    child.kill("SIGKILL");
    const status = await child.status;
    strictEqual(status.signal, "SIGKILL");
    const store = value(openStore(dir));
    const health = store.check();
    deepStrictEqual([health.ok, health.issues], [true, []]);
    const stored = new Set(value(store.sessionsBetween(0, Infinity)).map((s) => s.id));
    deepStrictEqual(committed.filter((k) => !stored.has(k)), []);
    strictEqual(stored.size >= committed.length, true);
    store.close();
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

/**
 * The reliability suite's bookkeeping (issue 18): how hard to try (`RUNE_STRESS=full` for
 * `make stress`, the fast part otherwise), the seed every random choice derives from
 * (`RUNE_STRESS_SEED`, printed), and per area a tally of what was tried, what held and what
 * was lost. Each check prints one line of what it tried; each area ends with one summary line,
 * `[reliability] AREA: tried N, held H, lost L · counters · seed S, LEVEL, T s`, which
 * scripts/reliability_table.ts turns into README's table. A lost try fails the test, with the
 * first few of what was lost.
 */

/** "full" under `make stress`; "fast" in `make test`. */
export const LEVEL: "fast" | "full" = Deno.env.get("RUNE_STRESS") === "full" ? "full" : "fast";
export const FULL = LEVEL === "full";

/** One seed per process (every test file of a run shares it), printed with every summary. */
export const SEED: number = (() => {
  const given = Deno.env.get("RUNE_STRESS_SEED");
  if (given !== undefined && given !== "") {
    const n = Number(given);
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`RUNE_STRESS_SEED=${given}: not a seed`);
    return n;
  }
  return crypto.getRandomValues(new Uint32Array(1))[0];
})();

/** The fast part's number or the full one's. */
export function scaled(fast: number, full: number): number {
  return FULL ? full : fast;
}

/** A small deterministic generator (mulberry32) for choices that are not fast-check's. */
export function random(seed: number, salt = 0): () => number {
  let a = (seed ^ Math.imul(salt + 1, 0x9e3779b1)) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` items of `all` chosen by the seed (all of them when n ≥ all.length), in their order. */
export function sample<T>(all: readonly T[], n: number, salt: number): T[] {
  if (n >= all.length) return [...all];
  const next = random(SEED, salt);
  const keyed = all.map((item, i) => ({ item, i, k: next() }));
  return keyed.sort((a, b) => a.k - b.k).slice(0, n).sort((a, b) => a.i - b.i).map((x) => x.item);
}

/** Deno's own stack, or an uncaught error: never acceptable in anything rune prints. */
export const STACK = /Uncaught|^\s+at .+:\d+:\d+\)?$|panicked at|RUST_BACKTRACE/m;

export function hasStack(text: string): boolean {
  return STACK.test(text);
}

/** One area's tally. `counters` are the ways a try can be lost, each printed, 0 when all held. */
export class Tally {
  readonly area: string;
  #counters: Map<string, number>;
  #notes = new Map<string, number>();
  #tried = 0;
  #lost: string[] = [];
  #started = performance.now();

  constructor(area: string, counters: string[]) {
    this.area = area;
    this.#counters = new Map(counters.map((c) => [c, 0]));
  }

  /**
   * Records one try. `broke` names what did not hold (each a counter, or a free reason), with
   * `what` saying what was tried; an empty list means it held.
   */
  record(what: string, broke: { counter?: string; why: string }[] = []): boolean {
    this.#tried++;
    for (const b of broke) {
      if (b.counter) {
        if (!this.#counters.has(b.counter)) throw new Error(`unknown counter ${b.counter}`);
        this.#counters.set(b.counter, this.#counters.get(b.counter)! + 1);
      }
    }
    if (broke.length > 0) this.#lost.push(`${what}: ${broke.map((b) => b.why).join("; ")}`);
    return broke.length === 0;
  }

  /** Counts something that is neither a loss nor a try (exit 2: 612, skipped: 3). */
  note(name: string, by = 1): void {
    this.#notes.set(name, (this.#notes.get(name) ?? 0) + by);
  }

  get tried(): number {
    return this.#tried;
  }

  get lost(): number {
    return this.#lost.length;
  }

  /** Prints one check's line: what it tried, how much held. */
  check(name: string, tried: number, held: number, extra = ""): void {
    console.log(`  check ${name}: tried ${tried}, held ${held}${extra ? ` (${extra})` : ""}`);
  }

  summary(): string {
    const counters = [...this.#counters].map(([k, v]) => `${k} ${v}`).join(", ");
    const notes = [...this.#notes].map(([k, v]) => `${k} ${v}`).join(", ");
    const secs = ((performance.now() - this.#started) / 1000).toFixed(1);
    return `[reliability] ${this.area}: tried ${this.#tried}, held ${this.#tried - this.lost}, ` +
      `lost ${this.lost} · ${counters}${notes ? ` · ${notes}` : ""} · seed ${SEED}, ${LEVEL}, ` +
      `${secs} s, ${new Date().toISOString().slice(0, 10)}`;
  }

  /** Prints the summary line, then fails when anything was lost (listing the first ten). */
  finish(): void {
    console.log(this.summary());
    if (this.lost > 0) {
      throw new Error(
        `${this.area}: ${this.lost} of ${this.#tried} lost (seed ${SEED}):\n` +
          this.#lost.slice(0, 10).join("\n"),
      );
    }
    if (this.#tried === 0) throw new Error(`${this.area}: nothing was tried`);
  }
}

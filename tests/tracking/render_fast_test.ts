/** The hand-written renderers give exactly the bytes of the obvious ones (render_oracle.ts). */
import { strictEqual } from "node:assert/strict";
import {
  buildReport,
  renderCsv,
  renderJson,
  reportRange,
  type WorkSession,
} from "../../src/tracking/mod.ts";
import { referenceClock, referenceCsv, referenceJson, referenceRfc3339 } from "./render_oracle.ts";
import { formatClock, formatRfc3339 } from "../../src/tracking/mod.ts";

const NOW = Date.parse("2026-03-20T12:00:00Z");
const NAMES = [
  "web",
  'say "hi"',
  "<b>&</b>",
  "a\u2028b",
  "é ü",
  " lead",
  "x,y",
  "\\.",
  "tab\t",
  "",
];

/** A seeded generator, so a failure names a case that can be run again. */
function random(seed: number) {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

function sessions(seed: number, n: number): WorkSession[] {
  const r = random(seed);
  const out: WorkSession[] = [];
  let t = Date.parse("2026-03-01T00:00:00Z") + Math.floor(r() * 3_600_000);
  for (let i = 0; i < n; i++) {
    const length = Math.floor(r() * 20 * 3_600_000) + 1;
    const pauses = [];
    let p = t;
    while (r() < 0.4 && p < t + length) {
      const start = p + Math.floor(r() * (t + length - p));
      const end = Math.min(t + length, start + Math.floor(r() * 3_600_000));
      pauses.push({ start, end });
      p = end + 1;
    }
    const last = i === n - 1;
    const open = last && r() < 0.7;
    const session: WorkSession = {
      ...(r() < 0.8 ? { id: `rune:${i}` } : {}),
      project: NAMES[Math.floor(r() * (NAMES.length - 1))] || "p",
      start: t,
      ...(open ? {} : { end: t + length }),
      pauses: open && r() < 0.5 ? [...pauses, { start: Math.min(NOW, t + length) }] : pauses,
      ...(r() < 0.3 ? { tags: NAMES.slice(0, Math.floor(r() * 4)) } : {}),
      ...(r() < 0.2 ? { note: NAMES[Math.floor(r() * NAMES.length)] } : {}),
    };
    out.push(session);
    t += length + Math.floor(r() * 5 * 3_600_000);
    if (t > NOW - 30 * 3_600_000) break;
  }
  return out;
}

Deno.test("renderJson() and renderCsv() equal the oracles on random reports in several zones", async (t) => {
  for (const zone of ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", undefined]) {
    await t.step(zone ?? "system zone", () => {
      for (let seed = 1; seed <= 40; seed++) {
        const range = reportRange({ kind: "month" }, NOW, zone ? { timeZone: zone } : {});
        if (!range.ok) throw new Error(range.error.problem);
        const report = buildReport(sessions(seed, 30), range.value, { now: NOW });
        const name = zone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
        strictEqual(renderJson(report), referenceJson(report, name), `seed ${seed}`);
        strictEqual(renderCsv(report), referenceCsv(report), `seed ${seed}`);
      }
    });
  }
});

Deno.test("formatRfc3339() and formatClock() equal the oracles, DST days and old dates included", () => {
  const r = random(7);
  const instants = [
    Date.parse("2026-03-08T06:59:59.999Z"),
    Date.parse("2026-03-08T07:00:00Z"),
    Date.parse("2026-11-01T05:30:00.5Z"),
    Date.parse("1890-06-01T12:00:00Z"),
    -62_167_219_200_000,
    Date.parse("9999-12-31T23:59:59Z"),
    ...Array.from({ length: 500 }, () => Math.floor((r() - 0.2) * 2e12)),
  ];
  for (
    const zone of [
      "UTC",
      "Europe/Berlin",
      "America/New_York",
      "Asia/Kolkata",
      "Australia/Lord_Howe",
      undefined,
    ]
  ) {
    for (const t of instants) {
      strictEqual(formatRfc3339(t, zone), referenceRfc3339(t, zone), `${t} in ${zone}`);
      strictEqual(formatClock(t, zone), referenceClock(t, zone), `${t} in ${zone}`);
    }
  }
});

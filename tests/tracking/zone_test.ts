import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { checkTimeZone, localDayAt, wallTime } from "../../src/tracking/mod.ts";

const ZONE_MODULE = new URL("../../src/tracking/zone.ts", import.meta.url).href;

Deno.test("the system zone (read through Date) agrees with Intl for the same zone across DST", async (t) => {
  for (const zone of ["America/New_York", "Europe/Berlin"]) {
    await t.step(zone, async () => {
      // In a child whose system zone is `zone`: every 15 minutes over both DST weekends of 2026,
      // the wall clock and the day bounds must be the same with and without the zone's name.
      const script = `
        import { localDayAt, wallTime } from "${ZONE_MODULE}";
        const bad = [];
        for (const [a, b] of [["2026-03-06", "2026-03-31"], ["2026-10-23", "2026-11-03"]]) {
          for (let t = Date.parse(a); t < Date.parse(b); t += 900_000) {
            const x = JSON.stringify([wallTime(t), localDayAt(t)]);
            const y = JSON.stringify([wallTime(t, "${zone}"), localDayAt(t, "${zone}")]);
            if (x !== y) bad.push([new Date(t).toISOString(), x, y]);
          }
        }
        console.log(JSON.stringify(bad.slice(0, 3)));`;
      const out = await new Deno.Command(Deno.execPath(), {
        args: ["eval", "--no-config", script],
        env: { TZ: zone },
        stdout: "piped",
        stderr: "inherit",
      }).output();
      deepStrictEqual(JSON.parse(new TextDecoder().decode(out.stdout)), []);
    });
  }
});

Deno.test("localDayAt() knows each day's bounds and whether its offset changes", () => {
  const spring = localDayAt(Date.parse("2026-03-29T12:00:00Z"), "Europe/Berlin");
  deepStrictEqual(spring, {
    date: "2026-03-29",
    from: Date.parse("2026-03-28T23:00:00Z"),
    to: Date.parse("2026-03-29T22:00:00Z"),
  });
  const plain = localDayAt(Date.parse("2026-06-10T12:00:00Z"), "Europe/Berlin");
  deepStrictEqual(plain.offset, 2 * 3_600_000);
  // Read again from the cache, on either side of the change: still right.
  deepStrictEqual(wallTime(Date.parse("2026-03-29T00:59:59Z"), "Europe/Berlin").hour, 1);
  deepStrictEqual(wallTime(Date.parse("2026-03-29T01:00:00Z"), "Europe/Berlin").hour, 3);
});

Deno.test("checkTimeZone() accepts IANA names and refuses others with a hint", () => {
  deepStrictEqual(checkTimeZone("Europe/Berlin"), { ok: true, value: "Europe/Berlin" });
  const bad = checkTimeZone("Mars/Olympus");
  strictEqual(
    !bad.ok && bad.error.problem,
    'Cannot use time zone "Mars/Olympus": it is not a known zone',
  );
  strictEqual(
    !bad.ok && bad.error.hint,
    'Use an IANA name such as "Europe/Berlin" or "America/New_York"',
  );
});

/** --var and --windows of rune start|stop, read into what the planner takes. */
import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { parseVars, parseWindows } from "../../src/cli/ritual_args.ts";

Deno.test("parseVars(): NAME=VALUE, the value may hold = and be empty; the last one wins", () => {
  const r = parseVars(["branch=main", "query=a=b", "empty=", "branch=dev"]);
  deepStrictEqual(r, { ok: true, value: { branch: "dev", query: "a=b", empty: "" } });
});

Deno.test("parseVars(): __proto__ is a name like any other, never the object's prototype", () => {
  const r = parseVars(["__proto__=x"]);
  if (!r.ok) throw new Error("refused");
  strictEqual(Object.hasOwn(r.value, "__proto__"), true);
  strictEqual(Object.getPrototypeOf(r.value), Object.prototype);
});

Deno.test("parseVars(): no value, or a name no template can write, is an error naming it", () => {
  const r = parseVars(["branch", "my-var=x", "1x=y", "ok=1"]);
  deepStrictEqual(!r.ok && r.error.map((i) => i.problem), [
    'Cannot use --var "branch": it has no value',
    'Cannot use --var "my-var=x": a variable\'s name is letters, digits and _, not starting with a digit',
    'Cannot use --var "1x=y": a variable\'s name is letters, digits and _, not starting with a digit',
  ]);
  strictEqual(
    !r.ok && r.error[0].hint,
    "Write --var NAME=VALUE, e.g. --var branch=main (used as {{.Var.branch}})",
  );
});

Deno.test("parseWindows(): comma-separated and repeated, blanks dropped", () => {
  deepStrictEqual(parseWindows(["editor, logs", "api", ",,"]), ["editor", "logs", "api"]);
  deepStrictEqual(parseWindows([]), []);
});

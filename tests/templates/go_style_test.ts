import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { rewriteGoStyle } from "../../src/templates/go_style.ts";

Deno.test("rewriteGoStyle() turns {{.X}} into {{X}} and leaves the rest alone", async (t) => {
  const cases: [string, string][] = [
    ["dev-{{.Project}}", "dev-{{Project}}"],
    ["{{ .Project }}", "{{ Project }}"],
    ["{{- .Project -}}", "{{~ Project ~}}"],
    ["{{~.Project~}}", "{{~Project~}}"],
    ["{{.A}}{{.B}}", "{{A}}{{B}}"],
    ["{{Project}}", "{{Project}}"],
    ["\\{{.ID}}", "\\{{.ID}}"],
    ["\\\\{{.Project}}", "\\\\{{Project}}"],
    ["{{.a.b}}", "{{.a.b}}"],
    ["{{range .X}}", "{{range .X}}"],
    ["{{-3}}", "{{-3}}"],
    ["no placeholders", "no placeholders"],
  ];
  for (const [text, want] of cases) {
    await t.step(text, () => strictEqual(rewriteGoStyle(text).text, want));
  }
});

Deno.test("rewriteGoStyle() maps rewritten offsets back to the author's text", () => {
  const text = "a{{.A}} b {{ .B }}!";
  const r = rewriteGoStyle(text);
  strictEqual(r.text, "a{{A}} b {{ B }}!");
  const back = [...r.text].map((_, i) => text[r.original(i)]);
  deepStrictEqual(back.join(""), "a{{A}} b {{ B }}!");
  deepStrictEqual([r.original(3), r.original(12), r.original(16)], [4, 14, 18]);
});

/** tmuxinator's ERB and the files tmuxinator refuses: every problem found at once, located. */
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { importTmuxinator } from "../../src/import/mod.ts";
import type { Issue } from "../../src/base/mod.ts";

const facts = { home: "/home/me", cwd: "/home/me/code", fileDir: "/home/me/.config/tmuxinator" };
const run = (text: string) => importTmuxinator(text, "p.yml", facts);
const placed = (issues: Issue[]) => issues.map((i) => [i.code, i.where?.line, i.where?.column]);
const yaml = (...lines: string[]) => lines.join("\n") + "\n";

Deno.test("importTmuxinator() reads ERB, never runs it", async (t) => {
  await t.step("ENV and @settings become {{.Env.X}} and {{.Var.x}}, each warned at its tag", () => {
    const r = run(
      yaml(
        "name: p",
        'root: ~/<%= @settings["ws"] %>',
        "windows:",
        '  - a: echo <%= ENV["USER"] %>',
      ),
    );
    if (!r.ok) throw new Error(r.error[0].problem);
    strictEqual(r.value.template.dir, "~/{{.Var.ws}}");
    deepStrictEqual(r.value.template.windows[0].panes, ["echo {{.Env.USER}}"]);
    deepStrictEqual(placed(r.value.warnings), [["erb-variable", 2, 9], ["erb-variable", 4, 13]]);
  });
  await t.step("any other ERB is refused at its line:col, all of them at once", () => {
    const r = run(
      yaml("name: p", "windows:", "<% 3.times do |i| %>", "  - w<%= i %>: ls", "<% end %>"),
    );
    ok(!r.ok);
    deepStrictEqual(placed(r.error), [["erb", 3, 1], ["erb", 4, 6], ["erb", 5, 1]]);
  });
  await t.step("ERB in a comment is ignored", () => {
    ok(run(yaml("# <%= File.read('/etc/passwd') %>", "name: p", "windows:", "  - a: x")).ok);
  });
  await t.step("ERB where rune expands no variables (a layout) is refused", () => {
    const r = run(yaml("name: p", "windows:", '  - a: {layout: <%= ENV["L"] %>, panes: [x, y]}'));
    ok(!r.ok);
    deepStrictEqual(placed(r.error), [["erb", 3, 17]]);
  });
  await t.step("an ERB tag right after $ and an unclosed tag are refused", () => {
    const r = run(yaml("name: p", "windows:", '  - a: echo $<%= ENV["X"] %>', "  - b: <%= oops"));
    ok(!r.ok);
    deepStrictEqual(placed(r.error), [["erb", 3, 14], ["erb", 4, 8]]);
  });
});

Deno.test("importTmuxinator() refuses what tmuxinator refuses, with the place", async (t) => {
  const cases: { name: string; text: string; want: unknown[] }[] = [
    { name: "no windows", text: yaml("name: p"), want: [["import-no-windows", 1, 1]] },
    { name: "no name", text: yaml("windows:", "  - a: x"), want: [["import-no-name", 1, 1]] },
    {
      name: "a window that is not a one-key map",
      text: yaml("name: p", "windows:", "  - editor"),
      want: [["import-shape", 3, 5]],
    },
    { name: "not a map at all", text: "- a\n- b\n", want: [["import-shape", 1, 1]] },
    { name: "YAML syntax", text: yaml("name: p", "windows: [a"), want: [["yaml-syntax", 3, 1]] },
  ];
  for (const c of cases) {
    await t.step(c.name, () => {
      const r = run(c.text);
      ok(!r.ok);
      deepStrictEqual(placed(r.error), c.want);
    });
  }
});

Deno.test("an unclosed <% in a comment does not hide a real tag below it", () => {
  const r = run(yaml("# see <% the docs", "name: <%= name %>", "windows:", "  - a: x"));
  ok(!r.ok);
  deepStrictEqual(placed(r.error), [["erb", 2, 7]]);
});

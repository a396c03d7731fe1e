/** renameImport(): --name changes the template, the project key and the step that opens it. */
import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { importSmug, renameImport } from "../../src/import/mod.ts";

const facts = { home: "/home/u", cwd: "/home/u", fileDir: "/home/u" };

Deno.test("renameImport() renames the template and its session step, not the session", () => {
  const r = importSmug(
    "session: blog\nroot: ~/blog\nstop: [docker compose down]\nwindows:\n  - name: code\n",
    "b.yml",
    facts,
  );
  if (!r.ok) throw new Error(r.error.map((i) => i.problem).join("\n"));
  const renamed = renameImport(r.value, "writing");
  if (!renamed.ok) throw new Error(renamed.error.problem);
  strictEqual(renamed.value.name, "writing");
  strictEqual(renamed.value.template.session_name, "blog");
  deepStrictEqual(
    renamed.value.start.map((s) => s.tmux_template),
    r.value.start.map((s) => (s.tmux_template === "blog" ? "writing" : s.tmux_template)),
  );
  deepStrictEqual(renamed.value.stop, r.value.stop);
});

Deno.test("renameImport() refuses a name that is not a project name, with the one to use", () => {
  const r = importSmug("session: blog\nwindows:\n  - name: code\n", "b.yml", facts);
  if (!r.ok) throw new Error("import failed");
  const bad = renameImport(r.value, "My Blog");
  strictEqual(bad.ok, false);
  if (!bad.ok) strictEqual(bad.error.hint, "Use --name my-blog");
  const empty = renameImport(r.value, "!!");
  if (!empty.ok) strictEqual(empty.error.hint, "Give a name with at least one letter or digit");
});

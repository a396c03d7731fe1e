/** chooseEditor() and editorArgv(): VISUAL, then EDITOR, then vi; the file never shell text. */
import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { chooseEditor, editorArgv } from "../../src/cli/editor.ts";

Deno.test("chooseEditor() takes VISUAL, then EDITOR, skipping empty ones, then vi", () => {
  deepStrictEqual(chooseEditor({ VISUAL: "code --wait", EDITOR: "nano" }), {
    command: "code --wait",
    source: "VISUAL",
  });
  deepStrictEqual(chooseEditor({ VISUAL: " ", EDITOR: "nano" }), {
    command: "nano",
    source: "EDITOR",
  });
  deepStrictEqual(chooseEditor({}), { command: "vi", source: "default" });
});

Deno.test("editorArgv() runs the editor's command line with the file as one argument", async () => {
  const dir = Deno.makeTempDirSync();
  try {
    const file = `${dir}/my config $(touch ${dir}/pwned).yaml`;
    const editor = { command: `printf '%s|' --flag`, source: "EDITOR" as const };
    const argv = editorArgv(editor, file);
    strictEqual(argv[0], "sh");
    const out = await new Deno.Command(argv[0], { args: argv.slice(1), stdout: "piped" }).output();
    strictEqual(new TextDecoder().decode(out.stdout), `--flag|${file}|`);
    strictEqual([...Deno.readDirSync(dir)].length, 0, "the file name ran nothing");
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

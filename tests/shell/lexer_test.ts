import { deepStrictEqual } from "node:assert/strict";
import { ShellLexer } from "../../src/shell/lexer.ts";
import type { ShellPlacement } from "../../src/shell/lexer.ts";

/** Placements of the `§` marks in `text`, then what is left open at the end. */
function placements(text: string): [ShellPlacement[], string | undefined] {
  const lexer = new ShellLexer();
  const out: ShellPlacement[] = [];
  text.split("§").forEach((chunk, i) => {
    if (i > 0) out.push(lexer.placeholder());
    lexer.feed(chunk);
  });
  return [out, lexer.unclosed()?.reason];
}

const bare = (force = false, layers = 0): ShellPlacement => ({ kind: "bare", force, layers });
const single = (layers = 0): ShellPlacement => ({ kind: "single", layers });
const double = (separate = false, layers = 0): ShellPlacement => ({
  kind: "double",
  separate,
  layers,
});
const comment = (layers = 0): ShellPlacement => ({ kind: "comment", layers });
const no = (reason: string): ShellPlacement => ({ kind: "unsupported", reason });

const AFTER_DOLLAR: ShellPlacement = {
  kind: "unsupported",
  reason: `it follows "$", so the shell would read the value as a variable name`,
  hint: 'For a literal "$", write \\$ before it',
};
const AFTER_BACKSLASH: ShellPlacement = {
  kind: "unsupported",
  reason: "it follows a backslash, which would escape the value's first character",
  hint: "Remove the backslash before it",
};

Deno.test("ShellLexer finds the quoting context of each placeholder", async (t) => {
  const cases: [string, ShellPlacement[]][] = [
    ["echo §", [bare()]],
    ["echo dev-§-x", [bare()]],
    ["echo '§'", [single()]],
    ["echo 'Starting work on §'", [single()]],
    ['echo "§"', [double()]],
    [`echo "it's §"`, [double()]],
    [`echo 'say "§"'`, [single()]],
    [`echo "say '§'"`, [double()]],
    ["echo '' §", [bare()]],
    ["echo 'a'§'b'", [bare()]],
    ["echo \\'§", [bare()]],
    ['echo "\\"§"', [double()]],
    ["echo $(echo §)", [bare()]],
    ['echo "$(echo §)"', [bare()]],
    ['echo "$(echo "§")"', [double()]],
    ["echo $(echo ')' §)", [bare()]],
    ["echo $(echo (§))", [bare()]],
    ["echo $( (echo §) ) §", [bare(), bare()]],
    ["echo `echo §`", [bare(false, 1)]],
    ["echo `echo '§'`", [single(1)]],
    ['echo `echo "§"`', [double(false, 1)]],
    ["echo `echo \\`echo §\\``", [bare(false, 2)]],
    ["echo `echo a` §", [bare()]],
    ["echo $(echo `echo §`)", [bare(false, 1)]],
    ["echo a # §", [comment()]],
    ["echo a # '§\necho §", [comment(), bare()]],
    ["echo a#§", [bare()]],
    ["echo $# §", [bare()]],
    ["echo ${#x} §", [bare()]],
    ["x=$(echo # )\n) §", [bare()]],
    ["echo ~§", [bare(true)]],
    ["echo ~user§", [bare(true)]],
    ["echo ~/§", [bare()]],
    ["PATH=$PATH:~§", [bare(true)]],
    ["echo =§", [bare(true)]],
    ["echo $HOME§", [bare(true)]],
    ["echo $HOME/§", [bare()]],
    ["echo ${HOME}§", [bare()]],
    ["echo $1§", [bare()]],
    ['echo "$HOME§"', [double(true)]],
    ['echo "${HOME}§"', [double()]],
    ["v=§; echo", [bare()]],
    ["echo a\\\n§", [bare()]],
    ["cat <<< §", [bare()]],
    ["cat <<EOF >§", [bare()]],
    ["echo $§", [AFTER_DOLLAR]],
    ['echo "$§"', [AFTER_DOLLAR]],
    ["echo \\§", [AFTER_BACKSLASH]],
    ['echo "\\§"', [AFTER_BACKSLASH]],
    ["echo `echo \\§`", [AFTER_BACKSLASH]],
    ["echo $'§'", [no("it is inside $'…'")]],
    ['echo $"§"', [no('it is inside $"…"')]],
    ["echo ${x:-§}", [no("it is inside ${…}")]],
    ["echo $((1 + §))", [no("it is inside $((…))")]],
    ['echo "`echo §`"', [no("it is inside backticks inside double quotes")]],
    ["cat <<§", [no("it would be part of a here-document delimiter")]],
    ["cat <<-'E§'", [no("it would be part of a here-document delimiter")]],
    ["cat <<EOF\n§\nEOF", [no("it comes after a here-document (<<)")]],
    ["cat <<EOF\nx\nEOF\necho §", [no("it comes after a here-document (<<)")]],
    ["echo $(case a in a) echo §;; esac)", [no("it comes after case inside $(…)")]],
    ["echo $'\\'' §", [no("it comes after $'…' holding \\'")]],
    ["echo $[1] §", [no("it comes after $[…]")]],
    ["echo \"${x:-'}'}\" §", [no('it comes after \' inside "${…}"')]],
  ];
  for (const [text, want] of cases) {
    await t.step(JSON.stringify(text), () => deepStrictEqual(placements(text)[0], want));
  }
});

Deno.test("ShellLexer reports what is left open at the end of a command", async (t) => {
  const cases: [string, string | undefined][] = [
    ["echo 'a' \"b\" $(c) `d` ${e} $((1)) # f", undefined],
    ["echo 'a", "a single-quoted string is never closed"],
    ['echo "a', "a double-quoted string is never closed"],
    ["echo $(a", `"$(" is never closed`],
    ["echo $(", `"$(" is never closed`],
    ["echo `a", "a backtick substitution is never closed"],
    ["echo ${a", `"\${" is never closed`],
    ["echo $((a", `"$((" is never closed`],
    ["echo $'a", `"$'" is never closed`],
    ['echo "$(echo \'a)"', "a single-quoted string is never closed"],
  ];
  for (const [text, want] of cases) {
    await t.step(JSON.stringify(text), () => deepStrictEqual(placements(text)[1], want));
  }
});

/**
 * What a placeholder's position in the author's shell text means for its value: bare, inside
 * '…' or "…", in a comment, inside backticks (one more layer), or a place no quoting can make
 * literal (with why). Pure: reads the lexer's frames.
 */
import type { Frame, ShellPlacement } from "./frames.ts";

/**
 * The context of a placeholder at the top of the lexer's `stack`; the placeholder then counts
 * as one word piece (the frame is updated for that). `uncertain`: why nothing can be trusted.
 */
export function placementAt(stack: Frame[], uncertain: string | undefined): ShellPlacement {
  if (uncertain) return { kind: "unsupported", reason: uncertain };
  if (stack.some((f) => f.kind === "cmd" && f.delimiter !== 0)) {
    return { kind: "unsupported", reason: "it would be part of a here-document delimiter" };
  }
  const f = stack[stack.length - 1];
  switch (f.kind) {
    case "cmd": {
      if (f.escape) return afterBackslash();
      if (f.dollar) return afterDollar();
      const force = f.paramName || /(^|[=:])~[^/\0]*$/.test(f.word) || f.word.startsWith("=");
      f.word += "\0";
      f.paramName = false;
      return { kind: "bare", force, layers: 0 };
    }
    case "double": {
      if (f.escape) return afterBackslash();
      if (f.dollar) return afterDollar();
      if (f.locale) return unsupported(`it is inside $"…"`);
      const separate = f.paramName;
      f.paramName = false;
      return { kind: "double", separate, layers: 0 };
    }
    case "single":
      return { kind: "single", layers: 0 };
    case "comment":
      return { kind: "comment", layers: 0 };
    case "ansi":
      return unsupported(`it is inside $'…'`);
    case "param":
      return unsupported("it is inside ${…}");
    case "arith":
      return unsupported("it is inside $((…))");
    case "backtick": {
      if (f.inDouble) return unsupported("it is inside backticks inside double quotes");
      if (f.escape) return afterBackslash();
      const inner = f.inner.placeholder();
      return inner.kind === "unsupported" ? inner : { ...inner, layers: inner.layers + 1 };
    }
  }
}

function unsupported(reason: string): ShellPlacement {
  return { kind: "unsupported", reason };
}

function afterBackslash(): ShellPlacement {
  return {
    kind: "unsupported",
    reason: "it follows a backslash, which would escape the value's first character",
    hint: "Remove the backslash before it",
  };
}

function afterDollar(): ShellPlacement {
  return {
    kind: "unsupported",
    reason: `it follows "$", so the shell would read the value as a variable name`,
    hint: `For a literal "$", write \\$ before it`,
  };
}

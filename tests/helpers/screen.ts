/**
 * What a terminal would show after some output: a small model of the cursor movements rune's
 * live display uses (\n, \r, CSI n A, CSI K, CSI J; colours and cursor visibility ignored), so
 * a test can say what ends up on the screen, not which bytes were written.
 */
export function screenOf(output: string): string[] {
  const lines: string[] = [""];
  let row = 0;
  let col = 0;
  const put = (ch: string) => {
    const line = lines[row].padEnd(col);
    lines[row] = line.slice(0, col) + ch + line.slice(col + 1);
    col++;
  };
  for (let i = 0; i < output.length; i++) {
    const ch = output[i];
    if (ch === "\n") {
      row++;
      col = 0;
      if (lines.length <= row) lines.push("");
    } else if (ch === "\r") {
      col = 0;
    } else if (ch === "\x1b" && output[i + 1] === "[") {
      // deno-lint-ignore no-control-regex
      const m = output.slice(i).match(/^\x1b\[([0-9;?]*)([A-Za-z])/);
      if (!m) throw new Error(`unknown escape at ${i}: ${JSON.stringify(output.slice(i, i + 8))}`);
      i += m[0].length - 1;
      const n = Number(m[1] || "1");
      switch (m[2]) {
        case "A":
          row = Math.max(0, row - n);
          break;
        case "K":
          lines[row] = lines[row].slice(0, col);
          break;
        case "J":
          lines[row] = lines[row].slice(0, col);
          lines.length = row + 1;
          break;
        default: // m (colours), h/l (cursor shown or hidden): nothing moves
      }
    } else {
      put(ch);
    }
  }
  while (lines.length && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/**
 * How rune's output looks: colours for a stream (a terminal, no NO_COLOR, no --no-color), and
 * how a run shows itself: live on a terminal, plain lines otherwise, or JSON lines.
 */
import { makeColors, wantsColor } from "../base/mod.ts";
import type { Colors } from "../base/mod.ts";
import type { Reporter } from "../contract/mod.ts";
import { JsonReporter, LiveReporter, PlainReporter, streamWriter } from "../output/mod.ts";
import type { GlobalOptions } from "./spec.ts";

export function outputColors(stream: "stdout" | "stderr", globals: GlobalOptions): Colors {
  return makeColors(wantsColor(stream, !globals.color));
}

export function chooseReporter(
  options: { json: boolean; globals: GlobalOptions },
): Reporter & { restoreTerminal?(): void } {
  const err = streamWriter(Deno.stderr);
  if (options.json) return new JsonReporter(streamWriter(Deno.stdout), err);
  const { globals } = options;
  const color = wantsColor("stderr", !globals.color);
  const colors = makeColors(color);
  // A live display needs a terminal that understands cursor movement; NO_COLOR users and
  // logs get plain lines (so do --quiet and --verbose, whose output is meant to be kept).
  if (color && !globals.quiet && !globals.verbose && Deno.env.get("TERM") !== "dumb") {
    return new LiveReporter({
      write: err,
      colors,
      size: () => {
        try {
          return Deno.consoleSize();
        } catch {
          return { columns: 80, rows: 24 };
        }
      },
    });
  }
  return new PlainReporter({ write: err, colors, quiet: globals.quiet, verbose: globals.verbose });
}

/**
 * rune's entry point. `--version` is answered before anything else is imported so that
 * shell hooks and scripts that only probe rune pay for Deno's start-up alone.
 */
import { VERSION } from "./src/version.ts";

if (Deno.args.length === 1 && (Deno.args[0] === "--version" || Deno.args[0] === "-V")) {
  console.log(VERSION);
} else {
  const { main } = await import("./src/cli/main.ts");
  Deno.exitCode = await main(Deno.args);
}

/**
 * rune's entry point. `--version` is answered before anything is imported, so shell hooks and
 * scripts that only probe rune pay for Deno's start-up alone. (A static import here would make
 * the bundle load its shared runtime chunk, and with it Node's module layer: +15 ms.)
 * tests/version_test.ts keeps this literal equal to src/version.ts and deno.json.
 */
const VERSION = "0.1.0";

if (Deno.args.length === 1 && (Deno.args[0] === "--version" || Deno.args[0] === "-V")) {
  console.log(VERSION);
} else {
  const { main } = await import("./src/cli/mod.ts");
  Deno.exitCode = await main(Deno.args);
}

/**
 * @module
 * Interactive commands in the foreground: in a pseudo-terminal made by the system's `script`
 * (util-linux or BSD flavour, probed once), or on rune's own terminal; the terminal's modes are
 * saved and put back on every way out. Needs --allow-run=script,sh,stty.
 */
export { buildScriptArgv, interactiveShellText, NO_FILE, ptyCommandText } from "./argv.ts";
export type { TranscriptFiles } from "./argv.ts";
export { detectScriptFlavour, scriptFlavourFrom } from "./flavour.ts";
export { runInteractive, spawnSpec } from "./run_foreground.ts";
export type { InteractiveHow } from "./run_foreground.ts";
export { restoreTerminalModes, saveTerminalModes } from "./terminal_modes.ts";

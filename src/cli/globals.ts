/** Options every command accepts (given before or after the command name). */
export interface GlobalOptions {
  /** --config PATH (else RUNE_CONFIG, else the XDG/legacy locations). */
  config?: string;
  /** --strict: config warnings are errors. */
  strict: boolean;
  /** --no-color */
  color: boolean;
  quiet: boolean;
  verbose: boolean;
}

/** Commander's raw option bag → GlobalOptions. */
export function toGlobals(raw: Record<string, unknown>): GlobalOptions {
  return {
    config: typeof raw.config === "string" ? raw.config : undefined,
    strict: raw.strict === true,
    color: raw.color !== false,
    quiet: raw.quiet === true,
    verbose: raw.verbose === true,
  };
}

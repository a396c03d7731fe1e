/**
 * The names of rune's starter configs (templates/NAME.yaml), apart from their text so the
 * command tree, which every command loads, names them without loading them (starters.ts).
 */
export const STARTER_NAMES = ["basic", "node", "python"] as const;

export type StarterName = (typeof STARTER_NAMES)[number];

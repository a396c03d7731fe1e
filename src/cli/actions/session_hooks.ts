/**
 * What a restore's build needs from rune's environment besides the world: where its panes
 * report readiness (as `rune start` makes it).
 */

/** This run's pane-marker base: unguessable, so nobody can make it first. */
export function markerDirFor(env: Record<string, string>): string {
  const tmp = (env.TMPDIR || "/tmp").replace(/\/+$/, "") || "/tmp";
  const id = [...crypto.getRandomValues(new Uint8Array(8))]
    .map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${tmp}/rune-panes-${id}`;
}

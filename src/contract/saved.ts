/**
 * A saved tmux session: what `rune session save` read from tmux, what its file holds and what
 * `rune session restore` rebuilds. Plain data. Names, directories and titles are exactly as
 * tmux stored them; nothing here is escaped for any parser.
 */

export interface SavedSession {
  /** The session's name as tmux stores it. */
  name: string;
  /** Its @rune-project mark: "" for a session rune did not make (saved with --any). */
  project: string;
  /** The session's start directory (#{session_path}). */
  dir: string;
  /** The largest window's size: the size the session is rebuilt at, so layouts fit exactly. */
  size: { columns: number; rows: number };
  /** What rune gave every pane (`-e`), from the session's @rune-env mark. */
  env: Record<string, string>;
  /** Session options set on the session that differ from the server's (`set-option -t`). */
  options: Record<string, string>;
  windows: SavedWindow[];
}

export interface SavedWindow {
  name: string;
  /** #{window_layout}: the unzoomed layout, pane ids and all (tmux ignores the ids). */
  layout: string;
  /** The session's current window. */
  active: boolean;
  zoomed: boolean;
  /** Window options set on the window that differ from the server's (`set-option -w`). */
  options: Record<string, string>;
  /** In pane-index order, the order of the layout's cells. */
  panes: SavedPane[];
}

export interface SavedPane {
  dir: string;
  title: string;
  /** The window's active pane. */
  active: boolean;
  /**
   * The program in the pane's foreground (not its shell): its exact argv where the system
   * shows it (/proc), else the command line `ps` prints.
   */
  running?: string[] | string;
}

/**
 * @module
 * What rune keeps on disk: under $XDG_STATE_HOME/rune the audit log of interactive runs (one
 * O_APPEND write per line), the registry of background processes (one file each, written by
 * rename) and transcripts (0600, made before `script` opens them); under $XDG_DATA_HOME/rune the
 * work-session store (node:sqlite: WAL, a busy timeout, BEGIN IMMEDIATE, migrations) and saved
 * tmux sessions (one file each, the previous save kept, one writer at a time). Files only:
 * nothing here starts a process.
 */
export {
  appendAudit,
  auditFile,
  findAuditEntry,
  newAuditId,
  parseAudit,
  readAudit,
} from "./audit.ts";
export type { AuditEntry, AuditLog, TranscriptRef } from "./audit.ts";
export {
  backgroundState,
  forgetBackground,
  readBackground,
  recordBackground,
  registryDir,
} from "./background_registry.ts";
export type { BackgroundEntry, BackgroundState } from "./background_registry.ts";
export { writeFileAtomic } from "./atomic_file.ts";
export { formatSaved, SAVED_FORMAT, savedBody, yamlString } from "./saved_format.ts";
export { parseSaved } from "./saved_parse.ts";
export type { SavedFile } from "./saved_parse.ts";
export { listSaved, savedDir, savedStem, withSaveLock, writeSaved } from "./saved_store.ts";
export type { SavedEntry, SavedWrite } from "./saved_store.ts";
export { prepareTranscript, replayArgv, stripScriptMarkers, transcriptDir } from "./transcripts.ts";
export { openStore, WORK_STORE_FILE, WorkStore, workStorePath } from "./work_store.ts";
export type {
  ImportCounts,
  ImportRecord,
  StartOutcome,
  StoreHealth,
  StoreOptions,
} from "./work_store.ts";

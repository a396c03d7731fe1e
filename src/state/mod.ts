/**
 * @module
 * What rune keeps on disk: under $XDG_STATE_HOME/rune the audit log of interactive runs (one
 * O_APPEND write per line), the registry of background processes (one file each, written by
 * rename) and transcripts (0600, made before `script` opens them); under $XDG_DATA_HOME/rune the
 * work-session store (node:sqlite: WAL, a busy timeout, BEGIN IMMEDIATE, migrations); rune's logs
 * read back (`rune logs`); and files written whole or not at all (`rune report --output`). Files
 * only: nothing here starts a process.
 */
export {
  appendAudit,
  auditFile,
  findAuditEntry,
  newAuditId,
  parseAudit,
  readAudit,
} from "./audit.ts";
export type { AuditEntry, AuditLog, ShareAudit, TranscriptRef } from "./audit.ts";
export {
  backgroundState,
  forgetBackground,
  readBackground,
  recordBackground,
  registryDir,
} from "./background_registry.ts";
export type { BackgroundEntry, BackgroundState } from "./background_registry.ts";
export { writeFileAtomic } from "./atomic_file.ts";
export { lastLines, listLogs, type LogFile, readSince } from "./logs.ts";
export { prepareTranscript, replayArgv, stripScriptMarkers, transcriptDir } from "./transcripts.ts";
export { openStore, WORK_STORE_FILE, WorkStore, workStorePath } from "./work_store.ts";
export type {
  ImportClose,
  ImportCounts,
  ImportRecord,
  ReadOptions,
  StartOutcome,
  StoreHealth,
  StoreOptions,
} from "./work_store.ts";

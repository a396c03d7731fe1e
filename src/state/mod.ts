/**
 * @module
 * What rune keeps on disk: under $XDG_STATE_HOME/rune the audit log of interactive runs (one
 * O_APPEND write per line), the registry of background processes (one file each, written by
 * rename) and transcripts (0600, made before `script` opens them); under $XDG_DATA_HOME/rune the
 * work-session store (node:sqlite: WAL, a busy timeout, BEGIN IMMEDIATE, migrations); under
 * $XDG_CACHE_HOME/rune the validated-config cache. Files only: nothing here starts a process.
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
export {
  AMBIGUOUS_MS,
  configCacheFile,
  findCachedConfig,
  saveCachedConfig,
} from "./config_cache.ts";
export type { CachedConfig, ConfigCacheQuery, FileStamp } from "./config_cache.ts";
export { positionTable, tableLocators } from "./config_positions.ts";
export type { PositionTable } from "./config_positions.ts";
export { prepareTranscript, replayArgv, stripScriptMarkers, transcriptDir } from "./transcripts.ts";
export { openStore, WORK_STORE_FILE, WorkStore, workStorePath } from "./work_store.ts";
export type {
  ImportCounts,
  ImportRecord,
  StartOutcome,
  StoreHealth,
  StoreOptions,
} from "./work_store.ts";

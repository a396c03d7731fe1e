/**
 * @module
 * What rune keeps on disk: under $XDG_STATE_HOME/rune the audit log of interactive runs (one
 * O_APPEND write per line), the registry of background processes (one file each, written by
 * rename) and transcripts (0600, made before `script` opens them); under $XDG_DATA_HOME/rune the
 * work-session store (node:sqlite: WAL, a busy timeout, BEGIN IMMEDIATE, migrations); rune's logs
 * read back (`rune logs`); and files written whole or not at all (`rune report --output`). Files
 * only: nothing here starts a process. Also the trust store of project-local `.rune.yaml` files
 * (path, SHA-256, the trusted text) under $XDG_DATA_HOME/rune, and which untrusted ones were
 * already reported; and saved tmux sessions (one file each, the previous save kept, one writer at a
 * time). Under $XDG_CACHE_HOME/rune, the validated-config cache.
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
export { formatSaved, SAVED_FORMAT, savedBody, yamlString } from "./saved_format.ts";
export { parseSaved } from "./saved_parse.ts";
export type { SavedFile, YamlModule } from "./saved_parse.ts";
export { listSaved, savedDir, savedStem, withSaveLock, writeSaved } from "./saved_store.ts";
export type { SavedEntry, SavedWrite } from "./saved_store.ts";
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
  ImportClose,
  ImportCounts,
  ImportRecord,
  ReadOptions,
  StartOutcome,
  StoreHealth,
  StoreOptions,
} from "./work_store.ts";
export {
  readTrustStore,
  TRUST_FILE,
  trustState,
  trustStorePath,
  withTrusted,
  writeTrustStore,
} from "./trust_store.ts";
export type { TrustEntry, TrustState } from "./trust_store.ts";
export { firstNotice } from "./trust_notices.ts";

/**
 * A read-only reader for bbolt files (Go Rune keeps `~/.rune/sessions.db` in one). It takes the
 * file's bytes and returns every bucket's pairs; it never writes, and damaged input comes back
 * as an `Issue`, never as a throw.
 *
 * The format (bbolt's file format version 2, little-endian as written on x86 and arm):
 * - The file is an array of pages of one size, chosen when the file was created (the OS page
 *   size by default, so 4096 on most machines, 16384 on Apple silicon).
 * - Every page starts with a 16-byte header: id u64, flags u16, count u16, overflow u32. A page
 *   with `overflow` n spans n + 1 pages; large values and long keys live there.
 * - Pages 0 and 1 are meta pages, written alternately: magic, version, page size, flags, the
 *   root bucket (root page id u64, sequence u64), freelist page, high-water page id, txid and an
 *   FNV-1a 64 checksum of the 56 bytes before it. The valid one with the higher txid is current.
 * - Branch pages hold 16-byte elements (pos u32, ksize u32, child page id u64), leaf pages 16-byte
 *   elements (flags u32, pos u32, ksize u32, vsize u32); `pos` counts from the element itself.
 * - A leaf element with flag 1 is a nested bucket: its value is a 16-byte bucket header (root page
 *   id, sequence). A root of 0 means the bucket is inline: a leaf page follows the header inside
 *   the value (bbolt does this for small buckets without sub-buckets, like Go Rune's `current`).
 */
import type { Issue, Result } from "../base/mod.ts";

/** One key/value pair. Keys and values are views into the bytes passed to `readBolt`. */
export interface BoltPair {
  key: Uint8Array;
  value: Uint8Array;
}

/** A nested bucket and the key it is stored under in its parent. */
export interface BoltChild {
  name: Uint8Array;
  bucket: BoltBucket;
}

/** A bucket's plain pairs and its nested buckets, each in bbolt's (byte-wise) key order. */
export interface BoltBucket {
  pairs: BoltPair[];
  buckets: BoltChild[];
}

/** The content of a bbolt file as of its newest valid meta page. */
export interface BoltFile {
  pageSize: number;
  txid: number;
  root: BoltBucket;
}

const MAGIC = 0xed0cdaed;
const VERSION = 2;
const HEADER = 16;
const ELEMENT = 16;
const BRANCH = 0x01;
const LEAF = 0x02;
const BUCKET_FLAG = 0x01;
/** Deeper than any real tree (bbolt's are a few levels); past it the file must be looping. */
const MAX_DEPTH = 64;

interface Meta {
  pageSize: number;
  root: number;
  highWater: number;
  txid: number;
}

interface Walk {
  bytes: Uint8Array;
  view: DataView;
  pageSize: number;
  highWater: number;
  seen: Set<number>;
}

/** Reads a whole bbolt file (read-only) into its buckets, or says why it cannot. */
export function readBolt(bytes: Uint8Array): Result<BoltFile> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < HEADER + 64) {
    return fail("bbolt-not-bbolt", `the file has ${bytes.length} bytes, too few for a meta page`);
  }
  if (view.getUint32(HEADER, false) === MAGIC) {
    return fail(
      "bbolt-big-endian",
      "it was written on a big-endian machine, which rune cannot read",
    );
  }
  const first = readMeta(view, 0);
  let pageSize = typeof first === "string" ? undefined : first.pageSize;
  // Like bbolt: when meta 0 is damaged, find meta 1 by trying page sizes from 1 KiB to 16 MiB.
  for (let i = 0; pageSize === undefined && i <= 14 && (1024 << i) < bytes.length; i++) {
    const probe = readMeta(view, 1024 << i);
    if (typeof probe !== "string" && probe.pageSize === 1024 << i) pageSize = probe.pageSize;
  }
  if (pageSize === undefined) {
    const notBolt = typeof first === "string" && first.startsWith("no bbolt magic");
    return fail(notBolt ? "bbolt-not-bbolt" : "bbolt-damaged", `meta page 0: ${first}`);
  }
  const second = readMeta(view, pageSize);
  const valid = [first, second].filter((m): m is Meta => typeof m !== "string");
  const meta = valid.reduce((a, b) => (b.txid > a.txid ? b : a));
  const walk: Walk = { bytes, view, pageSize, highWater: meta.highWater, seen: new Set() };
  const root: BoltBucket = { pairs: [], buckets: [] };
  const damage = readPage(walk, meta.root, root, 0);
  if (damage) return fail("bbolt-damaged", damage);
  return { ok: true, value: { pageSize, txid: meta.txid, root } };
}

/** Finds a nested bucket by its UTF-8 name, or `undefined` when there is none. */
export function findBucket(parent: BoltBucket, name: string): BoltBucket | undefined {
  const want = new TextEncoder().encode(name);
  return parent.buckets.find((c) => sameBytes(c.name, want))?.bucket;
}

/** A meta page's content, or what is wrong with it (checked in bbolt's order: magic, version, sum). */
function readMeta(view: DataView, offset: number): Meta | string {
  const at = offset + HEADER;
  if (at + 64 > view.byteLength) return "the file ends before it";
  if (view.getUint32(at, true) !== MAGIC) return "no bbolt magic number";
  const version = view.getUint32(at + 4, true);
  if (version !== VERSION) return `format version ${version}, rune reads version ${VERSION}`;
  if (view.getBigUint64(at + 56, true) !== fnv1a64(view, at, 56)) return "checksum mismatch";
  const pageSize = view.getUint32(at + 8, true);
  const root = u64(view, at + 16);
  const highWater = u64(view, at + 40);
  const txid = u64(view, at + 48);
  if (pageSize < 512 || pageSize > 1 << 24) return `implausible page size ${pageSize}`;
  if (root === undefined || highWater === undefined || txid === undefined) {
    return "page or transaction id too large";
  }
  if (root < 2 || root >= highWater) return `root page ${root} outside pages 2..${highWater - 1}`;
  return { pageSize, root, highWater, txid };
}

/** Reads page `id` (a branch or leaf, with its overflow) into `out`; returns damage, if any. */
function readPage(w: Walk, id: number, out: BoltBucket, depth: number): string | undefined {
  if (depth > MAX_DEPTH) return `pages nest deeper than ${MAX_DEPTH} levels (a loop?)`;
  if (id < 2 || id >= w.highWater) {
    return `a reference to page ${id}, outside 2..${w.highWater - 1}`;
  }
  if (w.seen.has(id)) return `page ${id} is referenced twice`;
  w.seen.add(id);
  const start = id * w.pageSize;
  if (start + HEADER > w.bytes.length) {
    return `page ${id} lies beyond the end of the file (${w.bytes.length} bytes); it may be truncated`;
  }
  const stored = u64(w.view, start);
  if (stored !== id) return `page ${id} has the header of page ${stored ?? "(too large)"}`;
  const span = (w.view.getUint32(start + 12, true) + 1) * w.pageSize;
  if (start + span > w.bytes.length) return `page ${id}'s overflow runs past the end of the file`;
  return readNode(w, start, start + span, out, depth, `page ${id}`);
}

/** Reads the branch or leaf page in bytes [start, end) — a file page or an inline bucket's page. */
function readNode(
  w: Walk,
  start: number,
  end: number,
  out: BoltBucket,
  depth: number,
  where: string,
): string | undefined {
  if (start + HEADER > end) return `${where} is shorter than a page header`;
  const flags = w.view.getUint16(start + 8, true);
  const count = w.view.getUint16(start + 10, true);
  if (flags !== BRANCH && flags !== LEAF) {
    return `${where} has flags 0x${flags.toString(16)}, neither branch nor leaf`;
  }
  if (start + HEADER + count * ELEMENT > end) return `${where} has more elements than fit in it`;
  for (let i = 0; i < count; i++) {
    const el = start + HEADER + i * ELEMENT;
    const child = flags === BRANCH ? u64(w.view, el + 8) : 0;
    const damage = child === undefined
      ? `${where} points to a page id too large`
      : flags === BRANCH
      ? readPage(w, child, out, depth + 1)
      : readLeafElement(w, el, end, out, depth, where);
    if (damage) return damage;
  }
  return undefined;
}

/** One leaf element: a pair, or a nested bucket (stored in its own pages or inline). */
function readLeafElement(
  w: Walk,
  el: number,
  end: number,
  out: BoltBucket,
  depth: number,
  where: string,
): string | undefined {
  const flags = w.view.getUint32(el, true);
  const keyAt = el + w.view.getUint32(el + 4, true);
  const valueAt = keyAt + w.view.getUint32(el + 8, true);
  const valueEnd = valueAt + w.view.getUint32(el + 12, true);
  if (valueEnd > end) return `${where} has a key or value that runs past its end`;
  const key = w.bytes.subarray(keyAt, valueAt);
  if ((flags & BUCKET_FLAG) === 0) {
    out.pairs.push({ key, value: w.bytes.subarray(valueAt, valueEnd) });
    return undefined;
  }
  if (valueEnd - valueAt < HEADER) return `${where} has a bucket header shorter than 16 bytes`;
  const bucket: BoltBucket = { pairs: [], buckets: [] };
  out.buckets.push({ name: key, bucket });
  const root = u64(w.view, valueAt);
  if (root === undefined) return `${where} has a bucket whose root page id is too large`;
  if (root !== 0) return readPage(w, root, bucket, depth + 1);
  if (depth + 1 > MAX_DEPTH) return `buckets nest deeper than ${MAX_DEPTH} levels`;
  return readNode(w, valueAt + HEADER, valueEnd, bucket, depth + 1, `${where}'s inline bucket`);
}

/** A u64 as a number, or `undefined` past 2^53 (no real page id or txid gets there). */
function u64(view: DataView, at: number): number | undefined {
  const high = view.getUint32(at + 4, true);
  return high > 0x1fffff ? undefined : high * 2 ** 32 + view.getUint32(at, true);
}

/** FNV-1a 64, which bbolt uses for the meta page checksum. */
function fnv1a64(view: DataView, at: number, length: number): bigint {
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < length; i++) {
    hash = ((hash ^ BigInt(view.getUint8(at + i))) * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function fail(code: string, detail: string): Result<BoltFile> {
  const issue: Issue = {
    severity: "error",
    code,
    problem: `Cannot read the bbolt file: ${detail}`,
    hint: code === "bbolt-not-bbolt"
      ? "Pass the path of Go Rune's database, usually ~/.rune/sessions.db"
      : "Copy the file again while Go Rune is not running, or restore it from a backup",
  };
  return { ok: false, error: [issue] };
}

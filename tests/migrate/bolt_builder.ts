/**
 * Hand-built bbolt files for the damage cases the real library never writes: a page that points
 * to itself, a reference past the end, a page with unknown flags. Only meta pages and the pages a
 * test names are filled in; everything is little-endian like bbolt on x86.
 */

/** A test page: its type, and either child page ids (branch) or pairs (leaf). */
export type TestPage =
  | { kind: "branch"; children: number[] }
  | { kind: "leaf"; pairs: [string, string][] }
  | { kind: "raw"; flags: number; count: number };

/** Builds a file of `pages.length + 2` pages whose two meta pages both point to page 2. */
export function buildBolt(pageSize: number, pages: TestPage[], txids: [number, number] = [1, 2]) {
  const highWater = pages.length + 2;
  const bytes = new Uint8Array(highWater * pageSize);
  const view = new DataView(bytes.buffer);
  for (const m of [0, 1]) {
    writeMeta(view, m * pageSize, { pageSize, root: 2, highWater, txid: txids[m] });
  }
  pages.forEach((page, i) => writePage(bytes, (i + 2) * pageSize, i + 2, page));
  return bytes;
}

/** Writes a meta page at `offset`, checksum included. */
export function writeMeta(
  view: DataView,
  offset: number,
  m: { pageSize: number; root: number; highWater: number; txid: number; version?: number },
) {
  const at = offset + 16;
  view.setBigUint64(offset, BigInt(m.txid % 2), true);
  view.setUint16(offset + 8, 0x04, true);
  view.setUint32(at, 0xed0cdaed, true);
  view.setUint32(at + 4, m.version ?? 2, true);
  view.setUint32(at + 8, m.pageSize, true);
  view.setBigUint64(at + 16, BigInt(m.root), true);
  view.setBigUint64(at + 32, 0xffffffffffffffffn, true);
  view.setBigUint64(at + 40, BigInt(m.highWater), true);
  view.setBigUint64(at + 48, BigInt(m.txid), true);
  resum(view, offset);
}

/** Recomputes a meta page's checksum after a test changed a field. */
export function resum(view: DataView, offset: number) {
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < 56; i++) {
    hash = ((hash ^ BigInt(view.getUint8(offset + 16 + i))) * 0x100000001b3n) & ((1n << 64n) - 1n);
  }
  view.setBigUint64(offset + 16 + 56, hash, true);
}

function writePage(bytes: Uint8Array, at: number, id: number, page: TestPage) {
  const view = new DataView(bytes.buffer);
  view.setBigUint64(at, BigInt(id), true);
  if (page.kind === "raw") {
    view.setUint16(at + 8, page.flags, true);
    view.setUint16(at + 10, page.count, true);
    return;
  }
  if (page.kind === "branch") {
    view.setUint16(at + 8, 0x01, true);
    view.setUint16(at + 10, page.children.length, true);
    page.children.forEach((child, i) => {
      const el = at + 16 + i * 16;
      view.setUint32(el, 0, true);
      view.setUint32(el + 4, 0, true);
      view.setBigUint64(el + 8, BigInt(child), true);
    });
    return;
  }
  view.setUint16(at + 8, 0x02, true);
  view.setUint16(at + 10, page.pairs.length, true);
  let data = at + 16 + page.pairs.length * 16;
  page.pairs.forEach(([k, v], i) => {
    const el = at + 16 + i * 16;
    const key = new TextEncoder().encode(k);
    const value = new TextEncoder().encode(v);
    view.setUint32(el, 0, true);
    view.setUint32(el + 4, data - el, true);
    view.setUint32(el + 8, key.length, true);
    view.setUint32(el + 12, value.length, true);
    bytes.set(key, data);
    bytes.set(value, data + key.length);
    data += key.length + value.length;
  });
}

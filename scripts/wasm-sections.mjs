// Reading (and writing back) a WebAssembly binary's sections and imports: shared by the post-build
// step (scripts/postbuild.mjs) and the harness's breakdown of the wasm (bench/wasm-breakdown.mjs).

/** The sections after the 8-byte header: id, custom name, where the body starts, its length, body. */
export function sections(buf) {
  const out = [];
  const r = reader(buf);
  r.pos = 8;
  while (r.pos < buf.length) {
    const id = r.byte();
    const len = r.leb();
    const start = r.pos;
    const name = id === 0 ? r.str() : '';
    out.push({ id, name, start, len, body: buf.subarray(start, start + len) });
    r.pos = start + len;
  }
  return out;
}

/** A cursor over `buf`: bytes, unsigned LEB128 numbers and length-prefixed strings. */
export function reader(buf) {
  let o = 0;
  const r = {
    get pos() {
      return o;
    },
    set pos(v) {
      o = v;
    },
    byte: () => buf[o++],
    leb() {
      let x = 0;
      let s = 0;
      let b;
      do {
        b = buf[o++];
        x += (b & 0x7f) * 2 ** s;
        s += 7;
      } while (b & 0x80);
      return x;
    },
    str() {
      const n = r.leb();
      const v = buf.subarray(o, o + n).toString();
      o += n;
      return v;
    },
  };
  return r;
}

/** `n` as unsigned LEB128. */
export function leb(n) {
  const out = [];
  do {
    let byte = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return Buffer.from(out);
}

/**
 * The import entry at the reader's position in the import section's `body`: its module and name,
 * its kind (0 function, 1 table, 2 memory, 3 global, 4 tag) and the bytes that describe it.
 */
export function readImport(r, body) {
  const module = r.str();
  const name = r.str();
  const descStart = r.pos;
  const kind = r.byte();
  if (kind === 0) r.leb();
  else if (kind === 1 || kind === 2) {
    if (kind === 1) r.byte();
    const flags = r.leb();
    r.leb();
    if (flags & 1) r.leb();
  } else if (kind === 3) {
    r.byte();
    r.byte();
  } else if (kind === 4) {
    r.byte();
    r.leb();
  } else throw new Error(`unknown import kind ${kind}`);
  return { module, name, kind, desc: body.subarray(descStart, r.pos) };
}

/** The names of a module's imports, in order. */
export function importNames(wasm) {
  const section = sections(wasm).find((s) => s.id === 2);
  if (!section) return [];
  const r = reader(section.body);
  return Array.from({ length: r.leb() }, () => readImport(r, section.body).name);
}

/** An export entry at the cursor `r`: its name, kind and index. */
export function readExport(r) {
  const name = r.str();
  const kind = r.byte();
  const index = r.leb();
  return { name, kind, index };
}

/** The names a module exports, in order. */
export function exportNames(wasm) {
  const section = sections(wasm).find((s) => s.id === 7);
  if (!section) return [];
  const r = reader(section.body);
  return Array.from({ length: r.leb() }, () => readExport(r).name);
}

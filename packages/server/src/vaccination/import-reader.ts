import fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';

/**
 * Rows of a CSV or XLSX file read from disk a slice at a time, so a registry export of a million
 * doses never sits in memory whole. Row numbers are the ones Excel shows (the header is row 1).
 */
export type SheetKind = 'csv' | 'xlsx';

export interface SheetRow {
  row: number;
  cells: string[];
}

export interface SheetBatch {
  headers: string[];
  rows: SheetRow[];
}

const CHUNK_BYTES = 1 << 20;

/** XLSX is a zip (starts "PK"); anything else is read as CSV text. */
export async function sheetKind(file: string): Promise<SheetKind> {
  const fd = await fs.promises.open(file, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await fd.read(head, 0, 4, 0);
    return bytesRead === 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 3 && head[3] === 4 ? 'xlsx' : 'csv';
  } finally {
    await fd.close();
  }
}

/**
 * Splits CSV text fed in arbitrary slices into records. The delimiter (`,` or `;`, whichever the
 * header line holds more of) is decided once the first line is complete. Trailing quotes or a CR
 * are held back to the next slice: they may be half of an escaped quote or of a CRLF.
 */
export class CsvSplitter {
  private delim = -1;
  private pending = '';
  private carry = '';
  private field = '';
  private rec: string[] = [];
  private quoted = false;
  private first = true;

  feed(text: string, out: string[][]): void {
    if (this.first) {
      text = text.replace(/^\uFEFF/, '');
      this.first = false;
    }
    if (this.delim < 0) {
      this.pending += text;
      const nl = this.pending.search(/[\r\n]/);
      if (nl < 0) return;
      const line = this.pending.slice(0, nl);
      this.delim = (line.match(/;/g)?.length ?? 0) > (line.match(/,/g)?.length ?? 0) ? 59 : 44;
      text = this.pending;
      this.pending = '';
    }
    let src = this.carry + text;
    this.carry = '';
    let keep = src.length;
    if (src.charCodeAt(keep - 1) === 13) keep--;
    else while (keep > 0 && src.charCodeAt(keep - 1) === 34) keep--;
    this.carry = src.slice(keep);
    src = src.slice(0, keep);
    this.split(src, out);
  }

  end(out: string[][]): void {
    if (this.delim < 0) {
      const line = this.pending;
      this.delim = (line.match(/;/g)?.length ?? 0) > (line.match(/,/g)?.length ?? 0) ? 59 : 44;
      this.carry = this.pending;
      this.pending = '';
    }
    this.split(this.carry, out);
    this.carry = '';
    if (this.field !== '' || this.rec.length) {
      this.rec.push(this.field.trim());
      out.push(this.rec);
    }
    this.rec = [];
    this.field = '';
  }

  // Unquoted text is taken as slices between delimiters, not a character at a time.
  private split(src: string, out: string[][]): void {
    const delim = this.delim;
    let field = this.field;
    let rec = this.rec;
    let quoted = this.quoted;
    let start = 0;
    const n = src.length;
    for (let i = 0; i < n; i++) {
      const ch = src.charCodeAt(i);
      if (quoted) {
        if (ch === 34) {
          field += src.slice(start, i);
          if (src.charCodeAt(i + 1) === 34) { field += '"'; i++; } else quoted = false;
          start = i + 1;
        }
      } else if (ch === 34) {
        field += src.slice(start, i);
        quoted = true;
        start = i + 1;
      } else if (ch === delim) {
        rec.push((field + src.slice(start, i)).trim());
        field = '';
        start = i + 1;
      } else if (ch === 10 || ch === 13) {
        rec.push((field + src.slice(start, i)).trim());
        out.push(rec);
        rec = [];
        field = '';
        if (ch === 13 && src.charCodeAt(i + 1) === 10) i++;
        start = i + 1;
      }
    }
    field += src.slice(start);
    this.field = field;
    this.rec = rec;
    this.quoted = quoted;
  }
}

async function* csvRows(file: string): AsyncGenerator<SheetRow[]> {
  const decoder = new StringDecoder('utf8');
  const splitter = new CsvSplitter();
  let row = 0;
  const number = (records: string[][]) => records.map((cells) => ({ row: ++row, cells }));
  for await (const chunk of fs.createReadStream(file, { highWaterMark: CHUNK_BYTES })) {
    const out: string[][] = [];
    splitter.feed(decoder.write(chunk as Buffer), out);
    if (out.length) yield number(out);
  }
  const out: string[][] = [];
  splitter.feed(decoder.end(), out);
  splitter.end(out);
  if (out.length) yield number(out);
}

function cellText(v: ExcelJS.CellValue): string {
  if (v == null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('').trim();
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text).trim();
    return '';
  }
  return String(v).trim();
}

/** The first worksheet, row by row, through exceljs' streaming reader (shared strings cached, as the format requires). */
async function* xlsxRows(file: string): AsyncGenerator<SheetRow[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  for await (const sheet of reader) {
    let out: SheetRow[] = [];
    for await (const r of sheet) {
      const values = r.values as ExcelJS.CellValue[];
      const cells: string[] = [];
      for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]));
      out.push({ row: r.number, cells });
      if (out.length >= 1000) { yield out; out = []; }
    }
    if (out.length) yield out;
    // Only the first sheet holds data; a second is the template's instructions.
    break;
  }
}

/**
 * The file's header and data rows in batches of about `batchSize`. Blank rows are left out but
 * keep their place in the numbering. A file without data rows yields one batch with no rows.
 */
export async function* readSheet(file: string, kind: SheetKind, batchSize: number): AsyncGenerator<SheetBatch> {
  let headers: string[] | null = null;
  let batch: SheetRow[] = [];
  let yielded = false;
  for await (const rows of kind === 'csv' ? csvRows(file) : xlsxRows(file)) {
    for (const r of rows) {
      if (headers === null) {
        if (r.cells.some((c) => c !== '')) headers = r.cells;
        continue;
      }
      if (!r.cells.some((c) => c !== '')) continue;
      batch.push(r);
      if (batch.length >= batchSize) {
        yield { headers, rows: batch };
        yielded = true;
        batch = [];
      }
    }
  }
  if (batch.length || !yielded) yield { headers: headers ?? [], rows: batch };
}

/**
 * Data rows in the file, counted without parsing cells: line ends outside quotes for CSV, `<row`
 * elements of the first sheet for XLSX. Blank rows are counted too, so it is an upper bound for
 * progress; null when the file cannot be sized that way.
 */
export async function countDataRows(file: string, kind: SheetKind): Promise<number | null> {
  const lines = kind === 'csv' ? await countCsvRecords(file) : await countXlsxRows(file);
  return lines === null ? null : Math.max(0, lines - 1);
}

async function countCsvRecords(file: string): Promise<number> {
  let records = 0;
  let quoted = false;
  let lastByte = 10;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: CHUNK_BYTES }) as AsyncIterable<Buffer>) {
    let i = 0;
    while (i < chunk.length) {
      const q = chunk.indexOf(34, i);
      const stop = q < 0 ? chunk.length : q;
      if (!quoted) {
        for (let nl = chunk.indexOf(10, i); nl >= 0 && nl < stop; nl = chunk.indexOf(10, nl + 1)) records++;
      }
      if (q < 0) break;
      quoted = !quoted;
      i = q + 1;
    }
    if (chunk.length) lastByte = chunk[chunk.length - 1];
  }
  return lastByte === 10 ? records : records + 1;
}

/** Reads the zip's central directory to find the first worksheet, then counts its rows while inflating it. */
async function countXlsxRows(file: string): Promise<number | null> {
  const entry = await firstSheetEntry(file);
  if (!entry) return null;
  const raw = fs.createReadStream(file, { start: entry.dataStart, end: entry.dataStart + entry.compressedSize - 1 });
  const stream = entry.method === 8 ? raw.pipe(zlib.createInflateRaw()) : entry.method === 0 ? raw : null;
  if (!stream) { raw.destroy(); return null; }
  let rows = 0;
  let tail = '';
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const text = tail + chunk.toString('latin1');
      for (let i = text.indexOf('<row'); i >= 0; i = text.indexOf('<row', i + 4)) {
        const next = text.charCodeAt(i + 4);
        if (next === 32 || next === 62 || next === 9 || next === 10 || next === 13) rows++;
      }
      // A tag cut at the slice end is counted with the next slice.
      const cut = text.lastIndexOf('<', text.length - 1);
      tail = cut >= 0 && text.length - cut <= 5 ? text.slice(cut) : '';
      if (tail) rows -= countRowTags(tail);
    }
  } catch {
    return null;
  }
  return rows;
}

function countRowTags(s: string): number {
  const next = s.charCodeAt(4);
  return s.startsWith('<row') && (next === 32 || next === 62 || next === 9 || next === 10 || next === 13) ? 1 : 0;
}

async function firstSheetEntry(file: string): Promise<{ method: number; compressedSize: number; dataStart: number } | null> {
  const fd = await fs.promises.open(file, 'r');
  try {
    const { size } = await fd.stat();
    const tailSize = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailSize);
    await fd.read(tail, 0, tailSize, size - tailSize);
    let eocd = -1;
    for (let i = tailSize - 22; i >= 0; i--) if (tail.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
    if (eocd < 0) return null;
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    if (cdOffset === 0xffffffff || cdOffset + cdSize > size) return null;
    const cd = Buffer.alloc(cdSize);
    await fd.read(cd, 0, cdSize, cdOffset);
    for (let p = 0; p + 46 <= cd.length && cd.readUInt32LE(p) === 0x02014b50;) {
      const method = cd.readUInt16LE(p + 10);
      const compressedSize = cd.readUInt32LE(p + 20);
      const nameLen = cd.readUInt16LE(p + 28);
      const extraLen = cd.readUInt16LE(p + 30);
      const commentLen = cd.readUInt16LE(p + 32);
      const localOffset = cd.readUInt32LE(p + 42);
      const name = cd.toString('utf8', p + 46, p + 46 + nameLen);
      if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) {
        const local = Buffer.alloc(30);
        await fd.read(local, 0, 30, localOffset);
        if (local.readUInt32LE(0) !== 0x04034b50) return null;
        return { method, compressedSize, dataStart: localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28) };
      }
      p += 46 + nameLen + extraLen + commentLen;
    }
    return null;
  } finally {
    await fd.close();
  }
}

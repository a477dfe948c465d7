import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import type { FastifyReply } from 'fastify';

export interface Table {
  headers: string[];
  /** Data rows with their 1-based row number in the file (as Excel shows it). */
  rows: { row: number; cells: string[] }[];
}

function cellText(v: ExcelJS.CellValue): string {
  if (v == null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
    return '';
  }
  return String(v).trim();
}

/** Reads the first sheet of an XLSX file, or a CSV (comma or semicolon, UTF-8 with or without BOM). */
export async function readTable(data: Buffer, filename: string): Promise<Table> {
  if (/\.csv$/i.test(filename) || (!isZip(data) && !/\.xlsx$/i.test(filename))) return parseCsv(data.toString('utf8'));
  if (!isZip(data)) throw new Error('not an xlsx file');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) return { headers: [], rows: [] };
  const all: { row: number; cells: string[] }[] = [];
  ws.eachRow({ includeEmpty: false }, (r, n) => {
    const cells: string[] = [];
    for (let c = 1; c <= r.cellCount; c++) cells.push(cellText(r.getCell(c).value));
    all.push({ row: n, cells });
  });
  const [head, ...rows] = all;
  return { headers: head?.cells ?? [], rows: rows.filter((r) => r.cells.some((c) => c !== '')) };
}

function isZip(data: Buffer): boolean {
  return data.length > 4 && data[0] === 0x50 && data[1] === 0x4b;
}

export function parseCsv(text: string): Table {
  const src = text.replace(/^\uFEFF/, '');
  const firstLine = src.split(/\r?\n/, 1)[0] ?? '';
  const delim = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const delimCode = delim.charCodeAt(0);
  const records: string[][] = [];
  let field = '';
  let rec: string[] = [];
  let quoted = false;
  // Unquoted text is taken as slices between delimiters rather than a character at a time: a
  // hundred-thousand-row file is mostly plain cells.
  let start = 0;
  const flush = (end: number) => { field += src.slice(start, end); };
  for (let i = 0; i < src.length; i++) {
    const ch = src.charCodeAt(i);
    if (quoted) {
      if (ch === 34 /* " */) {
        flush(i);
        if (src.charCodeAt(i + 1) === 34) { field += '"'; i++; } else quoted = false;
        start = i + 1;
      }
    } else if (ch === 34) { flush(i); quoted = true; start = i + 1; }
    else if (ch === delimCode) { flush(i); rec.push(field.trim()); field = ''; start = i + 1; }
    else if (ch === 10 || ch === 13) {
      flush(i);
      if (ch === 13 && src.charCodeAt(i + 1) === 10) i++;
      rec.push(field.trim()); records.push(rec); rec = []; field = ''; start = i + 1;
    }
  }
  flush(src.length);
  if (field !== '' || rec.length) { rec.push(field.trim()); records.push(rec); }
  const [head, ...rows] = records;
  return {
    headers: head ?? [],
    rows: rows.map((cells, i) => ({ row: i + 2, cells })).filter((r) => r.cells.some((c) => c !== '')),
  };
}

export interface Column<T> {
  header: string;
  width?: number;
  value: (row: T) => string | number | null | undefined;
}

/**
 * Streams an XLSX to the client row by row, so an export of a whole province is not built in memory.
 * Filenames are ASCII with an RFC 5987 UTF-8 variant for the Vietnamese one.
 */
export async function sendXlsx<T>(reply: FastifyReply, filename: string, sheet: string, columns: Column<T>[], rows: AsyncIterable<T> | Iterable<T>): Promise<FastifyReply> {
  const stream = new PassThrough();
  const ascii = filename.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\w.-]+/g, '_');
  reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true });
  const ws = wb.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 18 }));
  ws.getRow(1).font = { bold: true };
  const write = (async () => {
    for await (const r of rows) ws.addRow(columns.map((c) => c.value(r) ?? null)).commit();
    ws.commit();
    await wb.commit();
  })();
  write.catch((err) => {
    reply.log.error(err);
    stream.destroy(err);
  });
  return reply.send(stream);
}

/** A small workbook built in memory (templates, reports). */
export async function buildXlsx(sheet: string, headers: string[], rows: (string | number)[][], notes?: string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.addRow(headers).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  ws.columns.forEach((c) => (c.width = 20));
  if (notes?.length) {
    const n = wb.addWorksheet('Hướng dẫn');
    for (const line of notes) n.addRow([line]);
    n.getColumn(1).width = 120;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

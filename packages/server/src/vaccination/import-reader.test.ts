import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parseCsv } from '../lib/spreadsheet.js';
import { countDataRows, CsvSplitter, readSheet, sheetKind, type SheetKind } from './import-reader.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcd-reader-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const write = (name: string, data: string | Buffer) => { const f = path.join(dir, name); fs.writeFileSync(f, data); return f; };

const TRICKY = '\uFEFFHọ và tên;Ghi chú;Mũi\r\n"Lò Thị ""Hoa""";"dòng 1\r\ndòng 2; có chấm phẩy";1\r\n\r\nQuàng Văn Ún;;2\nCà Thị Mai;"";"3"';

async function collect(file: string, kind: SheetKind, size = 2) {
  const out: { headers: string[]; rows: { row: number; cells: string[] }[] } = { headers: [], rows: [] };
  for await (const b of readSheet(file, kind, size)) { out.headers = b.headers; out.rows.push(...b.rows); }
  return out;
}

describe('CsvSplitter', () => {
  it('gives the same records as the whole-file parser wherever the text is cut', () => {
    const whole = parseCsv(TRICKY);
    const expected = [whole.headers, ...whole.rows.map((r) => r.cells)];
    for (let cut = 0; cut <= TRICKY.length; cut++) {
      const s = new CsvSplitter();
      const out: string[][] = [];
      s.feed(TRICKY.slice(0, cut), out);
      s.feed(TRICKY.slice(cut), out);
      s.end(out);
      expect(out.filter((r) => r.some((c) => c !== '')), `cut at ${cut}`).toEqual(expected);
    }
  });

  it('reads comma files a character at a time', () => {
    const text = 'a,b\n"x,1",2\n';
    const s = new CsvSplitter();
    const out: string[][] = [];
    for (const ch of text) s.feed(ch, out);
    s.end(out);
    expect(out).toEqual([['a', 'b'], ['x,1', '2']]);
  });
});

describe('readSheet and countDataRows', () => {
  it('numbers CSV rows as Excel would, skipping blank ones, in batches', async () => {
    const file = write('a.csv', TRICKY);
    expect(await sheetKind(file)).toBe('csv');
    const got = await collect(file, 'csv');
    expect(got.headers).toEqual(['Họ và tên', 'Ghi chú', 'Mũi']);
    expect(got.rows.map((r) => [r.row, r.cells[0], r.cells[2]])).toEqual([[2, 'Lò Thị "Hoa"', '1'], [4, 'Quàng Văn Ún', '2'], [5, 'Cà Thị Mai', '3']]);
    expect(got.rows[0].cells[1]).toBe('dòng 1\r\ndòng 2; có chấm phẩy');
    // Counts the blank line too: an upper bound for the progress bar.
    expect(await countDataRows(file, 'csv')).toBe(4);
  });

  it('reads the first sheet of an XLSX row by row and counts its rows from the zip', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Mũi tiêm');
    ws.addRow(['Họ và tên', 'Ngày tiêm', 'Số CCCD']);
    for (let i = 0; i < 2500; i++) ws.addRow([`Người ${i}`, new Date(Date.UTC(2021, 9, 1 + (i % 28))), 11189001234]);
    wb.addWorksheet('Hướng dẫn').addRow(['không phải dữ liệu']);
    const file = write('a.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(await sheetKind(file)).toBe('xlsx');
    expect(await countDataRows(file, 'xlsx')).toBe(2500);
    const got = await collect(file, 'xlsx', 1000);
    expect(got.headers).toEqual(['Họ và tên', 'Ngày tiêm', 'Số CCCD']);
    expect(got.rows).toHaveLength(2500);
    expect(got.rows[0]).toEqual({ row: 2, cells: ['Người 0', '2021-10-01', '11189001234'] });
    expect(got.rows.at(-1)!.row).toBe(2501);
  });

  it('yields the header alone for a file without data rows', async () => {
    const got = await collect(write('h.csv', 'Họ và tên,Mũi\n'), 'csv');
    expect(got).toEqual({ headers: ['Họ và tên', 'Mũi'], rows: [] });
    expect(await collect(write('e.csv', ''), 'csv')).toEqual({ headers: [], rows: [] });
  });
});

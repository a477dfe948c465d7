import { describe, expect, it } from 'vitest';
import { parseCsv } from './spreadsheet.js';

describe('parseCsv', () => {
  it.each([
    ['commas, trailing newline', 'Mã,Tên\n01,Bản A\n', [['01', 'Bản A']]],
    ['BOM, semicolons, CRLF (Excel in a Vietnamese locale)', '\uFEFFMã;Tên\r\n01;Bản A\r\n02;Bản B', [['01', 'Bản A'], ['02', 'Bản B']]],
    ['a quoted delimiter and an escaped quote', 'Mã,Tên\n01,"Pá Khoang, khu ""2"""\n', [['01', 'Pá Khoang, khu "2"']]],
    ['a line break inside quotes', 'Mã,Ghi chú\n01,"dòng 1\ndòng 2"\n', [['01', 'dòng 1\ndòng 2']]],
    ['blank lines dropped, cells trimmed', 'Mã,Tên\n\n 01 , Bản A \n,\n', [['01', 'Bản A']]],
    ['no final newline', 'Mã,Tên\n01,Bản A', [['01', 'Bản A']]],
  ])('%s', (_name, text, rows) => {
    const table = parseCsv(text);
    expect(table.headers[0]).toBe('Mã');
    expect(table.rows.map((r) => r.cells)).toEqual(rows);
  });

  it('numbers rows as Excel shows them, header being row 1', () => {
    expect(parseCsv('Mã\nA\n\nB\n').rows.map((r) => r.row)).toEqual([2, 4]);
  });
});

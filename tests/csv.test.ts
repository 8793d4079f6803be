import { describe, expect, it } from 'vitest';
import { csvCell, parseCsv, toCsv } from '../src/lib/csv';

describe('CSV for spreadsheets', () => {
  it('quotes cells with a comma, a quote or a new line, doubling quotes (RFC 4180)', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(3)).toBe('3');
  });

  it('neutralises what a spreadsheet would read as a formula with a leading apostrophe', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      expect(csvCell(`${start}1+1`).replace(/^"/, '')).toMatch(/^'/);
    }
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('starts with a BOM, ends records in CRLF, and reads back as written', () => {
    const rows = [
      ['1', 'a, "b"\nc'],
      ['2', null],
    ];
    const text = toCsv(['id', 'text'], rows);
    expect(text.startsWith('\uFEFFid,text\r\n')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text)).toEqual([
      ['id', 'text'],
      ['1', 'a, "b"\nc'],
      ['2', ''],
    ]);
  });
});

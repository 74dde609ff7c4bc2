import zlib from 'node:zlib';

/**
 * Small but real evidence files for the demo (bukti dukung): a one-page PDF report and a PNG
 * "photo" of an activity, built in code so the demo needs no binary fixtures. They pass the same
 * checks as an upload (type by extension and first bytes) and open in any viewer.
 */

/** PDF text strings hold Latin-1 through WinAnsiEncoding: map what Indonesian names need, drop the rest. */
function pdfString(s: string): string {
  const latin = s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]/g, '?');
  return latin.replace(/\\/g, '\\\\').replace(/\(/g, '\\(').replace(/\)/g, '\\)');
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}

export interface ReportPdf {
  title: string;
  lines: string[];
}

/** A one-page A4 PDF (Helvetica, the viewer's built-in font) with a title and wrapped lines. */
export function reportPdf(r: ReportPdf): Buffer {
  const ops: string[] = ['BT', '/F2 14 Tf', '56 780 Td', `(${pdfString(r.title)}) Tj`, '/F1 10 Tf', '0 -28 Td'];
  let used = 0;
  for (const l of r.lines) {
    for (const w of l ? wrap(l, 90) : ['']) {
      if (used++ > 60) break;
      ops.push(`(${pdfString(w)}) Tj`, '0 -15 Td');
    }
  }
  ops.push('ET', '0.6 w 56 792 m 540 792 l S');
  const stream = ops.join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/**
 * A small PNG (160 x 100): sky, a building and a few people-like figures in colours picked from the
 * seed, so each file differs (evidence is stored by content) and looks like a snapshot of an activity.
 */
export function activityPng(seed: number): Buffer {
  const w = 160;
  const h = 100;
  const rnd = (() => {
    let s = seed >>> 0 || 1;
    return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  })();
  const wall: [number, number, number] = [150 + Math.floor(rnd() * 80), 120 + Math.floor(rnd() * 80), 90 + Math.floor(rnd() * 60)];
  const figures = Array.from({ length: 4 + Math.floor(rnd() * 4) }, () => ({ x: 20 + Math.floor(rnd() * 120), c: [Math.floor(rnd() * 200), Math.floor(rnd() * 200), Math.floor(rnd() * 200)] as const }));
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) {
    const row = y * (w * 3 + 1);
    raw[row] = 0;
    for (let x = 0; x < w; x++) {
      let c: readonly number[] = y < 35 ? [170, 205, 235] : y < 80 ? wall : [110, 110, 110];
      if (y >= 45 && y < 80 && x % 28 > 8 && x % 28 < 20 && y < 62) c = [70, 90, 120];
      for (const f of figures) if (Math.abs(x - f.x) < 4 && y >= 66 && y < 92) c = y < 72 ? [230, 190, 160] : f.c;
      raw[row + 1 + x * 3] = c[0]!;
      raw[row + 2 + x * 3] = c[1]!;
      raw[row + 3 + x * 3] = c[2]!;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** Draws a {@link FormModel} with pdfkit into a PDF buffer, with embedded Vietnamese fonts. */
import PDFDocument from 'pdfkit';
import { formatVnLongDate } from '../vn-format.js';
import { resolveFontFiles, type FontFiles } from './fonts.js';
import type { Block, FormHeader, FormModel } from './model.js';

type Doc = PDFKit.PDFDocument;

/** Rendering options; tests pass `compress: false` to inspect the file. */
export interface RenderOptions {
  fonts?: FontFiles;
  compress?: boolean;
}

const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

function contentWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

/** Centered text in a column starting at x; returns the y below it. */
function centered(
  doc: Doc,
  text: string,
  x: number,
  y: number,
  width: number,
  font: string,
  size: number,
): number {
  doc.font(font).fontSize(size).text(text, x, y, { width, align: 'center' });
  return doc.y;
}

/** Two columns: agency on the left, national name and motto on the right, each underlined, then the dateline. */
function drawHeader(doc: Doc, h: FormHeader, base: number): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const leftW = width * 0.4;
  const rightX = left + leftW;
  const rightW = width - leftW;
  const top = doc.y;
  let yl = centered(doc, h.parentAgency.toUpperCase(), left, top, leftW, 'regular', base);
  yl = centered(doc, h.agency.toUpperCase(), left, yl, leftW, 'bold', base);
  doc
    .moveTo(left + leftW * 0.35, yl + 2)
    .lineTo(left + leftW * 0.65, yl + 2)
    .lineWidth(0.5)
    .stroke();
  // The national name must stay on one line: shrink it to the column on narrow (A5) paper.
  const fit = Math.min(
    base,
    (base * (rightW - 2)) / doc.font('bold').fontSize(base).widthOfString(NATIONAL_NAME),
  );
  let yr = centered(doc, NATIONAL_NAME, rightX, top, rightW, 'bold', fit);
  yr = centered(doc, MOTTO, rightX, yr, rightW, 'bold', base + 0.5);
  const mottoW = doc
    .font('bold')
    .fontSize(base + 0.5)
    .widthOfString(MOTTO);
  doc
    .moveTo(rightX + (rightW - mottoW) / 2, yr + 2)
    .lineTo(rightX + (rightW + mottoW) / 2, yr + 2)
    .stroke();
  const y = Math.max(yl, yr) + 6;
  if (h.number) centered(doc, h.number, left, y, leftW, 'regular', base);
  centered(doc, `${h.place}, ${formatVnLongDate(h.date)}`, rightX, y, rightW, 'italic', base);
  doc.x = left;
  doc.y = doc.y + base;
}

function drawTable(doc: Doc, block: Extract<Block, { kind: 'table' }>, size: number): void {
  const left = doc.page.margins.left;
  const total = block.columns.reduce((s, c) => s + c.width, 0);
  const widths = block.columns.map((c) => (c.width / total) * contentWidth(doc));
  const headers = block.columns.map((c) => c.header);
  const heightOf = (cells: string[], font: string): number => {
    doc.font(font).fontSize(size);
    const heights = cells.map((c, i) => doc.heightOfString(c, { width: (widths[i] ?? 0) - 6 }));
    return Math.max(...heights, size) + 6;
  };
  const bottom = (): number => doc.page.height - doc.page.margins.bottom;
  const drawRow = (cells: string[], font: string): void => {
    const h = heightOf(cells, font);
    if (doc.y + h > bottom()) {
      // A row never splits: it moves to a new page, which starts with the header row again.
      doc.addPage();
      if (font !== 'bold') drawRow(headers, 'bold');
    }
    doc.font(font).fontSize(size);
    const y = doc.y;
    let x = left;
    cells.forEach((c, i) => {
      const w = widths[i] ?? 0;
      doc.rect(x, y, w, h).lineWidth(0.5).stroke();
      doc.text(c, x + 3, y + 3, { width: w - 6, align: font === 'bold' ? 'center' : 'left' });
      x += w;
    });
    doc.x = left;
    doc.y = y + h;
  };
  // Keep the header row with the first data row.
  if (doc.y + heightOf(headers, 'bold') + (block.rows[0] ? heightOf(block.rows[0], 'regular') : 0) > bottom())
    doc.addPage();
  drawRow(headers, 'bold');
  for (const row of block.rows) drawRow(row, 'regular');
  doc.moveDown(0.5);
}

function drawSignatures(doc: Doc, block: Extract<Block, { kind: 'signatures' }>, size: number): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc) / block.items.length;
  if (doc.y + size * 8 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const top = doc.y + size / 2;
  block.items.forEach((item, i) => {
    const x = left + i * width;
    let y = centered(doc, item.title, x, top, width, 'bold', size);
    y = centered(doc, item.note, x, y, width, 'italic', size - 1);
    if (item.name) centered(doc, item.name, x, y + size * 4, width, 'bold', size);
  });
  doc.x = left;
}

function drawBlock(doc: Doc, block: Block, base: number): void {
  const left = doc.page.margins.left;
  switch (block.kind) {
    case 'header':
      return drawHeader(doc, block.header, base);
    case 'title':
      doc.moveDown(0.5);
      centered(doc, block.text, left, doc.y, contentWidth(doc), 'bold', base + 2);
      for (const line of block.lines) centered(doc, line, left, doc.y, contentWidth(doc), 'regular', base);
      doc.moveDown(0.5);
      return;
    case 'text': {
      const font = block.bold ? 'bold' : block.italic ? 'italic' : 'regular';
      const indent = block.indent ?? 0;
      doc
        .font(font)
        .fontSize(base)
        .text(block.text, left + indent, doc.y, {
          width: contentWidth(doc) - indent,
          align: block.align ?? 'justify',
          paragraphGap: 2,
        });
      return;
    }
    case 'table':
      return drawTable(doc, block, base - 1.5);
    case 'signatures':
      return drawSignatures(doc, block, base);
  }
}

/** "Trang x/y" centred in the bottom margin of every buffered page. */
function drawPageNumbers(doc: Doc, size: number): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { bottom, left } = doc.page.margins;
    // Writing inside the bottom margin would make pdfkit open a new page: lift the margin while drawing.
    doc.page.margins.bottom = 0;
    doc
      .font('italic')
      .fontSize(size)
      .text(`Trang ${i - range.start + 1}/${range.count}`, left, doc.page.height - bottom + size / 2, {
        width: contentWidth(doc),
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
}

/** Renders a form model to a PDF. Throws PdfFontMissingError when no Vietnamese font is installed. */
export function renderForm(model: FormModel, options: RenderOptions = {}): Promise<Buffer> {
  const fonts = options.fonts ?? resolveFontFiles();
  const a5 = model.size === 'A5';
  const doc = new PDFDocument({
    size: model.size,
    layout: model.landscape ? 'landscape' : 'portrait',
    margins: a5 ? { top: 36, bottom: 36, left: 42, right: 30 } : { top: 42, bottom: 42, left: 56, right: 42 },
    compress: options.compress ?? true,
    info: { Title: model.title, Creator: 'Một Cửa' },
    lang: 'vi-VN',
    bufferPages: model.pageNumbers === true,
  });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  doc.registerFont('italic', fonts.italic);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const base = a5 ? 9.5 : 10;
  for (const block of model.blocks) drawBlock(doc, block, base);
  if (model.pageNumbers) drawPageNumbers(doc, base - 2);
  doc.end();
  return done;
}

/**
 * Forms as data: each builder turns dossier data into blocks, one renderer draws blocks with pdfkit. Tests
 * read the blocks' text exactly, and another renderer (HTML, e-form) could reuse the builders.
 */

/** The header every form shares (Circular 01/2018/TT-VPCP annex; Decree 30/2020 presentation). */
export interface FormHeader {
  /** Governing body, upper case on the form, e.g. "UBND TỈNH TIỀN GIANG". */
  parentAgency: string;
  /** Issuing unit, e.g. "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG". */
  agency: string;
  /** Document number line, e.g. "Số: 125/TNHS"; omitted on forms without a number. */
  number?: string;
  /** Place in the dateline, e.g. "Mỹ Tho". */
  place: string;
  /** Instant of the dateline. */
  date: number;
}

/** One piece of a form. */
export type Block =
  | { kind: 'header'; header: FormHeader }
  | { kind: 'title'; text: string; lines: string[] }
  | {
      kind: 'text';
      text: string;
      bold?: boolean;
      italic?: boolean;
      align?: 'left' | 'center' | 'justify';
      indent?: number;
    }
  | { kind: 'table'; columns: { header: string; width: number }[]; rows: string[][] }
  | { kind: 'signatures'; items: { title: string; note: string; name?: string }[] };

/** A whole form: paper size and blocks. Templates 01-05 are A5, 06 is A4 landscape (§2.3). */
export interface FormModel {
  title: string;
  size: 'A5' | 'A4';
  landscape?: boolean;
  /** Prints "Trang x/y" at the foot of every page (long registers). */
  pageNumbers?: boolean;
  blocks: Block[];
}

/** All the text of a model, one line per text item, for tests and search. */
export function modelText(model: FormModel): string {
  return model.blocks
    .flatMap((b): string[] => {
      switch (b.kind) {
        case 'header':
          return [b.header.parentAgency, b.header.agency, b.header.number ?? '', b.header.place];
        case 'title':
          return [b.text, ...b.lines];
        case 'text':
          return [b.text];
        case 'table':
          return [...b.columns.map((c) => c.header), ...b.rows.flat()];
        case 'signatures':
          return b.items.flatMap((i) => [i.title, i.note, i.name ?? '']);
      }
    })
    .filter((s) => s !== '')
    .join('\n');
}

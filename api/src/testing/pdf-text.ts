/**
 * Reading generated PDFs in tests: page count from the raw file, text through poppler's `pdftotext`. Without
 * poppler the text checks are skipped on a developer machine, but not in CI (`.ci/run` installs poppler-utils):
 * there a missing tool fails the test instead of silently checking less.
 */
import { execFileSync } from 'node:child_process';

/** Whether a poppler tool (`pdftotext`, `pdftoppm`) runs here; throws in CI when it does not. */
export function hasPopplerTool(tool: 'pdftotext' | 'pdftoppm'): boolean {
  try {
    execFileSync(tool, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    if (process.env.CI) throw new Error(`${tool} is missing: install poppler-utils (.ci/run does)`);
    return false;
  }
}

/** Whether `pdftotext` is available (checked once). */
export const hasPdftotext = hasPopplerTool('pdftotext');

/** Pages of a PDF (uncompressed page objects). */
export const pageCount = (pdf: Buffer): number =>
  pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;

/** Text laid out as on the page (columns kept apart). */
export const textOf = (pdf: Buffer): string =>
  execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');

/** Text in reading order (a wrapped cell's lines stay together), whitespace collapsed. */
export const flowOf = (pdf: Buffer): string =>
  execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString('utf8').replace(/\s+/g, ' ');

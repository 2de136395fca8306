/**
 * Fonts with Vietnamese glyphs for the forms: the 14 standard PDF fonts have no "ệ", "ữ", "đ", so a TrueType
 * font must be embedded. Looked up without require.resolve (the code runs as ESM and as CommonJS under Jest):
 * node_modules of the working directory and its parents, then Debian's fonts-dejavu-core.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Paths of the three faces the forms use. */
export interface FontFiles {
  regular: string;
  bold: string;
  italic: string;
}

/** The npm package the forms expect (Noto Serif, full Google Fonts character set incl. Vietnamese). */
export const FONT_PACKAGE = '@expo-google-fonts/noto-serif';

const NOTO_FACES: Record<keyof FontFiles, string> = {
  regular: '400Regular/NotoSerif_400Regular.ttf',
  bold: '700Bold/NotoSerif_700Bold.ttf',
  italic: '400Regular_Italic/NotoSerif_400Regular_Italic.ttf',
};

const DEJAVU_DIR = '/usr/share/fonts/truetype/dejavu';
const DEJAVU_FACES: FontFiles = {
  regular: path.join(DEJAVU_DIR, 'DejaVuSerif.ttf'),
  bold: path.join(DEJAVU_DIR, 'DejaVuSerif-Bold.ttf'),
  italic: path.join(DEJAVU_DIR, 'DejaVuSerif-Italic.ttf'),
};

/** Raised when no usable font is installed; the message says what to install. */
export class PdfFontMissingError extends Error {
  constructor(readonly tried: string[]) {
    super(
      `No font with Vietnamese glyphs found for PDF forms. Install the npm package ${FONT_PACKAGE} ` +
        `(or Debian's fonts-dejavu-core), or pass font paths explicitly. Tried:\n  ${tried.join('\n  ')}`,
    );
    this.name = 'PdfFontMissingError';
  }
}

function allExist(files: FontFiles): boolean {
  return Object.values(files).every((f) => fs.existsSync(f));
}

/** The package's faces under `root/node_modules`, for `root` = cwd and each parent (workspaces hoist). */
function notoCandidates(cwd: string): FontFiles[] {
  const out: FontFiles[] = [];
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'node_modules', ...FONT_PACKAGE.split('/'));
    const face = (k: keyof FontFiles) => path.join(pkg, NOTO_FACES[k]);
    out.push({ regular: face('regular'), bold: face('bold'), italic: face('italic') });
    if (path.dirname(dir) === dir) return out;
  }
}

/** Debian's DejaVu Serif (package fonts-dejavu-core), used when the npm package is not installed. */
export const SYSTEM_FONT_FALLBACKS: readonly FontFiles[] = [DEJAVU_FACES];

/** Finds the fonts, preferring the npm package; throws {@link PdfFontMissingError} when none is complete. */
export function resolveFontFiles(cwd = process.cwd(), fallbacks = SYSTEM_FONT_FALLBACKS): FontFiles {
  const candidates = [...notoCandidates(cwd), ...fallbacks];
  const found = candidates.find(allExist);
  if (!found) throw new PdfFontMissingError(candidates.map((c) => c.regular));
  return found;
}

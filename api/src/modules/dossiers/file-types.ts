/** Accepted attachment types, recognised by their first bytes (magic numbers), never by name or header. */

/** An accepted type. */
export interface FileType {
  mediaType: string;
  extension: string;
}

const startsWith = (data: Buffer, bytes: number[], offset = 0): boolean =>
  data.length >= offset + bytes.length && bytes.every((b, i) => data[offset + i] === b);

/**
 * The type of `data`, or undefined when it is not one we accept: PDF, JPEG, PNG, and Office Open XML
 * (docx/xlsx: a ZIP whose first entry names an OOXML part) or an OpenDocument text.
 */
export function detectFileType(data: Buffer): FileType | undefined {
  if (startsWith(data, [0x25, 0x50, 0x44, 0x46, 0x2d]))
    return { mediaType: 'application/pdf', extension: 'pdf' };
  if (startsWith(data, [0xff, 0xd8, 0xff])) return { mediaType: 'image/jpeg', extension: 'jpg' };
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { mediaType: 'image/png', extension: 'png' };
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04])) {
    const head = data.subarray(0, Math.min(data.length, 4096)).toString('latin1');
    if (head.includes('word/')) {
      return {
        mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        extension: 'docx',
      };
    }
    if (head.includes('xl/')) {
      return {
        mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        extension: 'xlsx',
      };
    }
    if (head.includes('[Content_Types].xml')) {
      return {
        mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        extension: 'docx',
      };
    }
    if (head.includes('application/vnd.oasis.opendocument.text')) {
      return { mediaType: 'application/vnd.oasis.opendocument.text', extension: 'odt' };
    }
  }
  return undefined;
}

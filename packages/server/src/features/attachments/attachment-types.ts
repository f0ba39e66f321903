/**
 * The files people attach to reports and obstacles: documents, spreadsheets, scans and
 * photos. The type is decided here from the name, never taken from the client, and served
 * back as a download so a browser never renders an uploaded file as a page.
 */
const mediaTypes: Record<string, string> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  txt: 'text/plain; charset=utf-8',
};

export const allowedExtensions = Object.keys(mediaTypes);

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export function mediaTypeOf(fileName: string): string | null {
  const extension = fileName.toLowerCase().split('.').pop() ?? '';
  return fileName.includes('.') ? (mediaTypes[extension] ?? null) : null;
}

/** Keeps the name readable in Vietnamese but strips path parts and control characters. */
export function cleanFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return cleaned.slice(-200) || 'tep-dinh-kem';
}

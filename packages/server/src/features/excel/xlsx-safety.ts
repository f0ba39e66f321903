import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import zlib from 'node:zlib';
import { AppError } from '../../errors';

export interface XlsxLimits {
  maxBytes: number;
  maxEntries: number;
  /** Total size of the unpacked entries. */
  maxUnpackedBytes: number;
  /** Unpacked ÷ packed size of one entry above 1 MiB; spreadsheet XML stays well below. */
  maxRatio: number;
}

export const MiB = 1024 * 1024;

export const defaultXlsxLimits: XlsxLimits = {
  maxBytes: 20 * MiB,
  maxEntries: 2000,
  maxUnpackedBytes: 400 * MiB,
  maxRatio: 250,
};

export interface XlsxSheetInfo {
  name: string;
  path: string;
  /** Merged ranges such as "A3:C3". */
  mergedRanges: string[];
}

export interface PreparedXlsx {
  /** The workbook repacked for the streaming reader (see `repackEntry`). */
  bytes: Buffer;
  sheets: XlsxSheetInfo[];
}

interface ZipEntry {
  name: string;
  method: number;
  packed: number;
  unpacked: number;
  localOffset: number;
}

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

const notXlsx = (detail: string) =>
  new AppError(
    'file_not_xlsx',
    `${detail} Hãy tải lên tệp .xlsx (Excel 2007 trở lên), ví dụ biểu mẫu tải từ hệ thống.`,
  );
const unsafe = (detail: string) =>
  new AppError(
    'file_unsafe',
    `${detail} Tệp có thể bị hỏng hoặc được tạo để gây quá tải; hệ thống không đọc tệp này.`,
  );

export function tooLarge(limits: XlsxLimits = defaultXlsxLimits): AppError {
  return new AppError(
    'file_too_large',
    `Tệp lớn hơn ${limits.maxBytes / MiB} MB. Hãy chia thành nhiều tệp nhỏ hơn (ví dụ theo từng huyện) rồi tải lên lần lượt.`,
  );
}

/**
 * An encrypted Office file is an OLE compound file holding an "EncryptionInfo" stream; an old
 * .xls is an OLE file too, without it. Directory names are UTF-16.
 */
function rejectOleFile(bytes: Buffer): never {
  if (bytes.includes(Buffer.from('EncryptionInfo', 'utf16le'))) {
    throw new AppError(
      'file_encrypted',
      'Tệp Excel đang được đặt mật khẩu nên hệ thống không đọc được. Hãy mở tệp bằng Excel, gỡ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hóa bằng mật khẩu, xóa mật khẩu), lưu lại rồi tải lên.',
    );
  }
  throw notXlsx('Tệp có định dạng Excel 97–2003 (.xls) cũ.');
}

function findEndOfDirectory(bytes: Buffer): number {
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= earliest; at--) {
    if (bytes.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  }
  throw notXlsx('Tệp nén (ZIP) bị hỏng hoặc không trọn vẹn.');
}

function readDirectory(bytes: Buffer, limits: XlsxLimits): ZipEntry[] {
  const end = findEndOfDirectory(bytes);
  const count = bytes.readUInt16LE(end + 10);
  const offset = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || offset === 0xffffffff)
    throw unsafe('Tệp dùng định dạng ZIP64, không cần cho một bảng tính.');
  if (count > limits.maxEntries) throw unsafe(`Tệp chứa ${count} thành phần (tối đa ${limits.maxEntries}).`);
  const entries: ZipEntry[] = [];
  let at = offset;
  let unpackedTotal = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== DIRECTORY_ENTRY) {
      throw notXlsx('Mục lục của tệp nén (ZIP) bị hỏng.');
    }
    const flags = bytes.readUInt16LE(at + 8);
    const entry: ZipEntry = {
      method: bytes.readUInt16LE(at + 10),
      packed: bytes.readUInt32LE(at + 20),
      unpacked: bytes.readUInt32LE(at + 24),
      name: bytes.toString('utf8', at + 46, at + 46 + bytes.readUInt16LE(at + 28)),
      localOffset: bytes.readUInt32LE(at + 42),
    };
    if (flags & 0x1) {
      throw new AppError(
        'file_encrypted',
        'Tệp nén được mã hóa bằng mật khẩu. Hãy gỡ mật khẩu, lưu lại dạng .xlsx rồi tải lên.',
      );
    }
    if (entry.method !== 0 && entry.method !== 8)
      throw unsafe(`Thành phần "${entry.name}" dùng kiểu nén lạ.`);
    unpackedTotal += entry.unpacked;
    if (unpackedTotal > limits.maxUnpackedBytes) {
      throw unsafe(`Dữ liệu giải nén vượt ${limits.maxUnpackedBytes / MiB} MB.`);
    }
    if (entry.unpacked > MiB && entry.unpacked > entry.packed * limits.maxRatio) {
      throw unsafe(`Thành phần "${entry.name}" nén với tỷ lệ bất thường (zip bomb).`);
    }
    entries.push(entry);
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return entries;
}

function packedData(bytes: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL_HEADER) {
    throw notXlsx(`Thành phần "${entry.name}" của tệp nén bị hỏng.`);
  }
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  if (start + entry.packed > bytes.length) throw notXlsx('Tệp nén (ZIP) không trọn vẹn.');
  return bytes.subarray(start, start + entry.packed);
}

const mergeCellPattern = /<(?:\w+:)?mergeCell\s[^>]*?ref="([A-Z]+\d+(?::[A-Z]+\d+)?)"/g;
const nonAscii = /[\u0080-\u{10FFFF}]/gu;

interface RepackedEntry {
  name: string;
  data: Buffer;
  crc: number;
  size: number;
}

/**
 * ExcelJS's streaming reader decodes every chunk of XML on its own, so a Vietnamese letter
 * split between two chunks comes out as "��". Writing every non-ASCII character as a
 * character reference (&#7841;) leaves no multi-byte character to split; the XML means the
 * same. Entries are unpacked as a stream and stopped as soon as they produce more than their
 * directory declared, so a forged directory cannot hide a zip bomb. Sheet XML is scanned on
 * the way for merged cells, which the streaming reader does not report.
 */
async function repackEntry(
  bytes: Buffer,
  entry: ZipEntry,
  onText: (text: string) => void,
): Promise<RepackedEntry> {
  const data = packedData(bytes, entry);
  const source =
    entry.method === 0 ? Readable.from([data]) : Readable.from([data]).pipe(zlib.createInflateRaw());
  const decoder = new StringDecoder('utf8');
  const out: Buffer[] = [];
  let produced = 0;
  let crc = 0;
  let size = 0;
  const toAscii = (text: string): Buffer => {
    onText(text);
    const ascii = Buffer.from(
      text.replace(nonAscii, (c) => `&#${c.codePointAt(0)};`),
      'latin1',
    );
    crc = zlib.crc32(ascii, crc);
    size += ascii.length;
    return ascii;
  };
  try {
    await pipeline(
      source,
      async function* (chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          produced += chunk.length;
          if (produced > entry.unpacked) {
            throw unsafe(`Thành phần "${entry.name}" giải nén ra nhiều hơn kích thước khai báo (zip bomb).`);
          }
          yield toAscii(decoder.write(chunk));
        }
        yield toAscii(decoder.end());
      },
      zlib.createDeflateRaw({ level: 1 }),
      async (deflated: AsyncIterable<Buffer>) => {
        for await (const chunk of deflated) out.push(chunk);
      },
    );
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw notXlsx(`Không giải nén được thành phần "${entry.name}".`);
  }
  if (produced !== entry.unpacked) {
    throw unsafe(`Thành phần "${entry.name}" có kích thước khác với khai báo.`);
  }
  return { name: entry.name, data: Buffer.concat(out), crc, size };
}

/** A plain zip (deflate, sizes and CRC in the local headers) of the repacked entries. */
function writeZip(entries: readonly RepackedEntry[]): Buffer {
  const parts: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(DIRECTORY_ENTRY, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(entry.crc >>> 0, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    parts.push(local, name, entry.data);
    directory.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_DIRECTORY, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directoryBytes, end]);
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const match of tag.matchAll(/([\w:]+)="([^"]*)"/g)) {
    if (match[1] !== undefined && match[2] !== undefined) out.set(match[1], decodeXml(match[2]));
  }
  return out;
}

/** Sheet name → part path, from the workbook and its relationships. */
function sheetPaths(workbookXml: string, relsXml: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const tag of relsXml.match(/<(?:\w+:)?Relationship\s[^>]*>/g) ?? []) {
    const attrs = attributes(tag);
    const id = attrs.get('Id');
    const target = attrs.get('Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const paths = new Map<string, string>();
  for (const tag of workbookXml.match(/<(?:\w+:)?sheet\s[^>]*>/g) ?? []) {
    const attrs = attributes(tag);
    const name = attrs.get('name');
    const relId = [...attrs.entries()].find(([key]) => key.endsWith(':id'))?.[1];
    const target = relId === undefined ? undefined : targets.get(relId);
    if (name !== undefined && target !== undefined) paths.set(target, name);
  }
  return paths;
}

/**
 * Checks an upload before any spreadsheet parser sees it — size, that it is a zip and an
 * Excel workbook, not encrypted, not a zip bomb (declared and actual sizes, ratio, entry
 * count) — and repacks its XML so the streaming reader decodes it correctly. Returns the
 * repacked workbook and its sheets with their merged cells. Throws `AppError` with a
 * Vietnamese message saying what to do.
 */
export async function prepareXlsx(
  bytes: Buffer,
  limits: XlsxLimits = defaultXlsxLimits,
): Promise<PreparedXlsx> {
  if (bytes.length > limits.maxBytes) throw tooLarge(limits);
  if (bytes.length >= OLE_MAGIC.length && bytes.subarray(0, OLE_MAGIC.length).equals(OLE_MAGIC)) {
    rejectOleFile(bytes);
  }
  if (bytes.length < 22 || !bytes.subarray(0, ZIP_MAGIC.length).equals(ZIP_MAGIC)) {
    throw notXlsx('Tệp không phải là bảng tính Excel.');
  }
  const entries = readDirectory(bytes, limits);
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) {
    throw notXlsx('Tệp là tệp nén nhưng không phải sổ làm việc Excel (có thể là .docx, .ods hoặc tệp khác).');
  }
  const repacked: RepackedEntry[] = [];
  const merges = new Map<string, string[]>();
  const kept = new Map<string, string>();
  for (const entry of entries) {
    // Pictures, printer settings and macros play no part in reading values.
    if (!/\.(xml|rels)$/.test(entry.name)) continue;
    const isSheet = /^xl\/worksheets\/[^/]+\.xml$/.test(entry.name);
    const keep = entry.name === 'xl/workbook.xml' || entry.name === 'xl/_rels/workbook.xml.rels';
    const found: string[] = [];
    let tail = '';
    let text = '';
    repacked.push(
      await repackEntry(bytes, entry, (chunk) => {
        if (keep) text += chunk;
        if (!isSheet) return;
        const window = tail + chunk;
        for (const match of window.matchAll(mergeCellPattern)) {
          if (match[1] !== undefined && !found.includes(match[1])) found.push(match[1]);
        }
        tail = window.slice(-200);
      }),
    );
    if (keep) kept.set(entry.name, text);
    if (isSheet) merges.set(entry.name, found);
  }
  const nameByPath = sheetPaths(
    kept.get('xl/workbook.xml') ?? '',
    kept.get('xl/_rels/workbook.xml.rels') ?? '',
  );
  return {
    bytes: writeZip(repacked),
    sheets: [...merges.entries()].map(([path, mergedRanges]) => ({
      name: nameByPath.get(path) ?? path,
      path,
      mergedRanges,
    })),
  };
}

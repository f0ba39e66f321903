import { describe, expect, it } from 'vitest';
import { cleanFileName, mediaTypeOf } from './attachment-types';

describe('attachment types', () => {
  it('decides the media type from the extension, case-insensitively', () => {
    expect(mediaTypeOf('Báo cáo tiến độ.PDF')).toBe('application/pdf');
    expect(mediaTypeOf('anh-hien-truong.jpeg')).toBe('image/jpeg');
  });

  it('refuses files that could run or render as a page, and names without an extension', () => {
    expect(mediaTypeOf('trang.html')).toBeNull();
    expect(mediaTypeOf('setup.exe')).toBeNull();
    expect(mediaTypeOf('pdf')).toBeNull();
  });

  it('keeps Vietnamese names but drops folders, quotes and control characters', () => {
    expect(cleanFileName('C:\\Users\\xa\\Biên bản "họp".docx')).toBe('Biên bản họp.docx');
    expect(cleanFileName('../../etc/passwd.txt')).toBe('passwd.txt');
    expect(cleanFileName('\u0000')).toBe('tep-dinh-kem');
  });
});

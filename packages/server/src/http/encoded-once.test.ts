import { describe, expect, it } from 'vitest';
import { acceptsGzip } from './encoded-once';

describe('which clients take gzip', () => {
  it('reads the Accept-Encoding list with its weights', () => {
    expect(acceptsGzip('gzip, deflate, br, zstd')).toBe(true);
    expect(acceptsGzip('br;q=1.0, GZIP;q=0.5')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip(['deflate', 'gzip'])).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('gzip; q=0.000, br')).toBe(false);
    expect(acceptsGzip('br, deflate')).toBe(false);
    expect(acceptsGzip('x-gzip-like')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});

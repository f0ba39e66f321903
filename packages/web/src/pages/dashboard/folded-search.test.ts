import { describe, expect, it } from 'vitest';
import { foldedSearch } from './folded-search';

describe('foldedSearch', () => {
  it('matches option labels whatever the diacritics and case typed', () => {
    const matches = (input: string, label: string) => foldedSearch.filterOption(input, { label });
    expect(matches('lam son', 'Huyện Lâm Sơn')).toBe(true);
    expect(matches('ĐỒNG', 'Xã Đông Hòa')).toBe(true);
    expect(matches('dong hoa', 'Xã Đồng Hưng')).toBe(false);
  });
});

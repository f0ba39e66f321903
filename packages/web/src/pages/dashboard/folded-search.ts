import { foldDiacritics } from '@ntm/core/format';

/** Search settings for a Select whose options are names: typing "lam son" finds "Huyện Lâm Sơn". */
export const foldedSearch = {
  filterOption: (input: string, option?: { label?: unknown }) =>
    foldDiacritics(String(option?.label ?? '')).includes(foldDiacritics(input)),
};

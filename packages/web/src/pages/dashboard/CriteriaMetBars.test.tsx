// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { CriteriaMetBars } from './CriteriaMetBars';
import { buildCommuneRow, buildRollup } from './test-builders';
import { renderWithProviders } from './test-render';

afterEach(cleanup);

describe('CriteriaMetBars', () => {
  it('shows communes meeting each criterion as text and links to the communes that do not', () => {
    const rollup = buildRollup([
      buildCommuneRow({ unitId: 'a' }),
      buildCommuneRow({ unitId: 'b', outcomes: ['met', 'not_met', 'no_data'] }),
    ]);
    renderWithProviders(<CriteriaMetBars rollup={rollup} heatmapSearch="nam=2021" />);
    expect(screen.getByTestId('criterion-met-count-1').textContent).toBe('2/2');
    expect(screen.getByTestId('criterion-met-count-2').dataset.value).toBe('1');
    const link = screen.getByRole('listitem', { name: /^TC 2 Giao thông: 1\/2/ });
    expect(link.getAttribute('href')).toBe('/ma-tran?nam=2021&tc=2&kq=not_met');
    expect(link.getAttribute('aria-label')).toContain('Đạt 1 · chưa đạt 1 · chưa có số liệu 0');
  });
});

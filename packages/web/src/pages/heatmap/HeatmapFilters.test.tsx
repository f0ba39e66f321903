// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildRollup } from '../dashboard/test-builders';
import { renderWithProviders } from '../dashboard/test-render';
import { HeatmapFilters } from './HeatmapFilters';
import { emptyFilter } from './heatmap-filter';

afterEach(cleanup);

const districts = [
  { id: 'd-1', name: 'Huyện Yên Thọ' },
  { id: 'd-2', name: 'Huyện Ân Thi' },
];

describe('HeatmapFilters', () => {
  it('passes what is typed in the search box on, keeping the other filters', () => {
    const onChange = vi.fn();
    renderWithProviders(
      <HeatmapFilters
        filter={{ ...emptyFilter, district: 'd-1' }}
        onChange={onChange}
        rollup={buildRollup()}
        districts={districts}
      />,
    );
    fireEvent.change(screen.getByRole('searchbox', { name: 'Tìm xã (không dấu cũng được)' }), {
      target: { value: 'dong hoa' },
    });
    expect(onChange).toHaveBeenCalledWith({ ...emptyFilter, district: 'd-1', q: 'dong hoa' });
  });

  it('asks for the criterion’s outcome only once a criterion is chosen, and clears filters but not the sort', () => {
    const onChange = vi.fn();
    const { rerender } = renderWithProviders(
      <HeatmapFilters
        filter={emptyFilter}
        onChange={onChange}
        rollup={buildRollup()}
        districts={districts}
      />,
    );
    expect(screen.queryByTestId('filter-outcome')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Bỏ lọc' })).toBeNull();
    const filtered = {
      ...emptyFilter,
      criterion: '2',
      outcome: 'not_met' as const,
      sort: 'met-asc' as const,
    };
    rerender(
      <HeatmapFilters filter={filtered} onChange={onChange} rollup={buildRollup()} districts={districts} />,
    );
    expect(screen.queryByTestId('filter-outcome')).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Bỏ lọc' }));
    expect(onChange).toHaveBeenLastCalledWith({ ...emptyFilter, sort: 'met-asc' });
  });
});

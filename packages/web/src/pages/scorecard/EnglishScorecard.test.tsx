// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { QueryState } from '../../components/QueryState';
import { CatalogLanguageNote } from '../catalog/CatalogLanguageNote';
import { renderWithProviders } from '../dashboard/test-render';
import { IndicatorTable } from './IndicatorTable';
import type { CriterionResult, IndicatorResult } from './indicator-format';

const base: Omit<IndicatorResult, 'code' | 'value' | 'outcome' | 'gap'> = {
  name: 'Tỷ lệ hộ nghèo',
  measure: 'poverty_rate',
  unit: '%',
  valueType: 'percent',
  comparator: 'lte',
  threshold: {
    value: 5,
    source: { ref: 'S1', verified: true },
    illustrative: false,
    selectedBy: 'ngưỡng chung',
  },
  leadDepartment: 'labour',
  provenance: 'own',
};

const poverty: IndicatorResult = {
  ...base,
  code: '11.1',
  value: 6.2,
  outcome: 'not_met',
  gap: {
    amount: -1.2,
    unit: 'điểm %',
    sentence: 'Tỷ lệ hộ nghèo 6,2% — cao hơn ngưỡng 5% là 1,2 điểm %',
    normalised: 0.24,
  },
};

const criterion: CriterionResult = {
  number: '11',
  name: 'Nghèo đa chiều',
  group: null,
  leadDepartment: 'labour',
  outcome: 'not_met',
  indicatorsMet: 0,
  indicatorsTotal: 1,
  indicators: [poverty],
};

afterEach(() => {
  cleanup();
  localStorage.clear();
});

describe('the scorecard in English', () => {
  beforeEach(() => localStorage.setItem('ntm.language', 'en'));

  it('writes the gap in English from the figures, and keeps the catalog name in Vietnamese', () => {
    renderWithProviders(<IndicatorTable criterion={criterion} trend={undefined} compact={false} />);
    expect(screen.getByText('6,2% — 1,2 percentage points above the threshold 5%').textContent).toBe(
      '6,2% — 1,2 percentage points above the threshold 5%',
    );
    expect(screen.queryByText(/cao hơn ngưỡng/)).toBeNull();
    expect(screen.getByText('Tỷ lệ hộ nghèo').textContent).toBe('Tỷ lệ hộ nghèo');
  });

  it('says why criterion names stay Vietnamese', () => {
    renderWithProviders(<CatalogLanguageNote />);
    expect(screen.getByTestId('catalog-language-note').textContent).toMatch(/quoted in Vietnamese/);
  });

  it('explains a refusal by its code, and quotes the server', () => {
    const query = {
      data: undefined,
      error: new ApiError(403, 'forbidden', 'Bạn không có quyền xem Xã A.'),
      isPending: false,
      refetch: () => undefined,
    };
    renderWithProviders(<QueryState query={query}>{() => null}</QueryState>);
    expect(screen.getByText(/You may not see this data/).textContent).toContain(
      'Bạn không có quyền xem Xã A.',
    );
  });
});

describe('the scorecard in Vietnamese', () => {
  it("keeps the server's gap sentence without repeating the indicator name", () => {
    renderWithProviders(<IndicatorTable criterion={criterion} trend={undefined} compact={false} />);
    expect(screen.getByText('6,2% — cao hơn ngưỡng 5% là 1,2 điểm %').textContent).toBe(
      '6,2% — cao hơn ngưỡng 5% là 1,2 điểm %',
    );
    expect(screen.queryByTestId('catalog-language-note')).toBeNull();
  });
});

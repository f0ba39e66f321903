// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithProviders } from '../dashboard/test-render';
import { CriteriaList } from './CriteriaList';
import type { CriterionResult, IndicatorResult } from './indicator-format';

afterEach(cleanup);

function indicator(code: string, outcome: IndicatorResult['outcome']): IndicatorResult {
  return {
    code,
    name: `Chỉ tiêu ${code}`,
    measure: `m_${code}`,
    unit: '%',
    valueType: 'percent',
    comparator: 'gte',
    value: outcome === 'no_data' ? null : outcome === 'met' ? 90 : 70,
    threshold: {
      value: 80,
      source: { ref: 'S5', verified: true },
      illustrative: false,
      selectedBy: 'ngưỡng chung',
    },
    outcome,
    gap:
      outcome === 'no_data'
        ? null
        : {
            amount: outcome === 'met' ? 10 : -10,
            unit: 'điểm %',
            sentence: `Chỉ tiêu ${code} ${outcome === 'met' ? '90% — đạt ngưỡng ≥ 80%' : '70% — thấp hơn ngưỡng 80% là 10 điểm %'}`,
            normalised: outcome === 'met' ? 0 : 0.125,
          },
    leadDepartment: 'health',
    provenance: outcome === 'no_data' ? null : 'own',
  };
}

function criterion(number: string, name: string, outcome: IndicatorResult['outcome']): CriterionResult {
  return {
    number,
    name,
    group: null,
    leadDepartment: 'health',
    outcome,
    indicatorsMet: outcome === 'met' ? 1 : 0,
    indicatorsTotal: 1,
    indicators: [indicator(`${number}.1`, outcome)],
  };
}

const criteria = [
  criterion('1', 'Quy hoạch', 'met'),
  criterion('2', 'Giao thông', 'not_met'),
  criterion('3', 'Thủy lợi', 'no_data'),
];

describe('CriteriaList', () => {
  it('opens the criteria not met, with the gap sentence after the indicator name', () => {
    renderWithProviders(<CriteriaList criteria={criteria} trend={undefined} compact={false} />);
    expect(screen.getByText('70% — thấp hơn ngưỡng 80% là 10 điểm %').textContent).toBe(
      '70% — thấp hơn ngưỡng 80% là 10 điểm %',
    );
    expect(screen.queryByText('90% — đạt ngưỡng ≥ 80%')).toBeNull();
  });

  it('filters to the criteria not met or without data', () => {
    renderWithProviders(<CriteriaList criteria={criteria} trend={undefined} compact={false} />);
    const shown = () => screen.queryAllByTestId(/^criterion-/).map((e) => e.getAttribute('data-testid'));
    expect(shown()).toEqual(['criterion-1', 'criterion-2', 'criterion-3']);
    fireEvent.click(screen.getByText('Chưa đạt (1)'));
    expect(shown()).toEqual(['criterion-2']);
    fireEvent.click(screen.getByText('Chưa có số liệu (1)'));
    expect(shown()).toEqual(['criterion-3']);
  });

  it('shows every indicator as a block of its own on a phone', () => {
    renderWithProviders(<CriteriaList criteria={criteria} trend={undefined} compact />);
    fireEvent.click(screen.getByText('Mở tất cả'));
    const rows = screen.getAllByTestId(/^indicator-/);
    expect(rows.map((r) => [r.tagName, r.getAttribute('data-outcome')])).toEqual([
      ['DIV', 'met'],
      ['DIV', 'not_met'],
      ['DIV', 'no_data'],
    ]);
  });
});

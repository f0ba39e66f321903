// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TargetsCard } from './TargetsCard';
import { renderWithProviders } from './test-render';

const target = (
  metric: string,
  label: string,
  target: number,
  actual: number | null,
  scopeUnitId = 'p-1',
) => ({
  id: `t-${metric}`,
  year: 2021,
  scopeUnitId,
  metric,
  metricLabel: label,
  label,
  target,
  actual,
  progress: actual === null ? null : actual / target,
  directiveId: 'dir-1',
  note: null,
  params: {},
  direction: 'at_least',
  forecast: { expected: actual, min: actual, max: actual, onTrack: null, monthsLeft: 0, assumptions: [] },
  registeredCount: 0,
});

beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () =>
      Response.json({
        year: 2021,
        directives: [
          {
            id: 'dir-1',
            number: '06/CT-UBND',
            date: '2021-03-12',
            issuer: 'UBND Tỉnh Thử',
            title: 'Chỉ thị',
            summary: '',
            isDemo: true,
          },
        ],
        targets: [
          target('average_criteria_per_commune', 'Bình quân 17,5 tiêu chí/xã', 17.5, 17.119),
          target('communes_standard_new', 'Thêm 8 xã đạt chuẩn NTM', 8, 6),
          target('communes_model_new', '2 xã kiểu mẫu ở huyện', 2, 1, 'd-1'),
        ],
      }),
    ),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('TargetsCard', () => {
  it('lists the area’s targets in the directive’s order with their numbers and the directive', async () => {
    renderWithProviders(<TargetsCard year={2021} areaId="p-1" areaName="Tỉnh Thử" />);
    const standard = await screen.findByTestId('target-communes_standard_new');
    expect(standard.dataset).toMatchObject({ actual: '6', target: '8' });
    expect(standard.textContent).toContain('Còn thiếu 2 xã');
    const average = screen.getByTestId('target-average_criteria_per_commune');
    expect(average.textContent).toContain('17,12 / 17,5 tiêu chí/xã');
    expect(screen.queryByTestId('target-communes_model_new')).toBeNull();
    expect(standard.compareDocumentPosition(average) & Node.DOCUMENT_POSITION_FOLLOWING).toBe(
      Node.DOCUMENT_POSITION_FOLLOWING,
    );
    expect(
      screen.getByText(/Theo Chỉ thị 06\/CT-UBND ngày 12\/03\/2021 của UBND Tỉnh Thử/).textContent,
    ).toMatch(/Theo Chỉ thị 06\/CT-UBND ngày 12\/03\/2021 của UBND Tỉnh Thử/);
  });

  it('says when the area has no targets for the year', async () => {
    renderWithProviders(<TargetsCard year={2021} areaId="d-2" areaName="Huyện Ân Thi" />);
    expect(
      (await screen.findByText('Năm 2021 chưa có mục tiêu kế hoạch giao cho Huyện Ân Thi.')).textContent,
    ).toBe('Năm 2021 chưa có mục tiêu kế hoạch giao cho Huyện Ân Thi.');
  });
});

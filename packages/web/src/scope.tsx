import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/** Years with data in the demo province; the server answers for any year, this is only the picker's list. */
export const selectableYears = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026] as const;
export const defaultYear = 2021;

export interface Scope {
  year: number;
  /** Unit whose subtree is shown; undefined = the province of the year. */
  unitId: string | undefined;
  setYear(year: number): void;
  setUnitId(unitId: string | undefined): void;
}

export function yearOf(params: URLSearchParams): number {
  const parsed = Number(params.get('nam'));
  return Number.isInteger(parsed) && parsed >= 2000 && parsed <= 2100 ? parsed : defaultYear;
}

/** Year and area live in the URL, so every view can be bookmarked and shared. */
export function useScope(): Scope {
  const [params, setParams] = useSearchParams();
  const year = yearOf(params);
  const unitId = params.get('dv') ?? undefined;
  const setYear = useCallback(
    (next: number) =>
      setParams((current) => {
        const copy = new URLSearchParams(current);
        copy.set('nam', String(next));
        return copy;
      }),
    [setParams],
  );
  const setUnitId = useCallback(
    (next: string | undefined) =>
      setParams((current) => {
        const copy = new URLSearchParams(current);
        if (next === undefined) copy.delete('dv');
        else copy.set('dv', next);
        return copy;
      }),
    [setParams],
  );
  return { year, unitId, setYear, setUnitId };
}

/** The date a year's tree is read at: its last day (the 2025 reorganisation applies from 1/7/2025). */
export function yearEndDate(year: number): string {
  return `${year}-12-31`;
}

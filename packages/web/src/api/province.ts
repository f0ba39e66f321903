import { useRootUnits } from './queries';

/** The province as it stood at the end of `year` (three levels before 1/7/2025, two after). */
export function useProvinceOfYear(year: number) {
  const roots = useRootUnits(`${year}-12-31`);
  return { ...roots, province: roots.data?.units[0] };
}

import { formatNumber } from '../format/vi';
import { metricTier, type TargetDirection, type TargetMetric } from './target';

/** How a registered unit is expected to end the year. */
export type UnitOutlook = 'recognised' | 'likely' | 'possible' | 'unlikely';

export interface RegisteredUnitStatus {
  unitId: string;
  /** Holds a decision of the tier dated on or before the forecast's day: already in the actual. */
  recognised: boolean;
  /** Criteria still unmet under the tier's set; null when the unit could not be evaluated. */
  criteriaMissing: number | null;
  /** A recognition of the tier under way (registered, dossier, appraised). */
  pendingRecognition: 'registered' | 'dossier' | 'appraised' | 'decided' | 'revoked' | null;
}

export interface ForecastInput {
  metric: TargetMetric;
  direction: TargetDirection;
  year: number;
  /** The day the forecast is made; on or after the year's end the year is closed. */
  asOf: string;
  target: number;
  /** The actual on `asOf`. */
  actual: number | null;
  /** Units of the approved registrations for the metric's tier (empty for other metrics). */
  registered: readonly RegisteredUnitStatus[];
  /**
   * Criteria a commune gained per year on average over the previous years (from the roll-ups),
   * with the years it was measured on; null when there is not enough history.
   */
  pace: { criteriaPerYear: number; fromYear: number; toYear: number } | null;
  /** Criteria met by each evaluated commune (for `communes_under_criteria`). */
  communeCriteriaMet?: readonly number[] | null;
  belowCriteria?: number;
  /** Criteria in the set, which caps the average. */
  criteriaTotal?: number;
}

export interface TargetForecast {
  /** The most likely year-end value. */
  expected: number | null;
  /** The range the year-end value is expected in. */
  min: number | null;
  max: number | null;
  /** Whether `expected` reaches the target; null without a forecast. */
  onTrack: boolean | null;
  monthsLeft: number;
  units: { unitId: string; outlook: UnitOutlook }[];
  /** The assumptions, in Vietnamese, shown with the forecast. */
  assumptions: string[];
}

/** Used when the roll-ups of earlier years are missing; said so in the assumptions. */
export const DEFAULT_PACE = 1;

const DAY = 24 * 60 * 60 * 1000;

/** Months (fractional) from `asOf` to the end of `year`; 0 once the year is over, 12 before it starts. */
export function monthsLeftInYear(year: number, asOf: string): number {
  const end = Date.UTC(year, 11, 31);
  const start = Date.UTC(year, 0, 1) - DAY;
  const day = Date.parse(`${asOf}T00:00:00Z`);
  const clamped = Math.min(end, Math.max(start, day));
  return ((end - clamped) / (end - start)) * 12;
}

function outlookOf(unit: RegisteredUnitStatus, capacity: number, monthsLeft: number): UnitOutlook {
  if (unit.recognised) return 'recognised';
  if (monthsLeft <= 0) return 'unlikely';
  if (unit.criteriaMissing === null) return 'possible';
  if (unit.criteriaMissing === 0) {
    // A dossier takes time to appraise; with under a month left only one already under way is likely.
    return unit.pendingRecognition === 'dossier' || unit.pendingRecognition === 'appraised' || monthsLeft >= 1
      ? 'likely'
      : 'possible';
  }
  return unit.criteriaMissing <= capacity ? 'possible' : 'unlikely';
}

function reached(direction: TargetDirection, value: number, target: number): boolean {
  return direction === 'at_least' ? value >= target - 1e-9 : value <= target + 1e-9;
}

/**
 * The year-end forecast of a target: from the registered units' remaining gaps and the pace
 * the communes gained criteria at in the previous years. Every assumption is returned in words.
 */
export function forecastTarget(input: ForecastInput): TargetForecast {
  const monthsLeft = monthsLeftInYear(input.year, input.asOf);
  const months = formatNumber(monthsLeft, 1);
  const paceValue = input.pace?.criteriaPerYear ?? DEFAULT_PACE;
  const capacity = Math.max(0, paceValue) * (monthsLeft / 12);
  const assumptions: string[] = [];
  const paceText = input.pace
    ? `Tốc độ các năm ${input.pace.fromYear}–${input.pace.toYear}: bình quân mỗi xã tăng ${formatNumber(input.pace.criteriaPerYear, 2)} tiêu chí/năm.`
    : `Chưa đủ số liệu các năm trước để tính tốc độ; giả định mỗi xã tăng ${DEFAULT_PACE} tiêu chí/năm.`;
  const finish = (
    expected: number | null,
    min: number | null,
    max: number | null,
    units: TargetForecast['units'],
  ) => ({
    expected,
    min,
    max,
    onTrack: expected === null ? null : reached(input.direction, expected, input.target),
    monthsLeft,
    units,
    assumptions,
  });

  if (input.actual === null) {
    assumptions.push('Chưa tính được kết quả hiện tại nên không dự báo.');
    return finish(null, null, null, []);
  }
  if (monthsLeft <= 0) {
    assumptions.push(`Năm ${input.year} đã kết thúc: kết quả cuối năm là kết quả thực tế.`);
    return finish(
      input.actual,
      input.actual,
      input.actual,
      input.registered.map((u) => ({ unitId: u.unitId, outlook: outlookOf(u, 0, 0) })),
    );
  }
  assumptions.push(
    `Dự báo tại ngày ${input.asOf.split('-').reverse().join('/')}, còn ${months} tháng đến hết năm.`,
  );

  if (metricTier(input.metric) !== null) {
    const units = input.registered.map((u) => ({
      unitId: u.unitId,
      outlook: outlookOf(u, capacity, monthsLeft),
    }));
    // Recognitions outside the registration are already in the actual; only registered ones are added.
    const count = (o: UnitOutlook) => units.filter((u) => u.outlook === o).length;
    const likely = count('likely');
    const possible = count('possible');
    assumptions.push(
      'Chỉ tính thêm các đơn vị trong đăng ký đã được tỉnh duyệt; đơn vị chưa đăng ký không được cộng thêm.',
      'Đơn vị đã đạt đủ tiêu chí được coi là "nhiều khả năng" được công nhận trước cuối năm (tính 100%).',
      `Đơn vị còn thiếu tiêu chí nhưng số tiêu chí thiếu không vượt quá số tiêu chí có thể hoàn thành trong ${months} tháng còn lại theo tốc độ các năm trước (${formatNumber(capacity, 1)} tiêu chí) được coi là "có thể" (tính 50%); còn lại là "khó đạt" (không tính).`,
      'Đơn vị chưa có số liệu đánh giá được coi là "có thể".',
      paceText,
    );
    return finish(
      input.actual + likely + possible / 2,
      input.actual + likely,
      input.actual + likely + possible,
      units,
    );
  }

  if (input.metric === 'average_criteria_per_commune') {
    const cap = input.criteriaTotal ?? Number.POSITIVE_INFINITY;
    const expected = Math.min(cap, input.actual + capacity);
    assumptions.push(
      paceText,
      `Bình quân tiêu chí/xã được giả định tăng đều theo tốc độ đó trong ${months} tháng còn lại; mức thấp là giữ nguyên như hiện nay.`,
    );
    return finish(expected, input.actual, expected, []);
  }

  if (
    input.metric === 'communes_under_criteria' &&
    input.communeCriteriaMet &&
    input.belowCriteria !== undefined
  ) {
    const below = input.belowCriteria;
    const expected = input.communeCriteriaMet.filter((met) => met + capacity < below).length;
    assumptions.push(
      paceText,
      `Mỗi xã được giả định tăng ${formatNumber(capacity, 1)} tiêu chí trong ${months} tháng còn lại; mức cao là không xã nào tăng thêm.`,
    );
    return finish(expected, expected, input.actual, []);
  }

  assumptions.push('Chưa có mô hình dự báo cho loại mục tiêu này.');
  return finish(null, null, null, []);
}

/**
 * Criteria gained per commune per year over the previous years: the mean yearly change of the
 * average criteria met, from the earliest to the latest year given. Null with under two years.
 */
export function criteriaPace(
  averages: readonly { year: number; averageCriteriaMet: number }[],
): ForecastInput['pace'] {
  const sorted = [...averages].sort((a, b) => a.year - b.year);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (!first || !last || last.year === first.year) return null;
  return {
    criteriaPerYear: (last.averageCriteriaMet - first.averageCriteriaMet) / (last.year - first.year),
    fromYear: first.year,
    toYear: last.year,
  };
}

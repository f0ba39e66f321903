import {
  compareVietnamese,
  describeThreshold,
  formatNumber,
  formatPercent,
  type ObservedValue,
  tierLabels,
  type Unit,
  yearEnd,
} from '@ntm/core';
import type { Kysely } from 'kysely';
import type { RollupResponse } from '../../contract/evaluation';
import type {
  ReportFormat,
  ReportName,
  ReportQuery,
  TableColumnType,
  TableExportRequest,
} from '../../contract/reports';
import type { Database } from '../../db/schema';
import { AppError, type RowProblem } from '../../errors';
import { XLSX_TYPE } from '../../http/download';
import { type AccessScope, requireReadableUnit, scopeOf } from '../auth/access-scope';
import type { Viewer } from '../auth/viewer';
import { evaluateOneUnit, rollUpSubtree } from '../evaluation/evaluation.service';
import { targetProgress } from '../targets/targets.service';
import { getUnitDirectory, provinceOf, type UnitDirectory } from '../units/unit-directory';
import { renderPdf } from './render-pdf';
import { renderXlsx } from './render-xlsx';
import {
  bold,
  decimal,
  integer,
  percent,
  type ReportCell,
  type ReportDocument,
  type ReportTable,
  vietnamDate,
  vietnamTime,
} from './report-document';

export interface ReportFile {
  fileName: string;
  bytes: Buffer;
  contentType: string;
}

const outcomeWords = { met: 'Đạt', not_met: 'Không đạt', no_data: 'Chưa có số liệu' } as const;

const DEMO_NOTE = 'Dữ liệu demo (minh họa) của "Tỉnh Demo", không phải số liệu chính thức.';

interface Context {
  directory: UnitDirectory;
  /** Per-unit rows are limited to what the viewer may read; aggregates are public anyway. */
  scope: AccessScope;
  unit: Unit;
  year: number;
  date: string;
}

function issuerOf(ctx: Context): string {
  const province = provinceOf(ctx.directory, ctx.unit);
  const name = (province ?? ctx.unit).name.replace(/\s*\(.*\)\s*$/, '');
  return `UBND ${name.toUpperCase()}`;
}

function base(ctx: Context, name: ReportName, title: string, subtitle: string[]): ReportDocument {
  return {
    fileName: `bao-cao_${name}_${ctx.unit.code}_${ctx.year}`.replace(/[^\w.-]+/g, '-'),
    issuer: issuerOf(ctx),
    title,
    subtitle,
    unitName: ctx.unit.name,
    date: ctx.date,
    orientation: 'portrait',
    tables: [],
    notes: ctx.unit.isDemo ? [DEMO_NOTE] : [],
    signatures: true,
  };
}

function setNotes(rollup: Pick<RollupResponse, 'criteriaSet'>): string[] {
  const set = rollup.criteriaSet;
  const notes = [`Đánh giá theo ${set.name}, căn cứ ${set.legalBasis.number}.`];
  if (set.illustrative) notes.push('Bộ tiêu chí có ngưỡng minh họa, không phải ngưỡng chính thức.');
  return notes;
}

function criteriaResults(ctx: Context, rollup: RollupResponse): ReportDocument {
  const r = rollup.rollup;
  const doc = base(ctx, 'criteria-results', 'KẾT QUẢ THỰC HIỆN CÁC TIÊU CHÍ NÔNG THÔN MỚI', [
    `Năm ${ctx.year} — ${ctx.unit.name}`,
    `${r.evaluatedCount} xã được đánh giá; bình quân ${formatNumber(r.averageCriteriaMet, 1)} tiêu chí/xã`,
  ]);
  doc.tables.push({
    columns: [
      { header: 'TT', width: 5, align: 'center' },
      { header: 'Tiêu chí', width: 34 },
      { header: 'Số xã đạt', width: 11 },
      { header: 'Tỷ lệ xã đạt', width: 11 },
      { header: 'Số xã chưa đạt', width: 11 },
      { header: 'Chưa có số liệu', width: 11 },
    ],
    rows: [
      ...r.criteria.map((c): ReportCell[] => [
        c.number,
        c.name,
        integer(c.metCount),
        percent(100 * c.metShare),
        integer(c.notMetCount),
        integer(c.noDataCount),
      ]),
      [null, bold('Bình quân số tiêu chí đạt/xã'), decimal(r.averageCriteriaMet), null, null, null],
    ],
  });
  doc.notes.push(...setNotes(rollup));
  return doc;
}

function bands(ctx: Context, rollup: RollupResponse): ReportDocument {
  const r = rollup.rollup;
  const doc = base(ctx, 'bands', 'SỐ XÃ THEO SỐ TIÊU CHÍ ĐẠT VÀ THEO MỨC CÔNG NHẬN', [
    `Năm ${ctx.year} — ${ctx.unit.name}`,
  ]);
  const share = (n: number) => percent(r.evaluatedCount === 0 ? 0 : (100 * n) / r.evaluatedCount);
  doc.tables.push({
    title: 'Xã theo số tiêu chí đạt',
    columns: [
      { header: 'Nhóm', width: 30 },
      { header: 'Số xã', width: 12 },
      { header: 'Tỷ lệ', width: 12 },
    ],
    rows: [
      ...r.bands.map((b): ReportCell[] => [b.label, integer(b.count), share(b.count)]),
      [
        bold('Tổng số xã được đánh giá'),
        integer(r.evaluatedCount),
        percent(r.evaluatedCount === 0 ? 0 : 100),
      ],
    ],
  });
  const parents = new Map<string, Map<string, number>>();
  for (const commune of rollup.communes) {
    const key = commune.parentId ?? '';
    const counts = parents.get(key) ?? new Map<string, number>();
    counts.set(commune.band, (counts.get(commune.band) ?? 0) + 1);
    parents.set(key, counts);
  }
  if (parents.size > 1) {
    const names = [...parents.keys()]
      .map((id) => ({ id, name: ctx.directory.byId.get(id)?.name ?? '' }))
      .sort((a, b) => compareVietnamese(a.name, b.name));
    doc.tables.push({
      title: 'Theo đơn vị cấp huyện',
      columns: [
        { header: 'Đơn vị', width: 26 },
        ...r.bands.map((b) => ({ header: b.label, width: 11 })),
        { header: 'Tổng', width: 9 },
      ],
      rows: names.map(({ id, name }): ReportCell[] => {
        const counts = parents.get(id) ?? new Map<string, number>();
        const total = [...counts.values()].reduce((a, b) => a + b, 0);
        return [name, ...r.bands.map((b) => integer(counts.get(b.key) ?? 0)), integer(total)];
      }),
    });
  }
  doc.tables.push({
    title: `Xã được công nhận (quyết định còn hiệu lực ngày 31/12/${ctx.year})`,
    columns: [
      { header: 'Mức công nhận', width: 30 },
      { header: 'Số đơn vị', width: 12 },
    ],
    rows: r.tiers
      .filter((t) => t.recognisedCount > 0 || ['standard', 'advanced', 'model'].includes(t.tier))
      .map((t): ReportCell[] => [tierLabels[t.tier], integer(t.recognisedCount)]),
  });
  doc.notes.push(...setNotes(rollup));
  return doc;
}

function communeList(ctx: Context, rollup: RollupResponse): ReportDocument {
  const doc = base(ctx, 'commune-list', 'DANH SÁCH XÃ VÀ CÁC TIÊU CHÍ ĐẠT, CHƯA ĐẠT', [
    `Năm ${ctx.year} — ${ctx.unit.name}`,
  ]);
  doc.orientation = 'landscape';
  const numbers = rollup.rollup.criteria.map((c) => c.number);
  const pick = (outcomes: readonly string[], wanted: string) =>
    numbers.filter((_, i) => outcomes[i] === wanted).join(', ');
  const communes = [...rollup.communes].sort(
    (a, b) =>
      compareVietnamese(
        ctx.directory.byId.get(a.parentId ?? '')?.name ?? '',
        ctx.directory.byId.get(b.parentId ?? '')?.name ?? '',
      ) || compareVietnamese(a.name, b.name),
  );
  doc.tables.push({
    columns: [
      { header: 'TT', width: 4, align: 'center' },
      { header: 'Mã', width: 7 },
      { header: 'Xã', width: 16 },
      { header: 'Thuộc', width: 16 },
      { header: 'Số TC đạt', width: 7 },
      { header: 'Tiêu chí đạt', width: 24 },
      { header: 'Tiêu chí chưa đạt', width: 18 },
      { header: 'Chưa có số liệu', width: 10 },
    ],
    rows: communes.map((c, i): ReportCell[] => [
      String(i + 1),
      c.code,
      c.name,
      ctx.directory.byId.get(c.parentId ?? '')?.name ?? '',
      `${c.criteriaMet}/${c.criteriaTotal}`,
      pick(c.outcomes, 'met'),
      pick(c.outcomes, 'not_met'),
      pick(c.outcomes, 'no_data'),
    ]),
  });
  doc.notes.push(...setNotes(rollup));
  return doc;
}

async function targets(db: Kysely<Database>, ctx: Context): Promise<ReportDocument> {
  const progress = await targetProgress(db, { year: ctx.year });
  const tree = ctx.directory.treeOn(yearEnd(ctx.year));
  const inArea = new Set([ctx.unit.id, ...tree.descendants(ctx.unit.id).map((u) => u.id)]);
  const rows = progress.targets.filter(
    (t) => inArea.has(t.scopeUnitId) && (ctx.scope.readsEverything || ctx.scope.canRead(t.scopeUnitId)),
  );
  const doc = base(ctx, 'targets', 'KẾT QUẢ THỰC HIỆN MỤC TIÊU NÔNG THÔN MỚI', [
    `Năm ${ctx.year} — ${ctx.unit.name}`,
  ]);
  const directives = new Map(progress.directives.map((d) => [d.id, d]));
  doc.tables.push({
    columns: [
      { header: 'TT', width: 4, align: 'center' },
      { header: 'Mục tiêu', width: 30 },
      { header: 'Địa bàn', width: 14 },
      { header: 'Kế hoạch', width: 9 },
      { header: 'Thực hiện', width: 9 },
      { header: 'Tỷ lệ hoàn thành', width: 10 },
      { header: 'Căn cứ', width: 14 },
    ],
    rows: rows.map((t, i): ReportCell[] => [
      String(i + 1),
      t.label,
      ctx.directory.byId.get(t.scopeUnitId)?.name ?? '',
      t.metric === 'average_criteria_per_commune' ? decimal(t.target) : integer(t.target),
      t.actual === null
        ? 'Chưa có'
        : t.metric === 'average_criteria_per_commune'
          ? decimal(t.actual)
          : integer(t.actual),
      t.progress === null ? '' : percent(100 * t.progress),
      t.directiveId === null ? '' : (directives.get(t.directiveId)?.number ?? ''),
    ]),
  });
  if (rows.length === 0) doc.notes.push(`Chưa có mục tiêu nào cho ${ctx.unit.name} trong năm ${ctx.year}.`);
  if (progress.directives.some((d) => d.isDemo))
    doc.notes.push('Chỉ thị và mục tiêu là dữ liệu demo (minh họa).');
  return doc;
}

function showValue(value: ObservedValue | null, valueType: string): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (typeof value === 'number') return valueType === 'percent' ? formatPercent(value) : formatNumber(value);
  return value;
}

async function scorecard(db: Kysely<Database>, ctx: Context): Promise<ReportDocument> {
  if (ctx.unit.level !== 'commune') {
    throw new AppError(
      'unit_not_evaluable',
      `Phiếu đánh giá lập cho một xã; ${ctx.unit.name} không phải là xã.`,
    );
  }
  const result = await evaluateOneUnit(db, ctx.unit.id, { year: ctx.year, tier: 'standard' });
  const e = result.evaluation;
  const doc = base(ctx, 'scorecard', `PHIẾU ĐÁNH GIÁ MỨC ĐẠT CÁC TIÊU CHÍ NÔNG THÔN MỚI`, [
    `${ctx.unit.name} — năm ${ctx.year}`,
    `Đạt ${e.criteriaMet}/${e.criteriaTotal} tiêu chí; ${e.eligibility.eligible ? 'đủ điều kiện' : 'chưa đủ điều kiện'} xét công nhận ${tierLabels[e.eligibility.tier]}`,
  ]);
  doc.orientation = 'landscape';
  const rows: ReportCell[][] = [];
  for (const criterion of e.criteria) {
    rows.push([
      bold(criterion.number),
      bold(criterion.name),
      null,
      null,
      bold(outcomeWords[criterion.outcome]),
      `${criterion.indicatorsMet}/${criterion.indicatorsTotal} chỉ tiêu đạt`,
    ]);
    for (const indicator of criterion.indicators) {
      rows.push([
        indicator.code,
        indicator.name,
        describeThreshold(indicator, indicator.threshold),
        showValue(indicator.value, indicator.valueType),
        outcomeWords[indicator.outcome],
        indicator.outcome === 'met' ? '' : (indicator.gap?.sentence ?? ''),
      ]);
    }
  }
  doc.tables.push({
    columns: [
      { header: 'Mã', width: 5 },
      { header: 'Tiêu chí, chỉ tiêu', width: 34 },
      { header: 'Ngưỡng đạt', width: 12 },
      { header: 'Giá trị', width: 9 },
      { header: 'Kết quả', width: 9 },
      { header: 'Khoảng cách đến ngưỡng', width: 31 },
    ],
    rows,
  });
  doc.notes.push(...setNotes(result));
  if (e.eligibility.unmetPrerequisites.length > 0) {
    doc.notes.push(`Điều kiện chưa đáp ứng: ${e.eligibility.unmetPrerequisites.join('; ')}.`);
  }
  return doc;
}

async function buildReport(db: Kysely<Database>, name: ReportName, ctx: Context, criteriaSetId?: string) {
  switch (name) {
    case 'scorecard':
      return scorecard(db, ctx);
    case 'targets':
      return targets(db, ctx);
    case 'criteria-results':
    case 'bands':
    case 'commune-list': {
      const full = await rollUpSubtree(db, ctx.unit.id, {
        year: ctx.year,
        ...(criteriaSetId ? { criteriaSetId } : {}),
      });
      const rollup = ctx.scope.readsEverything
        ? full
        : { ...full, communes: full.communes.filter((c) => ctx.scope.canRead(c.unitId)) };
      if (name === 'criteria-results') return criteriaResults(ctx, rollup);
      if (name === 'bands') return bands(ctx, rollup);
      return communeList(ctx, rollup);
    }
  }
}

export async function render(doc: ReportDocument, format: ReportFormat): Promise<ReportFile> {
  return format === 'pdf'
    ? { fileName: `${doc.fileName}.pdf`, bytes: await renderPdf(doc), contentType: 'application/pdf' }
    : {
        fileName: `${doc.fileName}.xlsx`,
        bytes: await renderXlsx(doc),
        contentType: XLSX_TYPE,
      };
}

/** One of the standard reports for an area (or, for the scorecard, a commune) and a year. */
export async function standardReport(
  db: Kysely<Database>,
  viewer: Viewer,
  name: ReportName,
  query: ReportQuery,
  now: () => Date = () => new Date(),
): Promise<ReportFile> {
  const directory = await getUnitDirectory(db);
  const scope = scopeOf(directory, viewer);
  const unit = requireReadableUnit(directory, scope, query.unitId);
  const ctx: Context = { directory, scope, unit, year: query.year, date: vietnamDate(now()) };
  return render(await buildReport(db, name, ctx, query.criteriaSetId), query.format);
}

/** Beyond this the workbook takes seconds and hundreds of MB to build; no screen table is this big. */
const MAX_TABLE_CELLS = 500_000;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isCalendarDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

type TableCellIn = TableExportRequest['rows'][number][number];

function tableCell(cell: TableCellIn, type: TableColumnType | undefined): ReportCell | undefined {
  if (cell === null) return null;
  if (typeof cell === 'boolean') return cell ? 'Có' : 'Không';
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return undefined;
    if (type === 'percent') return percent(cell);
    if (type === 'integer' || (type === undefined && Number.isInteger(cell))) return integer(cell);
    return decimal(cell);
  }
  if (type === 'date') return isCalendarDate(cell) ? { date: cell } : undefined;
  if (type === 'datetime') {
    const instant = new Date(cell);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(cell) || Number.isNaN(instant.getTime())) return undefined;
    return { date: vietnamTime(instant) };
  }
  return cell;
}

/**
 * Any table the web application shows, as a workbook with its title, filters and the date.
 * Every cell is checked against its column before anything is written, and a bad one is named.
 */
export async function exportTable(
  request: TableExportRequest,
  now: () => Date = () => new Date(),
): Promise<ReportFile> {
  const columns = request.columns.map((c) => (typeof c === 'string' ? { header: c } : c));
  if (request.rows.length * columns.length > MAX_TABLE_CELLS) {
    throw new AppError(
      'validation_failed',
      `Bảng quá lớn để xuất (${formatNumber(request.rows.length)} dòng × ${columns.length} cột); tối đa ${formatNumber(MAX_TABLE_CELLS)} ô. Hãy lọc bớt rồi xuất lại.`,
    );
  }
  const problems: RowProblem[] = [];
  const rows = request.rows.map((row, r) => {
    if (row.length > columns.length) {
      problems.push({
        row: r + 1,
        field: 'rows',
        value: row.length,
        message: `Dòng ${r + 1} có ${row.length} ô, nhiều hơn ${columns.length} cột của bảng.`,
      });
    }
    return row.map((value, c) => {
      const cell = tableCell(value, columns[c]?.type);
      if (cell !== undefined) return cell;
      problems.push({
        row: r + 1,
        field: columns[c]?.header ?? `#${c + 1}`,
        value,
        message:
          columns[c]?.type === 'date' || columns[c]?.type === 'datetime'
            ? `Ô "${String(value)}" ở dòng ${r + 1} không phải ngày dạng yyyy-mm-dd (hoặc thời điểm ISO 8601).`
            : `Ô ở dòng ${r + 1} không phải số hữu hạn.`,
      });
      return null;
    });
  });
  if (problems.length > 0) {
    throw new AppError('validation_failed', `Bảng có ${problems.length} ô không hợp lệ; chưa xuất tệp.`, {
      rows: problems.slice(0, 100),
    });
  }
  const table: ReportTable = {
    columns: columns.map((column) => ({
      header: column.header,
      width:
        column.type === 'date'
          ? 12
          : column.type === 'datetime'
            ? 17
            : Math.min(Math.max(column.header.length + 4, 10), 40),
      ...(column.type && column.type !== 'text' ? { align: 'right' as const } : {}),
    })),
    rows,
  };
  const date = vietnamDate(now());
  return render(
    {
      fileName: `bang_${date}`,
      issuer: 'NTM Monitor',
      title: request.demo ? `${request.title} (dữ liệu demo)` : request.title,
      subtitle: request.subtitle ? [request.subtitle] : [],
      unitName: request.title,
      date,
      orientation: columns.length > 6 ? 'landscape' : 'portrait',
      tables: [table],
      notes: [...(request.demo ? [DEMO_NOTE] : []), ...(request.notes ?? [])],
      signatures: false,
    },
    'xlsx',
  );
}

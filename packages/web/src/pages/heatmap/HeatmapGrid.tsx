import { Tag, Tooltip, Typography } from 'antd';
import { type KeyboardEvent, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { CommuneRow, Rollup } from '../../api/dashboard';
import { outcomeColors } from '../../components/OutcomeTag';
import { useI18n } from '../../i18n';
import { tierKey } from '../catalog/labels';
import type { HeatmapSort, Outcome } from './heatmap-filter';
import './heatmap.css';

const symbols: Record<Outcome, string> = { met: '✓', not_met: '✗', no_data: '?' };

export interface CellChoice {
  unitId: string;
  unitName: string;
  criterion: string;
}

interface Props {
  rollup: Rollup;
  rows: readonly CommuneRow[];
  districtNames: ReadonlyMap<string, string>;
  year: number;
  sort: HeatmapSort;
  onSort(sort: HeatmapSort): void;
  onOpen(choice: CellChoice): void;
}

/**
 * Communes × criteria as a grid a keyboard can walk: one cell is in the tab order, arrow keys
 * move, Home/End jump along the row, Enter opens the indicator detail. Each cell carries a
 * symbol as well as a colour, so the map reads in black and white too.
 */
export function HeatmapGrid({ rollup, rows, districtNames, year, sort, onSort, onOpen }: Props) {
  const { t } = useI18n();
  const criteria = rollup.rollup.criteria;
  const [active, setActive] = useState({ row: 0, col: 0 });
  const table = useRef<HTMLTableElement>(null);
  const row = Math.min(active.row, Math.max(0, rows.length - 1));
  const col = Math.min(active.col, criteria.length - 1);
  const outcomeLabel = (o: Outcome) => (o === 'met' ? t('met') : o === 'not_met' ? t('notMet') : t('noData'));

  const focusCell = (r: number, c: number) => {
    setActive({ row: r, col: c });
    table.current?.querySelector<HTMLElement>(`[data-cell="${r}:${c}"]`)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTableCellElement>, r: number, c: number) => {
    const moves: Record<string, [number, number]> = {
      ArrowRight: [r, Math.min(c + 1, criteria.length - 1)],
      ArrowLeft: [r, Math.max(c - 1, 0)],
      ArrowDown: [Math.min(r + 1, rows.length - 1), c],
      ArrowUp: [Math.max(r - 1, 0), c],
      Home: [r, 0],
      End: [r, criteria.length - 1],
      PageDown: [Math.min(r + 10, rows.length - 1), c],
      PageUp: [Math.max(r - 10, 0), c],
    };
    const target = moves[event.key];
    if (target) {
      event.preventDefault();
      focusCell(target[0], target[1]);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const commune = rows[r];
      const criterion = criteria[c];
      if (commune && criterion)
        onOpen({ unitId: commune.unitId, unitName: commune.name, criterion: criterion.number });
    }
  };

  return (
    <div className="ntm-heatmap-scroll">
      <table
        ref={table}
        className="ntm-heatmap"
        aria-label={t('heatmap.gridLabel')}
        aria-rowcount={rows.length + 1}
        data-testid="heatmap-grid"
      >
        <thead>
          <tr>
            <th className="ntm-heatmap-unit" scope="col">
              {t('dashboard.commune')}
            </th>
            {criteria.map((c) => {
              const pressed = sort === `criterion:${c.number}`;
              return (
                <th key={c.number} scope="col">
                  <Tooltip title={`${c.number}. ${c.name} — ${t('heatmap.sortByCriterion')}`}>
                    <button
                      type="button"
                      className="ntm-heatmap-colhead"
                      aria-pressed={pressed}
                      aria-label={`${c.number}. ${c.name}. ${t('heatmap.sortByCriterion')}`}
                      onClick={() => onSort(pressed ? 'name' : `criterion:${c.number}`)}
                    >
                      {c.number}
                    </button>
                  </Tooltip>
                </th>
              );
            })}
            <th scope="col" className="ntm-heatmap-total">
              {t('heatmap.metColumn')}
            </th>
            <th scope="col" style={{ textAlign: 'left', padding: '4px 8px' }}>
              {t('heatmap.tierColumn')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((commune, r) => (
            <tr key={commune.unitId} data-testid={`heatmap-row-${commune.code}`}>
              <th className="ntm-heatmap-unit" scope="row">
                <Link to={`/don-vi/${encodeURIComponent(commune.unitId)}?nam=${year}`}>{commune.name}</Link>
                {commune.parentId !== null && districtNames.has(commune.parentId) && (
                  <Typography.Text
                    type="secondary"
                    style={{ fontSize: 11, display: 'block', lineHeight: 1.1 }}
                  >
                    {districtNames.get(commune.parentId)}
                  </Typography.Text>
                )}
              </th>
              {commune.outcomes.map((outcome, c) => {
                const criterion = criteria[c];
                if (!criterion) return null;
                return (
                  <td
                    key={criterion.number}
                    className="ntm-heatmap-cell"
                    tabIndex={r === row && c === col ? 0 : -1}
                    data-cell={`${r}:${c}`}
                    data-outcome={outcome}
                    data-testid={`cell-${commune.code}-${criterion.number}`}
                    aria-label={`${commune.name}, ${criterion.number}. ${criterion.name}: ${outcomeLabel(outcome)}`}
                    title={`${criterion.number}. ${criterion.name}: ${outcomeLabel(outcome)}`}
                    style={{ background: outcome === 'no_data' ? '#e8e8e8' : outcomeColors[outcome] }}
                    onFocus={() => setActive({ row: r, col: c })}
                    onKeyDown={(event) => onKeyDown(event, r, c)}
                    onClick={() =>
                      onOpen({ unitId: commune.unitId, unitName: commune.name, criterion: criterion.number })
                    }
                  >
                    {symbols[outcome]}
                  </td>
                );
              })}
              <td className="ntm-heatmap-total">
                <Typography.Text strong>{commune.criteriaMet}</Typography.Text>
                <Typography.Text type="secondary">{`/${commune.criteriaTotal}`}</Typography.Text>
              </td>
              <td style={{ padding: '2px 8px', whiteSpace: 'nowrap' }}>
                {commune.recognisedTier && (
                  <Tag color="green" style={{ margin: 0 }}>
                    {t(tierKey(commune.recognisedTier))}
                  </Tag>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

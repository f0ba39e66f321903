import type { UnitListResponse } from '@ntm/server/contract/units';
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { apiGet } from '../../api/client';
import { useI18n } from '../../i18n';

/** Districts exist until 30/6/2025 and communes on both sides of it: search both trees. */
const DATES = ['2025-06-30', new Date().toISOString().slice(0, 10)];

async function searchBoth(q: string, level: 'district' | 'commune', signal: AbortSignal) {
  const lists = await Promise.all(
    DATES.map((date) => apiGet<UnitListResponse>('/units/search', { q, level, date, limit: 20 }, signal)),
  );
  const byId = new Map(lists.flatMap((l) => l.units).map((u) => [u.id, u]));
  return [...byId.values()];
}

/** Picks the district or commune an account belongs to, searching names without diacritics too. */
export function UnitSelect({
  level,
  value,
  initialLabel,
  onChange,
}: {
  level: 'district' | 'commune';
  value?: string | null;
  initialLabel?: string | null;
  onChange?: (value: string) => void;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['users', 'unit-search', level, q],
    queryFn: ({ signal }) => searchBoth(q, level, signal),
    enabled: q.trim().length > 0,
  });
  const options = (found.data ?? []).map((u) => ({
    value: u.id,
    label: `${u.name} (${u.code})${u.validTo ? ` · đến ${u.validTo.split('-').reverse().join('/')}` : ''}`,
  }));
  if (value && initialLabel && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: initialLabel });
  }
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value ?? undefined}
      onChange={onChange}
      placeholder={t('users.unitSearch')}
      options={options}
      loading={found.isFetching}
      data-testid="unit-select"
    />
  );
}

import { AutoComplete } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useUnitSearch } from '../api/queries';
import { useI18n } from '../i18n';
import { useScope, yearEndDate } from '../scope';

/** Diacritics-insensitive search; picking a unit opens its scorecard. */
export function UnitSearch() {
  const { t } = useI18n();
  const { year } = useScope();
  const [text, setText] = useState('');
  const navigate = useNavigate();
  const search = useUnitSearch(text, yearEndDate(year));
  return (
    <AutoComplete
      aria-label={t('search')}
      style={{ width: 260 }}
      placeholder={t('searchPlaceholder')}
      value={text}
      onChange={setText}
      options={(search.data?.units ?? []).map((u) => ({ value: u.id, label: `${u.name} (${u.code})` }))}
      onSelect={(id: string) => {
        setText('');
        void navigate(`/don-vi/${encodeURIComponent(id)}?nam=${year}`);
      }}
    />
  );
}

import { Card, Empty, Flex, Input, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useProvinceOfYear } from '../../api/province';
import { useChildUnits } from '../../api/queries';
import { ExportTableButton, exportSubtitle } from '../../components/ExportTableButton';
import { QueryState } from '../../components/QueryState';
import { useI18n } from '../../i18n';
import { useScope, yearEndDate } from '../../scope';
import { filterUnits } from './unit-filter';

/** /nhap-lieu without a unit: choose the district, then the commune (rural communes only: the program judges xã). */
export function UnitPicker() {
  const { t } = useI18n();
  const { year } = useScope();
  const date = yearEndDate(year);
  const roots = useProvinceOfYear(year);
  const province = roots.province;
  const top = useChildUnits(province?.id, date);
  const districts = filterUnits(
    (top.data?.units ?? []).filter((u) => u.level === 'district'),
    '',
  );
  const [chosen, setChosen] = useState<string | undefined>();
  const districtId = districts.some((d) => d.id === chosen) ? chosen : districts[0]?.id;
  const twoLevels = top.data !== undefined && districts.length === 0;
  const communes = useChildUnits(twoLevels ? province?.id : districtId, date);
  const [query, setQuery] = useState('');
  const rows = filterUnits(
    (communes.data?.units ?? []).filter((u) => u.level === 'commune' && u.kind === 'xa'),
    query,
  );
  return (
    <Card title={t('dataEntry.pickTitle')}>
      <QueryState query={roots}>
        {() => (
          <Flex vertical gap={12}>
            <Typography.Text type="secondary">{t('dataEntry.pickHint', { year })}</Typography.Text>
            <Flex gap={8} wrap>
              {!twoLevels && (
                <Select
                  aria-label={t('dataEntry.district')}
                  style={{ minWidth: 240 }}
                  value={districtId}
                  onChange={setChosen}
                  loading={top.isPending}
                  options={districts.map((d) => ({ value: d.id, label: d.name }))}
                />
              )}
              <Input
                allowClear
                aria-label={t('dataEntry.filterCommunes')}
                placeholder={t('dataEntry.filterCommunes')}
                style={{ maxWidth: 320 }}
                value={query}
                onChange={(e) => setQuery(e.target.value)}
              />
              <ExportTableButton
                title={t('dataEntry.pickTitle')}
                subtitle={exportSubtitle(
                  twoLevels ? province?.name : districts.find((d) => d.id === districtId)?.name,
                  t('export.year', { year }),
                  query.trim() && `${t('dataEntry.filterCommunes')}: "${query.trim()}"`,
                )}
                demo={rows.some((u) => u.isDemo)}
                fileName={`danh-sach-xa_${year}`}
                disabled={rows.length === 0}
                columns={[
                  t('dataEntry.commune'),
                  t('dataEntry.code'),
                  { header: t('dataEntry.villageCount'), type: 'integer' },
                ]}
                rows={() => rows.map((u) => [u.name, u.code, u.childCount])}
              />
            </Flex>
            <Table
              size="small"
              rowKey="id"
              loading={communes.isPending}
              dataSource={rows}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              locale={{ emptyText: <Empty description={t('dataEntry.noCommunes')} /> }}
              columns={[
                {
                  title: t('dataEntry.commune'),
                  key: 'name',
                  render: (_, u) => (
                    <Link
                      to={`/nhap-lieu/${encodeURIComponent(u.id)}?nam=${year}`}
                      data-testid={`pick-${u.code}`}
                    >
                      {u.name}
                    </Link>
                  ),
                },
                { title: t('dataEntry.code'), dataIndex: 'code', width: 120 },
                { title: t('dataEntry.villageCount'), dataIndex: 'childCount', width: 120 },
                {
                  title: '',
                  key: 'scorecard',
                  width: 160,
                  render: (_, u) => (
                    <Link to={`/don-vi/${encodeURIComponent(u.id)}?nam=${year}`}>
                      {t('dataEntry.openScorecard')}
                    </Link>
                  ),
                },
              ]}
            />
          </Flex>
        )}
      </QueryState>
    </Card>
  );
}

import { compareVietnamese } from '@ntm/core/format';
import { Alert, Button, Flex, Select, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { Area } from '../../api/dashboard';
import { useI18n } from '../../i18n';
import { useScope } from '../../scope';
import { foldedSearch } from './folded-search';

/** Page title with the area it shows, the area picker, and a notice when the chosen area is out of date. */
export function AreaHeading({ title, area, extra }: { title: string; area: Area; extra?: ReactNode }) {
  const { t } = useI18n();
  const { year, unitId, setUnitId } = useScope();
  const districts = [...area.districts].sort((a, b) => compareVietnamese(a.name, b.name));
  const chosenIsOther =
    unitId !== undefined && area.areaId === unitId && !districts.some((d) => d.id === unitId);
  const options = [
    { value: '', label: t('dashboard.wholeProvince') },
    ...(chosenIsOther ? [{ value: unitId, label: area.areaName ?? unitId }] : []),
    ...districts.map((d) => ({ value: d.id, label: d.name })),
  ];
  return (
    <Flex vertical gap={8}>
      <Flex gap={12} wrap align="center" justify="space-between">
        <Flex vertical gap={0}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          <Typography.Text type="secondary" data-testid="area-name">
            {area.areaName ?? '…'}
          </Typography.Text>
        </Flex>
        <Flex gap={8} wrap align="center">
          {extra}
          {options.length > 1 && (
            <Select
              aria-label={t('scope')}
              data-testid="area-picker"
              style={{ minWidth: 220 }}
              value={area.areaId === area.province?.id ? '' : (area.areaId ?? '')}
              onChange={(value: string) => setUnitId(value === '' ? undefined : value)}
              options={options}
              showSearch={foldedSearch}
            />
          )}
        </Flex>
      </Flex>
      {area.chosenOutOfDate && (
        <Alert
          type="info"
          showIcon
          title={t('dashboard.areaOutOfDate', { year })}
          action={
            <Button size="small" onClick={() => setUnitId(undefined)}>
              {t('dashboard.wholeProvince')}
            </Button>
          }
        />
      )}
    </Flex>
  );
}

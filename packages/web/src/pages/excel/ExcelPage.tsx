import type { UnitSummary } from '@ntm/server/contract/units';
import { useQueryClient } from '@tanstack/react-query';
import { Flex, Typography } from 'antd';
import { useState } from 'react';
import { useProvinceOfYear } from '../../api/province';
import { useChildUnits, useCriteriaSets } from '../../api/queries';
import { useScope, yearEndDate } from '../../scope';
import { excelKeys, type ImportSummary, useDiscardImport } from './excel-api';
import { ImportHistory } from './ImportHistory';
import { ImportResult } from './ImportResult';
import { useExcelText } from './messages';
import { ReportsCard } from './ReportsCard';
import { TemplateCard } from './TemplateCard';
import { UploadCard } from './UploadCard';

/**
 * /excel: the Excel round trip (template → filled file → error report and preview → confirm,
 * revert) and the standard reports, for an area and the year chosen in the header.
 */
export default function ExcelPage() {
  const text = useExcelText();
  const { year } = useScope();
  const date = yearEndDate(year);
  const { province } = useProvinceOfYear(year);
  const children = useChildUnits(province?.id, date);
  const areas: UnitSummary[] = province ? [province, ...(children.data?.units ?? [])] : [];
  const [areaChoice, setAreaChoice] = useState<string | undefined>();
  const area = areas.find((a) => a.id === areaChoice) ?? province;

  const sets = useCriteriaSets();
  const applicable = (sets.data?.criteriaSets ?? []).filter(
    (s) => s.period.fromYear <= year && year <= s.period.toYear,
  );
  const [setChoice, setSetChoice] = useState<string | undefined>();
  const preferred =
    applicable.find((s) => s.evaluable && s.level === 'commune' && s.tier === 'standard') ?? applicable[0];
  const criteriaSet = applicable.find((s) => s.id === setChoice) ?? preferred;

  const [current, setCurrent] = useState<ImportSummary | null>(null);
  const discard = useDiscardImport();
  const client = useQueryClient();
  // A corrected file replaces the preview of the faulty one, which would otherwise linger for a day.
  const uploaded = (summary: ImportSummary) => {
    if (current?.status === 'pending') discard.mutate({ id: current.id, body: {} });
    setCurrent(summary);
    void client.invalidateQueries({ queryKey: excelKeys.imports });
  };

  return (
    <Flex vertical gap={16} data-testid="excel-page">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {text('title')}
      </Typography.Title>
      <TemplateCard
        year={year}
        areas={areas}
        area={area}
        onArea={setAreaChoice}
        sets={applicable}
        criteriaSet={criteriaSet}
        onSet={setSetChoice}
      />
      <UploadCard criteriaSetId={criteriaSet?.id} onUploaded={uploaded} />
      {current && <ImportResult key={current.id} summary={current} onChange={setCurrent} />}
      <ImportHistory onChange={setCurrent} />
      {area && <ReportsCard year={year} area={area} />}
    </Flex>
  );
}

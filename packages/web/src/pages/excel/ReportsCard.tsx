import type { UnitSummary } from '@ntm/server/contract/units';
import { Button, Card, Flex, List, Select, Typography } from 'antd';
import { useState } from 'react';
import { useChildUnits } from '../../api/queries';
import { yearEndDate } from '../../scope';
import { type ReportName, reportUrl } from './excel-api';
import { useExcelText } from './messages';

const areaReports = [
  ['criteria-results', 'reportCriteria'],
  ['bands', 'reportBands'],
  ['commune-list', 'reportList'],
  ['targets', 'reportTargets'],
] as const;

function Downloads({ name, unitId, year }: { name: ReportName; unitId: string | undefined; year: number }) {
  return (
    <Flex gap={8}>
      {(['pdf', 'xlsx'] as const).map((format) => (
        <Button
          key={format}
          size="small"
          disabled={unitId === undefined}
          href={unitId === undefined ? undefined : reportUrl(name, unitId, year, format)}
          download
          data-testid={`report-${name}-${format}`}
        >
          {format === 'pdf' ? 'PDF' : 'Excel'}
        </Button>
      ))}
    </Flex>
  );
}

/** The standard reports of the area chosen above; the scorecard needs one of its communes. */
export function ReportsCard({ year, area }: { year: number; area: UnitSummary }) {
  const text = useExcelText();
  const children = useChildUnits(area.id, yearEndDate(year));
  const communes = (area.level === 'commune' ? [area] : (children.data?.units ?? [])).filter(
    (u) => u.level === 'commune' && u.kind === 'xa',
  );
  const [communeChoice, setCommuneChoice] = useState<string | undefined>();
  const commune = communes.find((c) => c.id === communeChoice) ?? communes[0];
  return (
    <Card size="small" title={text('reportsTitle')} data-testid="reports-card">
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">{text('reportsHelp', { area: area.name, year })}</Typography.Text>
        <List
          size="small"
          dataSource={[...areaReports]}
          renderItem={([name, label]) => (
            <List.Item actions={[<Downloads key="downloads" name={name} unitId={area.id} year={year} />]}>
              {text(label)}
            </List.Item>
          )}
          footer={
            <Flex justify="space-between" align="center" wrap gap={8}>
              <Flex gap={8} align="center" wrap>
                {text('reportScorecard')}
                {communes.length > 0 ? (
                  <Select
                    aria-label={text('chooseCommune')}
                    style={{ minWidth: 220 }}
                    value={commune?.id}
                    onChange={setCommuneChoice}
                    showSearch
                    optionFilterProp="label"
                    options={communes.map((c) => ({ value: c.id, label: c.name }))}
                  />
                ) : (
                  <Typography.Text type="secondary">{text('pickDistrictFirst')}</Typography.Text>
                )}
              </Flex>
              <Downloads name="scorecard" unitId={commune?.id} year={year} />
            </Flex>
          }
        />
      </Flex>
    </Card>
  );
}

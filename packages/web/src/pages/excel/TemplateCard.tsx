import type { CriteriaSetSummary } from '@ntm/server/contract/catalog';
import type { UnitSummary } from '@ntm/server/contract/units';
import { Button, Card, Flex, Select, Typography } from 'antd';
import { templateUrl } from './excel-api';
import { useExcelText } from './messages';

export function TemplateCard(props: {
  year: number;
  areas: UnitSummary[];
  area: UnitSummary | undefined;
  onArea(id: string): void;
  sets: CriteriaSetSummary[];
  criteriaSet: CriteriaSetSummary | undefined;
  onSet(id: string): void;
}) {
  const text = useExcelText();
  const { year, area, criteriaSet } = props;
  return (
    <Card size="small" title={text('templateTitle')} data-testid="template-card">
      <Flex vertical gap={10}>
        <Typography.Text type="secondary">{text('templateHelp', { year })}</Typography.Text>
        <Flex gap={8} wrap align="center">
          <Select
            aria-label={text('area')}
            data-testid="excel-area"
            style={{ minWidth: 260 }}
            value={area?.id}
            onChange={props.onArea}
            showSearch
            optionFilterProp="label"
            options={props.areas.map((a) => ({ value: a.id, label: a.name }))}
          />
          <Select
            aria-label={text('criteriaSet')}
            data-testid="excel-set"
            style={{ minWidth: 360 }}
            value={criteriaSet?.id}
            onChange={props.onSet}
            options={props.sets.map((s) => ({
              value: s.id,
              label: s.evaluable ? s.shortName : `${s.shortName} (${text('incomplete')})`,
            }))}
          />
          <Button
            type="primary"
            disabled={!area || !criteriaSet}
            href={area && criteriaSet ? templateUrl(area.id, year, criteriaSet.id) : undefined}
            download
            data-testid="download-template"
          >
            {text('downloadTemplate')}
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}

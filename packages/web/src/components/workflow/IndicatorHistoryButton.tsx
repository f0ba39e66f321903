import { Button, Drawer } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n';
import { ValueHistory } from './ValueHistory';

/** A small "history" link beside an indicator, opening the versions of the measure it reads. */
export function IndicatorHistoryButton({
  unitId,
  year,
  measure,
  name,
}: {
  unitId: string;
  year: number;
  measure: string;
  name: string;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="link" size="small" onClick={() => setOpen(true)} data-testid={`history-${measure}`}>
        {t('workflow.history')}
      </Button>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        title={t('workflow.historyOf', { name })}
        size="large"
        destroyOnHidden
      >
        <ValueHistory unitId={unitId} year={year} measure={measure} />
      </Drawer>
    </>
  );
}

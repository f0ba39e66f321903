import { Tabs, Typography } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import { useCriteriaSets } from '../../api/queries';
import { QueryState } from '../../components/QueryState';
import { useI18n } from '../../i18n';
import { CatalogLanguageNote } from './CatalogLanguageNote';
import { CriteriaSetDetailView } from './CriteriaSetDetailView';
import { CriteriaSetTable } from './CriteriaSetTable';
import { SetComparison } from './SetComparison';

/** Bộ tiêu chí: the list of sets, one set in full (/bo-tieu-chi/:id), or two compared (?so-sanh=&voi=). */
export default function CatalogPage() {
  const { t } = useI18n();
  const { id } = useParams<{ id: string }>();
  const [params, setParams] = useSearchParams();
  const sets = useCriteriaSets();
  if (id !== undefined) return <CriteriaSetDetailView id={id} />;
  const comparing = params.has('so-sanh') || params.get('xem') === 'so-sanh';
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('catalog.title')}
      </Typography.Title>
      <CatalogLanguageNote />
      <QueryState query={sets}>
        {(data) => (
          <Tabs
            activeKey={comparing ? 'compare' : 'list'}
            onChange={(key) =>
              setParams((current) => {
                const copy = new URLSearchParams(current);
                copy.delete('so-sanh');
                copy.delete('voi');
                if (key === 'compare') copy.set('xem', 'so-sanh');
                else copy.delete('xem');
                return copy;
              })
            }
            items={[
              {
                key: 'list',
                label: t('catalog.tabList'),
                children: <CriteriaSetTable sets={data.criteriaSets} />,
              },
              {
                key: 'compare',
                label: t('catalog.tabCompare'),
                children: <SetComparison sets={data.criteriaSets} />,
              },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}

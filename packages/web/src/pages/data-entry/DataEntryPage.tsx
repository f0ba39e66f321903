import { useParams } from 'react-router';
import { useUnit } from '../../api/queries';
import { QueryState } from '../../components/QueryState';
import { UnitEntry } from './UnitEntry';
import { UnitPicker } from './UnitPicker';

/** Data entry (/nhap-lieu, /nhap-lieu/:id): a unit picker, or the form of one unit for the year in the URL. */
export default function DataEntryPage() {
  const { id } = useParams<{ id: string }>();
  const unit = useUnit(id);
  if (id === undefined) return <UnitPicker />;
  return (
    <QueryState query={unit}>{(detail) => <UnitEntry key={detail.unit.id} detail={detail} />}</QueryState>
  );
}

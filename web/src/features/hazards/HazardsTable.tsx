// Hazard events as a table, one HazardRow each.
import type { HazardEvent } from '@siaga/contracts';
import { useTranslation } from 'react-i18next';
import { Table } from '../../components/Table';
import { HazardRow } from './HazardRow';

interface Props {
  events: HazardEvent[];
  canWrite: boolean;
  onChange: (event: HazardEvent) => void;
}

export function HazardsTable({ events, canWrite, onChange }: Props) {
  const { t } = useTranslation();
  const columns = [
    t('hazards.source'),
    t('hazards.kind'),
    t('hazards.severity'),
    t('hazards.eventTitle'),
    t('crisis.countries'),
    t('hazards.sentAt'),
    t('hazards.affected'),
    t('hazards.radius'),
  ];
  return (
    <Table compact actions testId="hazards-table" columns={columns}>
      {events.map((e) => (
        <HazardRow
          key={e.id}
          event={e}
          canWrite={canWrite}
          columns={columns.length + 1}
          onChange={onChange}
        />
      ))}
    </Table>
  );
}

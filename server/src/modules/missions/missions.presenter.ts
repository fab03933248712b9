// Mission row -> API shape.
import type { Mission } from '@siaga/contracts';
import type { MissionRow } from '../../db/schema';

export function presentMission(row: MissionRow): Mission {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    city: row.city,
    countries: JSON.parse(row.countries) as string[],
    jurisdictions: JSON.parse(row.jurisdictions) as Mission['jurisdictions'],
    hotline: row.hotline,
    email: row.email,
    address: row.address,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

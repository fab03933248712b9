// Demo directory: a selection of Indonesia's missions where most nationals abroad live or where
// crises have struck, and the partners they work with. Hotlines and addresses are illustrative.
import type { MissionCreate, OrganisationCreate } from '@siaga/contracts';

type DemoMission = Omit<MissionCreate, 'jurisdictions'> & { jurisdictions?: MissionCreate['jurisdictions'] };

export const DEMO_MISSIONS: DemoMission[] = [
  { code: 'KBRI-KUALA-LUMPUR', name: 'KBRI Kuala Lumpur', kind: 'embassy', city: 'Kuala Lumpur', countries: ['MY'], jurisdictions: [{ country: 'MY', adminAreas: ['MY-14', 'MY-10', 'MY-05', 'MY-06', 'MY-04', 'MY-01', 'MY-16', 'MY-03', 'MY-11', 'MY-08', 'MY-02', 'MY-09', 'MY-07'] }], hotline: '+60321164000', email: 'kualalumpur.kbri@example.org', address: 'No. 233 Jalan Tun Razak, 50400 Kuala Lumpur' },
  { code: 'KJRI-KOTA-KINABALU', name: 'KJRI Kota Kinabalu', kind: 'consulate', city: 'Kota Kinabalu', countries: ['MY'], jurisdictions: [{ country: 'MY', adminAreas: ['MY-12', 'MY-15'] }], hotline: '+6088218600', email: 'kotakinabalu.kjri@example.org', address: 'Lorong Kemajuan, Karamunsing, 88817 Kota Kinabalu' },
  { code: 'KJRI-KUCHING', name: 'KJRI Kuching', kind: 'consulate', city: 'Kuching', countries: ['MY'], jurisdictions: [{ country: 'MY', adminAreas: ['MY-13'] }], hotline: '+6082460734', email: 'kuching.kjri@example.org', address: 'Jalan Stutong, 93350 Kuching' },
  { code: 'KBRI-SINGAPURA', name: 'KBRI Singapura', kind: 'embassy', city: 'Singapore', countries: ['SG'], hotline: '+6567375420', email: 'singapura.kbri@example.org', address: '7 Chatsworth Road, Singapore 249761' },
  { code: 'KBRI-RIYADH', name: 'KBRI Riyadh', kind: 'embassy', city: 'Riyadh', countries: ['SA'], jurisdictions: [{ country: 'SA', adminAreas: ['SA-01', 'SA-04', 'SA-05', 'SA-06', 'SA-08', 'SA-09', 'SA-10', 'SA-11', 'SA-12'] }], hotline: '+966114882800', email: 'riyadh.kbri@example.org', address: 'Diplomatic Quarter, Riyadh 11693' },
  { code: 'KJRI-JEDDAH', name: 'KJRI Jeddah', kind: 'consulate', city: 'Jeddah', countries: ['SA'], jurisdictions: [{ country: 'SA', adminAreas: ['SA-02', 'SA-03', 'SA-07', 'SA-14'] }], hotline: '+966126711271', email: 'jeddah.kjri@example.org', address: 'Al-Mualifin Street, Al-Rehab District, Jeddah' },
  { code: 'KDEI-TAIPEI', name: 'Kantor Dagang dan Ekonomi Indonesia Taipei', kind: 'office', city: 'Taipei', countries: ['TW'], hotline: '+886287526170', email: 'taipei.kdei@example.org', address: '6F No. 550 Rui Guang Road, Neihu District, Taipei' },
  { code: 'KJRI-HONG-KONG', name: 'KJRI Hong Kong', kind: 'consulate', city: 'Hong Kong', countries: ['HK', 'MO'], hotline: '+85228904421', email: 'hongkong.kjri@example.org', address: '127-129 Leighton Road, Causeway Bay, Hong Kong' },
  { code: 'KBRI-ABU-DHABI', name: 'KBRI Abu Dhabi', kind: 'embassy', city: 'Abu Dhabi', countries: ['AE'], hotline: '+97124454448', email: 'abudhabi.kbri@example.org', address: 'Embassies District, Abu Dhabi' },
  { code: 'KBRI-SEOUL', name: 'KBRI Seoul', kind: 'embassy', city: 'Seoul', countries: ['KR'], hotline: '+8227825500', email: 'seoul.kbri@example.org', address: '380 Yeouidaebang-ro, Yeongdeungpo-gu, Seoul' },
  { code: 'KBRI-TOKYO', name: 'KBRI Tokyo', kind: 'embassy', city: 'Tokyo', countries: ['JP'], hotline: '+81334414201', email: 'tokyo.kbri@example.org', address: '5-2-9 Higashi Gotanda, Shinagawa-ku, Tokyo' },
  { code: 'KBRI-KHARTOUM', name: 'KBRI Khartoum', kind: 'embassy', city: 'Khartoum', countries: ['SD', 'ER'], hotline: '+249183225106', email: 'khartoum.kbri@example.org', address: 'Street 60, Riyadh, Khartoum' },
  { code: 'KBRI-KYIV', name: 'KBRI Kyiv', kind: 'embassy', city: 'Kyiv', countries: ['UA', 'GE', 'AM'], hotline: '+380445290800', email: 'kyiv.kbri@example.org', address: '27 Otto Schmidt Street, Kyiv' },
  { code: 'KBRI-BEIRUT', name: 'KBRI Beirut', kind: 'embassy', city: 'Beirut', countries: ['LB'], hotline: '+9615924682', email: 'beirut.kbri@example.org', address: 'Baabda, Beirut' },
  { code: 'KBRI-AMMAN', name: 'KBRI Amman', kind: 'embassy', city: 'Amman', countries: ['JO', 'PS'], hotline: '+96265926908', email: 'amman.kbri@example.org', address: '13 Mohammed Ali Badir Street, Amman' },
  { code: 'KBRI-CANBERRA', name: 'KBRI Canberra', kind: 'embassy', city: 'Canberra', countries: ['AU'], hotline: '+61262508600', email: 'canberra.kbri@example.org', address: '8 Darwin Avenue, Yarralumla ACT 2600' },
  { code: 'KBRI-SUVA', name: 'KBRI Suva', kind: 'embassy', city: 'Suva', countries: ['FJ', 'TO', 'TV', 'KI', 'NR'], hotline: '+6793316697', email: 'suva.kbri@example.org', address: 'Level 6, Suva Central, Suva' },
  { code: 'KBRI-DEN-HAAG', name: 'KBRI Den Haag', kind: 'embassy', city: 'The Hague', countries: ['NL'], hotline: '+31703108100', email: 'denhaag.kbri@example.org', address: 'Tobias Asserlaan 8, 2517 KC Den Haag' },
];

export const DEMO_PARTNERS: OrganisationCreate[] = [
  { name: 'International Organization for Migration (IOM) Indonesia', shortName: 'IOM', kind: 'partner', email: 'iom-indonesia@example.org' },
  { name: 'Palang Merah Indonesia', shortName: 'PMI', kind: 'partner', email: 'pmi@example.org' },
];

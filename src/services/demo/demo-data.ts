// What demo mode seeds: stations in three districts, their staff, and residents holding cards in
// every state, so each screen and rule can be tried at once. Numbers and names are invented.
export const DEMO_PASSWORD = 'juzhu-demo';

export interface DemoStation {
  id: string;
  name: string;
  kind: 'police_station' | 'service_station';
  districtCode: string;
  /** Street codes served by the station's community police. */
  streetCodes: string[];
  address: string;
}

export const demoStations: DemoStation[] = [
  {
    id: 'ps-110101-dhm',
    name: '东华门派出所',
    kind: 'police_station',
    districtCode: '110101',
    streetCodes: ['110101001', '110101002', '110101003'],
    address: '北京市东城区东华门大街 1 号',
  },
  {
    id: 'ss-110101-jk',
    name: '景山流动人口和出租房屋服务站',
    kind: 'service_station',
    districtCode: '110101',
    streetCodes: ['110101002'],
    address: '北京市东城区景山东街 8 号',
  },
  {
    id: 'ps-110105-jg',
    name: '建外派出所',
    kind: 'police_station',
    districtCode: '110105',
    streetCodes: ['110105001', '110105002', '110105003'],
    address: '北京市朝阳区建国门外大街 20 号',
  },
  {
    id: 'ss-110105-cy',
    name: '朝外流动人口和出租房屋服务站',
    kind: 'service_station',
    districtCode: '110105',
    streetCodes: ['110105002'],
    address: '北京市朝阳区朝外大街 6 号',
  },
  {
    id: 'ps-110108-zgc',
    name: '中关村派出所',
    kind: 'police_station',
    districtCode: '110108',
    streetCodes: ['110108011', '110108015'],
    address: '北京市海淀区中关村大街 29 号',
  },
  {
    id: 'ss-110108-hd',
    name: '海淀流动人口和出租房屋服务站',
    kind: 'service_station',
    districtCode: '110108',
    streetCodes: ['110108012'],
    address: '北京市海淀区海淀大街 3 号',
  },
];

export const demoDistricts = ['110101', '110105', '110108'] as const;

export type DemoCardState = 'valid' | 'suspended' | 'expired' | 'revoked' | 'superseded' | 'legacy';

export interface DemoResident {
  phone: string;
  name: string;
  /** Region and birth date of the generated ID number. */
  region: string;
  birthDate: string;
  districtCode: string;
  /** What the resident holds, relative to the demo's today. */
  holds: { kind: 'registration_card' | 'residence_permit'; state: DemoCardState }[];
}

export const demoResidents: DemoResident[] = [
  {
    phone: '13800000001',
    name: '王小明',
    region: '370102',
    birthDate: '1990-05-12',
    districtCode: '110105',
    holds: [{ kind: 'residence_permit', state: 'valid' }],
  },
  {
    phone: '13800000002',
    name: '李娜',
    region: '510104',
    birthDate: '1995-11-03',
    districtCode: '110105',
    holds: [{ kind: 'registration_card', state: 'valid' }],
  },
  {
    phone: '13800000003',
    name: '张伟',
    region: '420102',
    birthDate: '1988-02-29',
    districtCode: '110108',
    holds: [{ kind: 'residence_permit', state: 'suspended' }],
  },
  {
    phone: '13800000004',
    name: '陈静',
    region: '330106',
    birthDate: '1992-07-21',
    districtCode: '110101',
    holds: [{ kind: 'registration_card', state: 'expired' }],
  },
  {
    phone: '13800000005',
    name: '刘洋',
    region: '410102',
    birthDate: '1985-09-09',
    districtCode: '110108',
    holds: [{ kind: 'residence_permit', state: 'revoked' }],
  },
  {
    phone: '13800000006',
    name: '赵敏',
    region: '210102',
    birthDate: '1998-01-15',
    districtCode: '110101',
    holds: [{ kind: 'residence_permit', state: 'superseded' }],
  },
  {
    phone: '13800000007',
    name: '孙丽',
    region: '130102',
    birthDate: '1979-12-01',
    districtCode: '110105',
    holds: [{ kind: 'residence_permit', state: 'legacy' }],
  },
  {
    phone: '13800000008',
    name: '周杰',
    region: '440103',
    birthDate: '2000-03-30',
    districtCode: '110108',
    holds: [],
  },
];

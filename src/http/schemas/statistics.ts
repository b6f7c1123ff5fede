// GET /staff/statistics: what the console's charts show, computed by the server in SQL.
import { Type, type Static } from 'typebox';
import { DistrictCode, IsoDateString } from './common.ts';

export const StatisticsQuery = Type.Object({
  from: IsoDateString,
  to: IsoDateString,
  districtCode: Type.Optional(DistrictCode),
});
export type StatisticsQuery = Static<typeof StatisticsQuery>;

const Decisions = {
  approved: Type.Integer(),
  rejected: Type.Integer(),
  materialsRequested: Type.Integer(),
};

export const Statistics = Type.Object({
  from: IsoDateString,
  to: IsoDateString,
  districtCode: Type.Union([Type.String(), Type.Null()], { description: 'null: the whole city' }),
  applications: Type.Object(
    {
      total: Type.Integer(),
      byStatus: Type.Array(Type.Object({ status: Type.String(), count: Type.Integer() })),
      byType: Type.Array(Type.Object({ type: Type.String(), count: Type.Integer() })),
      byChannel: Type.Array(Type.Object({ channel: Type.String(), count: Type.Integer() })),
      byDistrict: Type.Array(Type.Object({ districtCode: Type.String(), count: Type.Integer() })),
    },
    { description: 'applications submitted in the period, by their status now' },
  ),
  decidedInTime: Type.Object(
    {
      decided: Type.Integer(),
      withinLimit: Type.Integer(),
      share: Type.Union([Type.Number(), Type.Null()], {
        description: 'withinLimit / decided; null when none',
      }),
    },
    { description: 'approved or rejected in the period, and how many by their due date (8 working days)' },
  ),
  overdueNow: Type.Integer({ description: 'past their due date today with the station still to act' }),
  decisionsByStation: Type.Array(
    Type.Object({ stationId: Type.String(), stationName: Type.String(), ...Decisions }),
  ),
  decisionsByWeek: Type.Array(
    Type.Object({ week: Type.String({ description: 'ISO week, 2025-W24' }), ...Decisions }),
  ),
});
export type Statistics = Static<typeof Statistics>;

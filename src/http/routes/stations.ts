// Public reference data: stations, and the city's districts and streets for address forms.
import { Type } from 'typebox';
import { listDistricts, listStreets, findDistrict } from '../../domain/address/beijing-divisions.ts';
import { AppError } from '../../domain/errors.ts';
import { listStations } from '../../db/repositories/stations.ts';
import type { ServiceContext } from '../../services/context.ts';
import { DistrictCode, errors } from '../schemas/common.ts';
import { Station } from '../schemas/appointments.ts';
import type { App } from '../types.ts';

const Named = Type.Object({ code: Type.String(), name: Type.String() });

export function stationRoutes(app: App, ctx: ServiceContext): void {
  app.get(
    '/stations',
    {
      schema: {
        tags: ['public'],
        summary: 'Police stations and residence service stations',
        response: {
          200: Type.Array(Station),
        },
      },
    },
    async () =>
      (await listStations(ctx.db)).map(({ id, name, kind, districtCode, address }) => ({
        id,
        name,
        kind,
        districtCode,
        address,
      })),
  );

  app.get(
    '/divisions/districts',
    {
      schema: {
        tags: ['public'],
        summary: "The city's districts (GB/T 2260)",
        response: { 200: Type.Array(Named) },
      },
    },
    () => listDistricts().map(({ code, name }) => ({ code, name })),
  );

  app.get(
    '/divisions/districts/:code/streets',
    {
      schema: {
        tags: ['public'],
        summary: 'The streets and townships (乡镇/街道) of a district',
        params: Type.Object({ code: DistrictCode }),
        response: { 200: Type.Array(Named), ...errors(400, 404) },
      },
    },
    (req) => {
      if (!findDistrict(req.params.code)) throw new AppError('NOT_FOUND');
      return listStreets(req.params.code).map(({ code, name }) => ({ code, name }));
    },
  );
}

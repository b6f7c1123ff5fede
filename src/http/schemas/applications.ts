import { Type } from 'typebox';
import {
  applicationStatuses,
  applicationTypes,
  materialKinds,
  bases,
} from '../../domain/applications/application.ts';
import { materialContentTypes, MAX_MATERIAL_BYTES } from '../../domain/applications/material-files.ts';
import { Address, IsoDateString, Uuid } from './common.ts';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

export const ApplicationType = literals(applicationTypes);
export const ApplicationStatus = literals(applicationStatuses);
export const MaterialKind = literals(materialKinds);
export const Basis = literals(bases);

export const MaterialUpload = Type.Object(
  {
    kind: MaterialKind,
    contentType: literals(materialContentTypes),
    // No maxLength here: a file over the limit must be told MATERIAL_TOO_LARGE (decodeMaterial), not a
    // schema error; the route's body limit still bounds what is read.
    content: Type.String({
      description: `base64 of the file, at most ${MAX_MATERIAL_BYTES / 1024 / 1024} MB once decoded`,
    }),
  },
  { additionalProperties: false },
);

export const ApplicationBody = Type.Object(
  {
    type: ApplicationType,
    cardId: Type.Optional(Uuid),
    address: Type.Optional(Address),
    basis: Type.Optional(Basis),
    declaredContributionMonths: Type.Optional(Type.Integer({ minimum: 0, maximum: 600 })),
    materials: Type.Optional(Type.Array(MaterialUpload, { maxItems: 6 })),
  },
  { additionalProperties: false },
);

export const ApplicationView = Type.Object(
  {
    id: Uuid,
    type: ApplicationType,
    status: ApplicationStatus,
    channel: Type.String(),
    stationId: Type.String(),
    districtCode: Type.String(),
    streetCode: Type.String(),
    acceptedOn: IsoDateString,
    dueBy: IsoDateString,
    dueByProvisional: Type.Boolean({
      description:
        'the due date was counted on a provisional calendar (weekends and fixed-date public holidays) because the official arrangement of its year is not published yet; it is recomputed when the year is loaded',
    }),
    missing: Type.Array(Type.String()),
    reason: Type.Union([Type.String(), Type.Null()]),
    cardId: Type.Union([Uuid, Type.Null()]),
    issuedCardId: Type.Union([Uuid, Type.Null()]),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Application' },
);

// Stations and staff accounts as the admin routes answer them; the admin pages import the types.
import { Type } from 'typebox';

export const StationKind = Type.Union([Type.Literal('police_station'), Type.Literal('service_station')]);
export const Role = Type.Union([
  Type.Literal('clerk'),
  Type.Literal('officer'),
  Type.Literal('community_police'),
  Type.Literal('admin'),
]);
export const Station = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: StationKind,
  districtCode: Type.String(),
  streetCodes: Type.Array(Type.String()),
  address: Type.String(),
});
export const Staff = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  role: Role,
  stationId: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
});

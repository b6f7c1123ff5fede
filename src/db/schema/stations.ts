import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Police stations (派出所) and residence service stations (服务站); each serves one district. */
export const stations = pgTable('stations', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind', { enum: ['police_station', 'service_station'] }).notNull(),
  districtCode: text('district_code').notNull(),
  /** Streets (乡镇/街道 codes) whose community police belong to this station. */
  streetCodes: text('street_codes').array().notNull().default([]),
  address: text('address').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

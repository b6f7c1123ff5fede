import { customType } from 'drizzle-orm/pg-core';

/** PostgreSQL bytea as a Uint8Array (both drivers hand one back: a Buffer on node-postgres). */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

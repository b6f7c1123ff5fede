// Demo mode's SMS gateway: nothing leaves the machine; messages land in the dev_outbox table and
// are readable at GET /api/v1/dev/outbox (demo only). Behaves like the real one: asynchronous,
// one message per call, the text exactly as a phone would receive it.
import type { Db } from '../db/client.ts';
import { devOutbox } from '../db/schema/index.ts';
import type { SmsSender } from '../ports/sms-sender.ts';

export function devOutboxSms(db: Db): SmsSender {
  return {
    send: async (to, text, at) => {
      await db.insert(devOutbox).values({ to, text, sentAt: at });
    },
  };
}

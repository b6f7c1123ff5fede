// Demo mode's SMS gateway: nothing leaves the machine; messages land in the dev_outbox table and
// are readable at GET /api/v1/dev/outbox (demo only). Behaves like the real one: asynchronous,
// one message per call, the text exactly as a phone would receive it.
// The phone and text are sealed like the platform's own data (a demo database is dumped too).
import type { Db } from '../db/client.ts';
import { devOutbox } from '../db/schema/index.ts';
import type { PersonalCipher } from '../crypto/personal-cipher.ts';
import type { SmsSender } from '../ports/sms-sender.ts';

export function devOutboxSms(cipher: PersonalCipher): (db: Db) => SmsSender {
  return (db) => ({
    send: async (to, text, at) => {
      await db.insert(devOutbox).values({
        toIndex: cipher.indexHex('phone', to),
        toSealed: cipher.seal('dev_outbox.to', to),
        textSealed: cipher.seal('dev_outbox.text', text),
        sentAt: at,
      });
    },
  });
}

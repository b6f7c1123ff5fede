// Production SMS through the bureau's gateway. Contract: POST {to, text} with a bearer token →
// any 2xx means accepted for delivery.
import type { SmsSender } from '../ports/sms-sender.ts';

export function httpSmsGateway(opts: { url: string; token: string; timeoutMs?: number }): SmsSender {
  return {
    send: async (to, text) => {
      const res = await fetch(opts.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${opts.token}` },
        body: JSON.stringify({ to, text }),
        signal: AbortSignal.timeout(opts.timeoutMs ?? 5000),
      });
      if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
    },
  };
}

// The production adapters against a provider stand-in listening on loopback: what they send, and
// how they treat a provider that fails.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify, { type FastifyInstance } from 'fastify';
import { httpRealNameVerifier } from './http-real-name-verifier.ts';
import { httpSmsGateway } from './http-sms-gateway.ts';

let provider: FastifyInstance;
let base: string;
const sent: { to: string; text: string; auth: string | undefined }[] = [];

before(async () => {
  provider = Fastify();
  provider.post<{ Body: { name: string; idNumber: string; phone?: string } }>('/real-name', (req, reply) => {
    if (req.headers.authorization !== 'Bearer secret') return reply.status(401).send({});
    const { name, phone } = req.body;
    // With a phone: the carrier has 13800000001 registered to 王小明 and nothing else.
    return { match: name === '王小明' && (phone === undefined || phone === '13800000001') };
  });
  provider.post('/broken', (_req, reply) => reply.status(502).send({}));
  provider.post<{ Body: { to: string; text: string } }>('/sms', (req, reply) => {
    sent.push({ ...req.body, auth: req.headers.authorization });
    return reply.status(202).send({});
  });
  base = await provider.listen({ host: '127.0.0.1', port: 0 });
});
after(() => provider.close());

test('real-name: the provider says whether the name belongs to the ID number', async () => {
  const v = httpRealNameVerifier({ url: `${base}/real-name`, token: 'secret' });
  assert.equal(await v.matches({ name: '王小明', idNumber: '11010119900307001X' }), true);
  assert.equal(await v.matches({ name: '李四', idNumber: '11010119900307001X' }), false);
});

test('three-factor: the provider says whether the carrier registers the phone to that person', async () => {
  const v = httpRealNameVerifier({ url: `${base}/real-name`, token: 'secret' });
  const person = { name: '王小明', idNumber: '11010119900307001X' };
  assert.equal(await v.phoneRegisteredTo({ ...person, phone: '13800000001' }), true);
  assert.equal(await v.phoneRegisteredTo({ ...person, phone: '13912349001' }), false);
  await assert.rejects(
    httpRealNameVerifier({ url: `${base}/broken`, token: 'secret' }).phoneRegisteredTo({
      ...person,
      phone: '13800000001',
    }),
  );
});

test('real-name: a failing or unauthorised provider is an error, never a refusal', async () => {
  await assert.rejects(
    httpRealNameVerifier({ url: `${base}/broken`, token: 'secret' }).matches({ name: 'a', idNumber: 'b' }),
  );
  await assert.rejects(
    httpRealNameVerifier({ url: `${base}/real-name`, token: 'wrong' }).matches({ name: 'a', idNumber: 'b' }),
  );
});

test('SMS: the gateway receives the number and the text with the token', async () => {
  await httpSmsGateway({ url: `${base}/sms`, token: 'secret' }).send(
    '13800000001',
    '验证码 123456',
    new Date(),
  );
  assert.deepEqual(sent.at(-1), { to: '13800000001', text: '验证码 123456', auth: 'Bearer secret' });
  await assert.rejects(httpSmsGateway({ url: `${base}/broken`, token: 'secret' }).send('1', 'x', new Date()));
});

/**
 * Baseline for `scripts/bench api`: the least a note read can cost on this stack. A bare
 * fastify app (the api's fastify version, default options, no logger, no hooks) answering
 * `GET /v1/notes/:id` with the response bodies it was handed over IPC (`{ note }` objects, looked
 * up by id in a Map), serialised by fastify's default JSON path on every request. No auth, no
 * database, no audit. Sends `{ port }` back over IPC once listening; the notes stay in memory only.
 */
import Fastify from 'fastify';

const bodies = await new Promise<{ note: { id: string } }[]>((resolve) => process.once('message', resolve as (m: unknown) => void));
const byId = new Map(bodies.map((b) => [b.note.id, b]));
const app = Fastify();
app.get<{ Params: { id: string } }>('/v1/notes/:id', async (req, reply) => byId.get(req.params.id) ?? reply.code(404).send({ error: 'not found' }));
await app.listen({ host: '127.0.0.1', port: 0 });
process.send!({ port: (app.server.address() as { port: number }).port });
const stop = () => void app.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

# One image for api, gateway and worker (the command picks the service). Multi-stage,
# runs as a non-root user. TypeScript runs through tsx: there is no build step to drift.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
RUN npm i -g pnpm@10.34.9
COPY pnpm-lock.yaml pnpm-workspace.yaml package.json ./
COPY packages/config/package.json packages/config/
COPY packages/observability/package.json packages/observability/
COPY packages/domain/package.json packages/domain/
COPY packages/db/package.json packages/db/
COPY packages/storage/package.json packages/storage/
COPY packages/audio/package.json packages/audio/
COPY packages/queue/package.json packages/queue/
COPY packages/transcription/package.json packages/transcription/
COPY packages/coding/package.json packages/coding/
COPY packages/drafting/package.json packages/drafting/
COPY services/api/package.json services/api/
COPY services/gateway/package.json services/gateway/
COPY services/worker/package.json services/worker/
RUN pnpm install --frozen-lockfile

FROM node:20-bookworm-slim AS runtime
# ffmpeg decodes uploads; pocketsphinx is the offline speech engine (worker only, but one image is simpler).
RUN apt-get update && apt-get install -y --no-install-recommends ffmpeg pocketsphinx pocketsphinx-en-us curl \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=deps /app /app
COPY . .
RUN groupadd --system --gid 10001 scribe && useradd --system --uid 10001 --gid 10001 --home /app scribe \
  && mkdir -p /app/var/audio && chown -R scribe:scribe /app/var
# Numeric, so Kubernetes can verify runAsNonRoot (infra/k8s runs it as 10001:10001).
USER 10001:10001
ENV NODE_ENV=production HOST=0.0.0.0
# api by default; compose and the Kubernetes manifests pass services/<name>/src/main.ts
CMD ["node", "--import", "tsx", "services/api/src/main.ts"]

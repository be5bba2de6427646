# syntax=docker/dockerfile:1
# Build: compile TypeScript and install production dependencies (better-sqlite3 may compile).
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY src ./src
# npm ci runs prepare (tsc to dist/); then drop the dev dependencies.
RUN npm ci --no-audit --no-fund && npm prune --omit=dev --no-audit --no-fund

# Run: plain node as the unprivileged node user; the store and the model cache on a volume.
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HEALTH_PORT=8080
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY bin ./bin
COPY config ./config
COPY briefings ./briefings
RUN mkdir -p /app/data /app/.cache && chown node:node /app/data /app/.cache
USER node
VOLUME ["/app/data", "/app/.cache"]
# 8080: /healthz, /readyz, /metrics; 3000: Slack's HTTP mode (PORT).
EXPOSE 8080 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.HEALTH_PORT || 8080) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/cli.js", "start"]

# capwatch: multi-stage build. The build stage installs every dependency (npm's `prepare` builds dist/),
# then prunes to production dependencies; the runtime stage carries only those, as the unprivileged `node` user.
ARG NODE_VERSION=22

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
# Toolchain for native modules (better-sqlite3) when no prebuilt binary matches.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY bin ./bin
COPY src ./src
COPY commands ./commands
COPY adapters ./adapters
COPY tsconfig.json ./
RUN npm ci \
 && npm prune --omit=dev \
 && npm cache clean --force

FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production \
    DATA_DIR=/data \
    PORT=3000
WORKDIR /app
COPY --from=build --chown=root:root /app/package.json ./package.json
COPY --from=build --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/bin ./bin
COPY --from=build --chown=root:root /app/dist ./dist
# The bundled price and policy history (read at run time, not compiled into dist/).
COPY --from=build --chown=root:root /app/src/market/history/data ./src/market/history/data
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
# node:*-slim has no curl; Node's own fetch asks /healthz.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM reaches node directly (exec form): the bot drains and exits 0 within 10 s. The flags are
# `npm start`'s: a small young generation keeps the bot near 120 MB resident instead of 150.
CMD ["node", "--enable-source-maps", "--max-semi-space-size=2", "--optimize-for-size", "bin/main.js"]

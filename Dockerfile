# syntax=docker/dockerfile:1
#
# Lintas: the API, serving the built dashboard on the same port (3000).
#
#   docker compose up --build                 with PostgreSQL and Redis (see docker-compose.yml)
#   docker build -t lintas . && docker run -p 3000:3000 -e DATABASE_URL=postgres://… -e JWT_SECRET=… lintas
#
# Node 24 (the LTS line; see package.json `engines`). Build stages run on the full Debian image,
# which has the tools to compile a native addon should one need it (argon2 loads its prebuilt
# N-API binary; package.json `allowScripts` declares which install scripts run). The run stage is
# the slim image of the same Debian release, with production dependencies and the built dist
# folders only.

ARG NODE_BUILD_IMAGE=node:24-bookworm
ARG NODE_RUN_IMAGE=node:24-bookworm-slim

# The npm workspace manifests, listed once: `npm ci` needs every workspace's package.json.
FROM ${NODE_BUILD_IMAGE} AS manifests
WORKDIR /src
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/dashboard/package.json apps/dashboard/
COPY apps/dashboard-e2e/package.json apps/dashboard-e2e/
COPY apps/simulator/package.json apps/simulator/
COPY libs/contracts/package.json libs/contracts/
COPY libs/testing/package.json libs/testing/

# Production dependencies only, for the run stage.
FROM manifests AS deps
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# Everything, to build the API, the dashboard and the contracts library.
FROM manifests AS build
ENV NX_DAEMON=false NX_NO_CLOUD=true
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx nx run-many -t build -p api dashboard contracts --outputStyle=static

FROM ${NODE_RUN_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    LINTAS_DATA_DIR=/app/data
WORKDIR /app
COPY --from=manifests /src/ ./
COPY --from=deps /src/node_modules ./node_modules
COPY --from=build /src/libs/contracts/dist ./libs/contracts/dist
COPY --from=build /src/apps/api/dist ./apps/api/dist
COPY --from=build /src/apps/dashboard/dist ./apps/dashboard/dist
# Headless Chromium prints the after-action report (PDF); the Noto fonts shape Khmer, Thai, Lao,
# Myanmar and Vietnamese in it. Debian's packages, as CI uses them (CHROMIUM_PATH).
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium fonts-noto-core \
 && rm -rf /var/lib/apt/lists/*
ENV CHROMIUM_PATH=/usr/bin/chromium
# The data folder (the embedded PostgreSQL when no DATABASE_URL is given) belongs to the run user.
RUN mkdir -p /app/data && chown node:node /app/data
# `node` (uid 1000) comes with the official image.
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "apps/api/dist/main.js"]

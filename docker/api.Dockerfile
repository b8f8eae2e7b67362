# Kapwa API and worker image (one image, two commands). Build from the repository root:
#   docker build -f docker/api.Dockerfile -t kapwa-api .
# Run:  node dist/main.js (default) · node dist/worker.js · node dist/cli.js migrate|seed

FROM node:20-bookworm-slim AS build
# argon2 is a native addon that its install script compiles (node-gyp): it needs a compiler, and the
# Node headers that ship with this image (npm_config_nodedir), so nothing is downloaded for it.
ENV npm_config_nodedir=/usr/local
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
# Pinned here and in .ci/run; package.json has no packageManager field on purpose (see STACK-NOTES).
RUN npm install -g pnpm@12
WORKDIR /src

# (Not `pnpm fetch` first: in pnpm 12 it runs install scripts, argon2's among them, for every package.)
COPY . .
# Only the api and the workspace packages it depends on (@kapwa/shared, @kapwa/migrations).
RUN pnpm install --frozen-lockfile --filter "@kapwa/api..." \
  && pnpm --filter "@kapwa/api..." run build \
  && pnpm --filter @kapwa/api deploy --prod /out

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
# The worker makes media renditions with Debian's ffmpeg/ffprobe (the api and the worker share this image).
RUN apt-get update \
  && apt-get install -y --no-install-recommends ffmpeg \
  && rm -rf /var/lib/apt/lists/*
# Uploads and renditions when no S3 bucket is configured (MEDIA_DIR); a volume in compose.yml.
RUN mkdir -p /var/lib/kapwa/media && chown node:node /var/lib/kapwa/media
ENV MEDIA_DIR=/var/lib/kapwa/media
WORKDIR /app
# /out holds dist/, package.json and production node_modules with the workspace packages copied in.
COPY --from=build /out /app
# Course material for `node dist/cli.js content:import` (it reads ../../content/courses from dist/).
COPY --from=build /src/content /content
# Code stays root-owned and read-only to the process that runs it.
USER node
EXPOSE 3000
CMD ["node", "dist/main.js"]

# Kapwa web image: the built single-page app served by nginx, which also proxies the API paths.
# Build from the repository root:  docker build -f docker/web.Dockerfile -t kapwa-web .

FROM node:20-bookworm-slim AS build
RUN npm install -g pnpm@12
WORKDIR /src
COPY . .
# Only the web app and the workspace packages it depends on (@kapwa/shared, @kapwa/graphql).
RUN pnpm install --frozen-lockfile --filter "@kapwa/web..." \
  && pnpm --filter "@kapwa/web..." run build

FROM nginx:stable-alpine AS runtime
COPY docker/nginx.conf /etc/nginx/conf.d/default.conf
COPY docker/nginx-security-headers.conf /etc/nginx/snippets/kapwa-security-headers.conf
COPY --from=build /src/web/dist /usr/share/nginx/html
EXPOSE 80

# syntax=docker/dockerfile:1
# Build stage: the official Swift 6 image (6.2 or later: swift-log and swift-metrics need
# tools version 6.2), with the C libraries Dateline links.
FROM swift:6.2-jammy AS build
# Versions come from the image's Ubuntu release and its security updates; pinning exact
# versions would break the build each time the archive drops one.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends libssl-dev zlib1g-dev libpq-dev libxml2-dev libcurl4-openssl-dev pkg-config \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /build
# The manifest first, so the dependency layer is reused while only sources change.
COPY Package.swift ./
RUN swift package resolve
COPY Sources ./Sources
# The binary links the Swift runtime statically.
RUN swift build -c release --product dateline --static-swift-stdlib \
    && mkdir -p /staging \
    && cp "$(swift build -c release --show-bin-path)/dateline" /staging/

# Runtime stage: the Ubuntu release the build image is based on, its runtime libraries and
# CA certificates, the binary, the web page, the configuration, the extractor's knowledge base
# and the seed; nothing else.
FROM ubuntu:jammy
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends libssl3 zlib1g libpq5 libxml2 libcurl4 ca-certificates tzdata \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 dateline \
    && useradd --system --uid 10001 --gid 10001 --home-dir /app --shell /usr/sbin/nologin dateline \
    && mkdir -p /app/data \
    && chown 10001:10001 /app/data
WORKDIR /app
COPY --from=build /staging/dateline /app/dateline
COPY Public /app/Public
COPY config.json /app/config.json
# The knowledge base and the seed live outside /app/data, so a volume mounted there for the
# journal never hides them.
COPY data/knowledge /app/knowledge
COPY data/seed /app/seed
ENV DATELINE_HOST=0.0.0.0 \
    DATELINE_PORT=8080 \
    DATELINE_CONFIG=/app/config.json \
    DATELINE_SEED_DIRECTORY=/app/seed \
    DATELINE_KNOWLEDGE_DIRECTORY=/app/knowledge \
    DATELINE_DATA_DIR=/app/data \
    DATELINE_LOG_FORMAT=json
USER 10001:10001
EXPOSE 8080
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 CMD ["/app/dateline", "healthcheck"]
ENTRYPOINT ["/app/dateline"]
CMD ["serve"]

# syntax=docker/dockerfile:1
# Build stage: the official Swift 6 image, with the C libraries Dateline links.
FROM swift:6.1-jammy AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends libssl-dev zlib1g-dev pkg-config \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /build
COPY Package.swift ./
COPY Sources ./Sources
COPY Tests ./Tests
RUN swift build -c release --product dateline --static-swift-stdlib \
    && mkdir -p /staging \
    && cp "$(swift build -c release --show-bin-path)/dateline" /staging/

# Runtime stage: the binary, the web page, the configuration and the seed; nothing else.
FROM ubuntu:jammy
RUN apt-get update \
    && apt-get install -y --no-install-recommends libssl3 zlib1g ca-certificates tzdata \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin dateline
WORKDIR /app
COPY --from=build /staging/dateline /app/dateline
COPY Public /app/Public
COPY config.json /app/config.json
COPY data/seed /app/data/seed
ENV DATELINE_HOST=0.0.0.0 \
    DATELINE_PORT=8080 \
    DATELINE_CONFIG=/app/config.json
USER dateline
EXPOSE 8080
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 CMD ["/app/dateline", "healthcheck"]
ENTRYPOINT ["/app/dateline"]
CMD ["serve"]

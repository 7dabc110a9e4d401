# Dateline: `make run` builds and serves on the seeded in-memory store; `make test` runs every test.
# Both install missing system packages first (as root), or print the command that would.

SWIFT ?= swift
SYSTEM_PACKAGES := libssl-dev zlib1g-dev libpq-dev libxml2-dev libcurl4-openssl-dev pkg-config
TEST_SYSTEM_PACKAGES := curl openssl python3-pip chromium chromium-driver postgresql
DEBUG_BINARY := .build/debug/dateline
# The 32-writer, 32-reader concurrency test runs this long in `make test`.
export DATELINE_WRITE_SOAK_SECONDS ?= 30

.PHONY: run build release train test unit-tests contract-tests browser-tests tls-tests container-smoke lint eval bench bench-writes bench-writes-compare bench-html bench-import bench-replicas bench-extraction bench-profile fuzz slowloris soak system-packages test-packages clean

run: system-packages release
	.build/release/dateline serve

build: system-packages
	$(SWIFT) build

release: system-packages
	$(SWIFT) build -c release --product dateline

# Every test: Swift unit, socket and process tests; then, against the running binary, the
# contract, browser and TLS tests; then the container smoke test.
test: system-packages test-packages unit-tests contract-tests browser-tests tls-tests container-smoke

# The suites that start a server: run a second time on the Dispatch-source engine (the first
# pass runs on the platform's default, epoll on Linux).
SOCKET_SUITES := HTTPServerTests|DatelineAPITests\.(MetricsLiveTests|ChangeFeedOverSocketsTests|ServeProcessTests|CrashRecoveryTests)

unit-tests:
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	DATELINE_TEST_IO_ENGINE=dispatch $(SWIFT) test --skip-build --filter '$(SOCKET_SUITES)'

contract-tests:
	scripts/contract-tests $(DEBUG_BINARY)

browser-tests:
	scripts/browser-tests $(DEBUG_BINARY)

tls-tests:
	scripts/tls-tests $(DEBUG_BINARY)

# The container image without a Docker engine: hadolint, then the image's files laid out and run.
container-smoke:
	scripts/container-smoke

# swift format's lint (the layout .swift-format describes, warnings as errors), then hadolint.
SWIFT_FORMAT_PATHS := Package.swift Sources Tests bench/store bench/html/Sources fuzz/Package.swift fuzz/Sources
lint:
	$(SWIFT) format lint --strict --recursive --configuration .swift-format $(SWIFT_FORMAT_PATHS)
	scripts/hadolint

# The entity tagger's weights, from annotated corpora fetched beforehand into CORPORA (see
# data/knowledge/NOTICE.md for what goes where); writes data/knowledge/entity-tagger.bin and
# reports the CoNLL-2003 development split. Deterministic: the same corpora give the same bytes.
train: system-packages
	@test -n "$(CORPORA)" || { echo "usage: make train CORPORA=DIR (DIR/conll2003/train.txt, valid.txt; DIR/wikigold/wikigold.conll.txt)"; exit 2; }
	$(SWIFT) build -c release --product dateline-train
	.build/release/dateline-train train $(CORPORA)

# Extraction quality: the gold articles always; with CORPORA=DIR (fetched beforehand, see
# data/knowledge/NOTICE.md and README's Extraction section), also entity F1 on the CoNLL-2003
# development split, time expressions and the events they date on the held-out fifth of TimeBank
# and AQUAINT, and dated events on the held-out SemEval-2015 TimeLine articles.
eval: system-packages
	$(SWIFT) build -c release --product dateline-eval
	.build/release/dateline-eval Tests/ExtractionTests/Articles
	@if [ -n "$(CORPORA)" ]; then \
		$(SWIFT) build -c release --product dateline-train && \
		echo "== entities, CoNLL-2003 development split (testa)" && \
		.build/release/dateline-train evaluate $(CORPORA)/conll2003/valid.txt && \
		echo "== time expressions, TimeBank and AQUAINT, held-out fifth" && \
		.build/release/dateline-eval --timebank $(CORPORA)/timebank --split test && \
		echo "== dated events, TimeBank and AQUAINT, held-out fifth" && \
		.build/release/dateline-eval --timebank-events $(CORPORA)/timebank --split test && \
		echo "== dated events, SemEval-2015 TimeLine, held-out corpora" && \
		.build/release/dateline-eval --timeline $(CORPORA)/timeline --split test; \
	fi

# Dateline against Hummingbird and nginx on the same bytes; writes bench/results/latest.md.
bench: system-packages
	bench/run

# Durable `POST /events` beside PostgreSQL's pgbench insert (a throwaway cluster), with the same
# 64 writers; then the write rate at 10k, 100k and 1M stored events. Writes
# bench/results/writes-latest.md; WRITES_DURATION, WRITES_REPEATS, WRITES_SIZES (see the script).
bench-writes: system-packages
	bench/writes/run

# The work tree's durable write rate against a baseline commit's (COMPARE_REF, default HEAD),
# both served at once so that the machine's swings meet both; bench/writes/compare.
bench-writes-compare: system-packages
	bench/writes/compare

# Main-text extraction on ScrapingHub's article-extraction benchmark (a working copy in BENCH),
# beside trafilatura 2.0 (pip-installed for the benchmark only).
bench-html: system-packages
	@test -n "$(BENCH)" || { echo "usage: make bench-html BENCH=DIR (a copy of scrapinghub/article-extraction-benchmark)"; exit 2; }
	bench/html/run $(BENCH)

# Bulk import: 10,000 articles through `dateline import` into a durable release server; articles/s,
# RSS after the load and the p99 of an entity's events read during it.
bench-import: system-packages
	bench/import/run

# Two replicas on one throwaway PostgreSQL cluster: the delay before a write on one shows on the
# other (p50 to max), 64 durable writers on one replica and split over two beside pgbench's insert
# rate, and GET /events on a replica against embedded. Writes bench/results/replicas-latest.md;
# REPLICAS_EVENTS, REPLICAS_DURATION, REPLICAS_REPEATS (see the script).
bench-replicas: release
	DATELINE_BIN=$$($(SWIFT) build -c release --show-bin-path)/dateline bench/replicas/run

# Extraction beside spaCy's small English model with dateparser (Python packages pip-installed
# when missing), on the gold articles, scored alike; speed per 1,000 words on one core. Writes
# bench/results/extraction-latest.md.
bench-extraction: system-packages
	bench/extraction/run

bench-profile: system-packages
	bench/profile

# Robustness: libFuzzer over the parser, queries and write bodies; slowhttptest beside a latency
# probe; a mixed read/write soak counting errors, RSS and descriptors.
fuzz: system-packages
	scripts/fuzz $(or $(FUZZ_SECONDS),60)

slowloris: release
	scripts/slowloris .build/release/dateline

soak: release
	scripts/soak .build/release/dateline $(or $(SOAK_SECONDS),300)

# Installs what is missing with apt-get when run as root; otherwise names the command to run.
system-packages:
	@scripts/ensure-packages $(SYSTEM_PACKAGES)

test-packages:
	@scripts/ensure-packages $(TEST_SYSTEM_PACKAGES)

clean:
	rm -rf .build

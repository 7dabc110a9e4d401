# Dateline: `make run` builds and serves on the seeded in-memory store; `make test` runs every test.
# Both install missing system packages first (as root), or print the command that would.

SWIFT ?= swift
SYSTEM_PACKAGES := libssl-dev zlib1g-dev pkg-config
TEST_SYSTEM_PACKAGES := curl python3-pip
PYTHON ?= python3
PIP_PACKAGES := openapi-spec-validator

.PHONY: run build release test unit-tests system-packages test-packages clean

run: system-packages release
	.build/release/dateline serve

build: system-packages
	$(SWIFT) build

release: system-packages
	$(SWIFT) build -c release --product dateline

test: system-packages test-packages unit-tests

unit-tests:
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Installs what is missing with apt-get when run as root; otherwise names the command to run.
system-packages:
	@scripts/ensure-packages $(SYSTEM_PACKAGES)

test-packages:
	@scripts/ensure-packages $(TEST_SYSTEM_PACKAGES)

clean:
	rm -rf .build

# IDGenRec — the two commands a user needs: `make demo` and `make test` (plus `make bench`).
# Each first installs what is missing (Debian packages through apt-get; quick when already present).

SWIFT      ?= swift
APT_PKGS   := libopenblas-dev libjson-c-dev pkg-config
BUILD_FLAGS := -c release

.PHONY: deps build test demo bench quality clean

deps:
	@missing=""; for p in $(APT_PKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build $(BUILD_FLAGS)

# The suites are XCTest; Swift Testing is off so the runner's closing line is XCTest's summary.
test: deps
	$(SWIFT) build $(BUILD_FLAGS) --build-tests
	$(SWIFT) test $(BUILD_FLAGS) --skip-build --disable-swift-testing

DEMO_VARY ?= item_ids=textual,keyword,title,collaborative,sequential

demo: deps
	$(SWIFT) build $(BUILD_FLAGS) --product idgenrec
	.build/release/idgenrec compare Examples/demo.json --vary $(DEMO_VARY) --baselines popularity,sasrec

# The CPU quality benchmark on Amazon Beauty (../shared/data/beauty): every item-ID strategy on the same split
# and 25-minute budget per variant, on the causal backbone (runs/quality/beauty-causal/report.html) and on the
# T5 (runs/quality/beauty/report.html), the baselines beside them. Hours, not minutes: run it on an otherwise
# idle machine. Each variant's run.json records its steps planned/done.
QUALITY_VARY ?= item_ids=textual,keyword,title,collaborative,sequential

quality: deps
	$(SWIFT) build $(BUILD_FLAGS) --product idgenrec
	.build/release/idgenrec compare benchmarks/quality/beauty-causal.json --vary $(QUALITY_VARY) --baselines popularity,item-knn,markov,sasrec
	.build/release/idgenrec compare benchmarks/quality/beauty.json --vary $(QUALITY_VARY) --baselines popularity,item-knn,markov,sasrec

bench: deps
	$(SWIFT) build $(BUILD_FLAGS) --product idgenrec-bench
	.build/release/idgenrec-bench all

clean:
	rm -rf .build

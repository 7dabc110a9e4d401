# Sourced by bench/run and bench/profile: builds Dateline in release, with the Swift runtime
# linked statically as the container image builds it (--static-swift-stdlib).
#
# build_dateline sets source_dir (where the server runs from: config.json, data/seed, Public),
# scratch (the build folder), dateline_bin, and dateline_commit and dateline_dirty (the commit
# built and whether its sources had uncommitted changes, as they were when the build began: an
# edit during the run does not change the binary). It needs root, results_dir, say and die.
#
# BENCH_REF names a commit to measure instead of the work tree: it is exported (git archive) to
# .build-bench-ref/ and built and served from there, with that commit's seed and configuration.
build_dateline() {
    if [[ -n ${BENCH_REF:-} ]]; then
        source_dir=$root/.build-bench-ref
        local commit
        commit=$(git -C "$root" rev-parse --verify "$BENCH_REF^{commit}") || die "no commit $BENCH_REF"
        # Exported again only for another commit: fresh files would rebuild everything.
        if [[ $(cat "$source_dir/.bench-ref" 2>/dev/null) != "$commit" ]]; then
            mkdir -p "$source_dir"
            find "$source_dir" -mindepth 1 -maxdepth 1 ! -name .build -exec rm -rf {} +
            git -C "$root" archive --format=tar "$commit" | tar -x -C "$source_dir"
            echo "$commit" >"$source_dir/.bench-ref"
        fi
        scratch=$source_dir/.build
        say "building Dateline at $BENCH_REF (release, .build-bench-ref)"
    else
        source_dir=$root
        scratch=$root/.build-bench
        say "building Dateline (release, .build-bench)"
    fi
    dateline_commit=$(git -C "$root" rev-parse --short "${BENCH_REF:-HEAD}" 2>/dev/null || echo unknown)
    dateline_dirty=false
    if [[ -z ${BENCH_REF:-} && -n $(git -C "$root" status --porcelain -- Sources Package.swift 2>/dev/null) ]]; then
        dateline_dirty=true
    fi
    local log attempt
    log=$(mktemp)
    # Retried when a source file changes under the build (an editor saving mid-build).
    for attempt in 1 2 3; do
        if (cd "$source_dir" && swift build -c release --product dateline --static-swift-stdlib --scratch-path "$scratch" >"$log" 2>&1); then
            break
        fi
        if grep -q 'was modified during the build' "$log" && ((attempt < 3)); then continue; fi
        tail -n 20 "$log" >&2
        rm -f "$log"
        die "the Dateline build failed"
    done
    tail -n 1 "$log" >&2
    rm -f "$log"
    dateline_bin=$scratch/release/dateline
}

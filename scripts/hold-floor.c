/*
 * A floor for `consortium-bench micro`: the same hold workload (N entities each holding U(0,1) durations from
 * one SplitMix64 stream seeded 1, total/N holds each; same end time, printed to check) on a bare 4-ary heap in
 * C, with no engine around it: no priorities or insertion sequence, no ties, no lane, no guards, no
 * dispatch. It shows what the machine gives for this loop, against which the kernel's figure can be read.
 *
 *   clang -O3 -DKEY_BITS=64  -o /tmp/hold-floor64  scripts/hold-floor.c && /tmp/hold-floor64 1000 20000000
 *   clang -O3 -DKEY_BITS=128 -o /tmp/hold-floor128 scripts/hold-floor.c && /tmp/hold-floor128 1000 20000000
 *
 * KEY_BITS=64 compares times only (as the kernel's heap does); 128 compares (time, sequence) pairs, as the
 * kernel's heap did before it kept ties out of the heap. The smallest child is chosen by selects, the sift is
 * bottom-up and the sentinel padding is the kernel's, so the two differ only in what surrounds the heap.
 */
#ifndef KEY_BITS
#define KEY_BITS 64
#endif
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static uint64_t state;

static inline double unit(void) {
    uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    z ^= z >> 31;
    return (double)(z >> 11) * 0x1.0p-53;
}

static inline uint64_t time_key(double t) { /* t >= 0 */
    union { double d; uint64_t u; } x = {t};
    return x.u;
}

#if KEY_BITS == 128
typedef unsigned __int128 key_t_;
#define MAKE_KEY(t, seq) (((key_t_)time_key(t) << 64) | (seq))
#define KEY_TIME(k) ((uint64_t)((k) >> 64))
#else
typedef uint64_t key_t_;
#define MAKE_KEY(t, seq) time_key(t)
#define KEY_TIME(k) (k)
#endif
#define SENTINEL (~(key_t_)0)

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: %s PROCS TOTAL\n", argv[0]); return 2; }
    int n_procs = atoi(argv[1]);
    long total = atol(argv[2]);
    if (n_procs <= 0 || total < n_procs) { fprintf(stderr, "need PROCS > 0 and TOTAL >= PROCS\n"); return 2; }
    size_t slots = (size_t)n_procs * 4 + 64;
    key_t_ *keys = aligned_alloc(64, sizeof(key_t_) * slots);
    uint32_t *ids = malloc(sizeof(uint32_t) * slots);
    int *remaining = malloc(sizeof(int) * n_procs);
    for (size_t i = 0; i < slots; i++) keys[i] = SENTINEL;
    state = 1;
    int count = 0;
    uint64_t seq = 0;
    (void)seq; /* used by 128-bit keys only */
    for (int p = 0; p < n_procs; p++) { /* first holds, pushed by sift-up */
        remaining[p] = (int)(total / n_procs);
        key_t_ k = MAKE_KEY(unit(), seq++);
        int j = count++;
        while (j > 0 && k < keys[(j - 1) / 4]) { keys[j] = keys[(j - 1) / 4]; ids[j] = ids[(j - 1) / 4]; j = (j - 1) / 4; }
        keys[j] = k;
        ids[j] = (uint32_t)p;
    }
    long events = 0;
    double now = 0;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    while (count > 0) {
        union { uint64_t u; double d; } top = {KEY_TIME(keys[0])};
        now = top.d;
        uint32_t p = ids[0];
        events++;
        key_t_ k;
        uint32_t id;
        if (--remaining[p] > 0) { k = MAKE_KEY(now + unit(), seq++); id = p; }
        else { count--; k = keys[count]; id = ids[count]; keys[count] = SENTINEL; if (count == 0) break; }
        int hole = 0; /* bottom-up: the hole runs down the smallest children, the entry climbs back */
        for (int first = 1; first < count; first = hole * 4 + 1) {
            key_t_ *c = keys + first;
            int b01 = c[1] < c[0], b23 = c[3] < c[2];
            key_t_ m01 = b01 ? c[1] : c[0], m23 = b23 ? c[3] : c[2];
            int right = m23 < m01;
            int best = first + (right ? 2 + b23 : b01);
            keys[hole] = right ? m23 : m01;
            ids[hole] = ids[best];
            hole = best;
        }
        while (hole > 0 && k < keys[(hole - 1) / 4]) { keys[hole] = keys[(hole - 1) / 4]; ids[hole] = ids[(hole - 1) / 4]; hole = (hole - 1) / 4; }
        keys[hole] = k;
        ids[hole] = id;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double wall = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9;
    printf("C floor, %d-bit keys  procs=%d events=%ld end_time=%.3f\n", KEY_BITS, n_procs, events, now);
    printf("wall (loop only): %.4f s   events/second: %.0f\n", wall, (double)events / wall);
    free(keys); free(ids); free(remaining);
    return 0;
}

package io.meetzy.benchmarks.verifier;

import io.meetzy.core.internal.Base62;
import io.meetzy.verifier.RateLimitPolicy;
import io.meetzy.verifier.TokenVerifier;
import io.meetzy.verifier.internal.KeyedRateLimiters;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.SplittableRandom;

/**
 * Passes distinct token ids through the verifier's per-token rate limiters, with the verifier's
 * defaults ({@link RateLimitPolicy#DEFAULT_TOKEN_POLICY}, at most
 * {@link TokenVerifier#DEFAULT_MAX_TRACKED_KEYS} limiters), and prints the heap in use after a
 * full GC at checkpoints. The limiters are the only thing that grows with the number of distinct
 * tokens: the store's size is the store's business.
 *
 * <p>Usage: {@code java -Xmx256m -cp benchmarks.jar io.meetzy.benchmarks.verifier.RateLimiterHeap
 * [tokens] [maxKeys]}; defaults 1000000 and the verifier's default.
 */
public final class RateLimiterHeap {

    private RateLimiterHeap() {
    }

    public static void main(String[] args) throws InterruptedException {
        int tokens = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int maxKeys = args.length > 1 ? Integer.parseInt(args[1]) : TokenVerifier.DEFAULT_MAX_TRACKED_KEYS;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        SplittableRandom random = new SplittableRandom(20_251_204L);

        long baseline = usedAfterGc(memory);
        KeyedRateLimiters limiters = new KeyedRateLimiters(RateLimitPolicy.DEFAULT_TOKEN_POLICY, maxKeys,
                System::nanoTime, Runnable::run);
        System.out.printf("tokens=%d maxKeys=%d policy=%s baseline=%.1f MiB%n", tokens, maxKeys,
                RateLimitPolicy.DEFAULT_TOKEN_POLICY, mebibytes(baseline));

        long granted = 0;
        for (int i = 1; i <= tokens; i++) {
            // Real token ids have this form: tok_ and 16 base62 digits.
            String tokenId = "tok_" + Base62.randomDigits(random, 16);
            granted += limiters.acquire(tokenId).granted() ? 1 : 0;
            if (i % (tokens / 10) == 0) {
                long used = usedAfterGc(memory) - baseline;
                System.out.printf("after %,9d tokens: %,7d limiters held, %6.1f MiB above baseline%n",
                        i, limiters.size(), mebibytes(used));
            }
        }
        System.out.printf("granted=%d (every first request of a token is granted)%n", granted);
    }

    private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static double mebibytes(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}

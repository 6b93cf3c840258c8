package io.meetzy.verifier;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * A {@link VerificationListener} that counts verifications: how many passed, and how many were
 * rejected for each {@link Rejection.Reason}. Read the counts from a metrics endpoint or a
 * health check. Thread-safe; counting costs one {@link LongAdder} increment.
 */
public final class CountingVerificationListener implements VerificationListener {

    private final LongAdder verified = new LongAdder();
    private final Map<Rejection.Reason, LongAdder> rejected = new EnumMap<>(Rejection.Reason.class);

    public CountingVerificationListener() {
        for (Rejection.Reason reason : Rejection.Reason.values()) {
            rejected.put(reason, new LongAdder());
        }
    }

    @Override
    public void onVerification(VerificationEvent event) {
        event.rejectionReason().ifPresentOrElse(reason -> rejected.get(reason).increment(), verified::increment);
    }

    /** Returns the number of verified requests so far. */
    public long verified() {
        return verified.sum();
    }

    /** Returns the number of requests rejected for {@code reason} so far. */
    public long rejected(Rejection.Reason reason) {
        return rejected.get(reason).sum();
    }

    /** Returns a copy of the rejection counts, with every reason present. */
    public Map<Rejection.Reason, Long> rejectedByReason() {
        Map<Rejection.Reason, Long> counts = new EnumMap<>(Rejection.Reason.class);
        rejected.forEach((reason, count) -> counts.put(reason, count.sum()));
        return counts;
    }

    @Override
    public String toString() {
        return "CountingVerificationListener[verified=" + verified() + ", rejected=" + rejectedByReason() + "]";
    }
}

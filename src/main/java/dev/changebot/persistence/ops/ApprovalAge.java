package dev.changebot.persistence.ops;

import java.time.Duration;

/**
 * Buckets of how long a change has waited for approval (since it was requested), as the {@code age}
 * label names them. Not cumulative: each change counts in one bucket, and their sum is all waiting.
 */
enum ApprovalAge {
    UNDER_1H("under_1h", Duration.ofHours(1)),
    UNDER_4H("1h_to_4h", Duration.ofHours(4)),
    UNDER_1D("4h_to_1d", Duration.ofDays(1)),
    UNDER_3D("1d_to_3d", Duration.ofDays(3)),
    OVER_3D("over_3d", null);

    private final String label;
    /** The bucket holds ages below this; null: no upper bound. */
    private final Duration below;

    ApprovalAge(String label, Duration below) {
        this.label = label;
        this.below = below;
    }

    String label() {
        return label;
    }

    Duration below() {
        return below;
    }
}

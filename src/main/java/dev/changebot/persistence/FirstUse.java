package dev.changebot.persistence;

import jakarta.inject.Provider;

/**
 * A singleton taken from its provider on first use, then kept. Providers break construction cycles (the
 * beans woken after a commit need the adapters that wake them), but each {@code get()} asks the bean
 * context again: on the ack path, two or three such look-ups a request were 3 % of a request thread's
 * CPU (docs/performance/ack-path-fifteenth-session.md) for beans that never change. Two threads racing
 * to the first use get the same singleton.
 */
public final class FirstUse<T> {

    private final Provider<T> provider;
    private volatile T bean;

    public FirstUse(Provider<T> provider) {
        this.provider = provider;
    }

    public T get() {
        var kept = bean;
        if (kept == null) {
            kept = provider.get();
            bean = kept;
        }
        return kept;
    }
}

package dev.changebot;

import io.micronaut.runtime.Micronaut;

/** Starts Changebot. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).mainClass(Application.class).banner(false).start();
    }
}

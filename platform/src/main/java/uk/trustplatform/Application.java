package uk.trustplatform;

import io.micronaut.runtime.Micronaut;

/** Starts the Trust Platform service. */
public final class Application {

    private Application() {}

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}

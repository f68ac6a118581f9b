package dev.changebot.cli;

import picocli.CommandLine;

/** The version the jar's manifest carries (Implementation-Version), for {@code --version}. */
final class ChangebotVersion implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        var version = ChangebotVersion.class.getPackage().getImplementationVersion();
        return new String[] {"changebot " + (version == null ? "(development build)" : version)};
    }
}

package io.meetzy.examples.cli;

import picocli.CommandLine;

/** Reads the version from the jar manifest, which Maven writes at build time. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = MeetzyCli.class.getPackage().getImplementationVersion();
        return new String[] {"meetzy " + (version == null ? "development build" : version)};
    }
}

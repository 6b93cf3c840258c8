package io.meetzy.examples.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** The result of one in-process {@code meetzy} run. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = MeetzyCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }
}

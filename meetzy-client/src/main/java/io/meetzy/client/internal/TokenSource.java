package io.meetzy.client.internal;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The origin of the client's token, so that messages name the setting the user must fix.
 *
 * @param settingName the name of the setting, used as the subject of a sentence
 * @param missingState the predicate for a setting without a value, such as {@code "is not set"}
 * @param fix what the user should do to set a valid token, as a clause without a final period
 */
public record TokenSource(String settingName, String missingState, String fix) {

    public static final TokenSource ENVIRONMENT = new TokenSource("MEETZY_API_TOKEN", "is not set",
            "export MEETZY_API_TOKEN=<your token> with the full value shown when the token was created");

    public static final TokenSource BUILDER = new TokenSource(
            "The token given to MeetzyClient.Builder.token(..)", "is null",
            "pass the full value shown when the token was created, or call MeetzyClient.fromEnv()"
                    + " to read it from MEETZY_API_TOKEN");

    public static final TokenSource FIXED = new TokenSource("The token given to TokenProvider.of(..)", "is null",
            "pass the full value shown when the token was created");

    public static final TokenSource SUPPLIER = new TokenSource(
            "The token from the supplier given to TokenProvider.fromSupplier(..)", "is null",
            "make the supplier return the full value shown when the token was created");

    public TokenSource {
        Objects.requireNonNull(settingName, "settingName");
        Objects.requireNonNull(missingState, "missingState");
        Objects.requireNonNull(fix, "fix");
    }

    /** Returns the source for a token file; the path is named in messages, the content never. */
    public static TokenSource file(Path file) {
        return new TokenSource("The token file " + file, "cannot be read",
                "write the full value shown when the token was created into " + file + ", on one line");
    }

    /** Returns the source for a {@link io.meetzy.client.TokenProvider} implemented outside this library. */
    public static TokenSource custom(Class<?> providerType) {
        return new TokenSource("The token from " + providerType.getName(), "is null",
                "make " + providerType.getSimpleName() + ".token() return the full value shown when the token"
                        + " was created");
    }

    /** Returns the name of the setting for use inside a sentence. */
    public String settingNameInSentence() {
        return settingName.startsWith("The ") ? "the " + settingName.substring(4) : settingName;
    }
}

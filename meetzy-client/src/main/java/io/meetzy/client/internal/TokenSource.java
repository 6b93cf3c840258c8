package io.meetzy.client.internal;

/** The origin of the client's token, so that messages name the setting the user must fix. */
public enum TokenSource {

    ENVIRONMENT("MEETZY_API_TOKEN", "is not set",
            "export MEETZY_API_TOKEN=<your token> with the full value shown when the token was created"),

    BUILDER("The token given to MeetzyClient.Builder.token(..)", "is null",
            "pass the full value shown when the token was created, or call MeetzyClient.fromEnv()"
                    + " to read it from MEETZY_API_TOKEN");

    private final String settingName;
    private final String missingState;
    private final String fix;

    TokenSource(String settingName, String missingState, String fix) {
        this.settingName = settingName;
        this.missingState = missingState;
        this.fix = fix;
    }

    /** Returns the name of the setting, used as the subject of a sentence. */
    public String settingName() {
        return settingName;
    }

    /** Returns the name of the setting for use inside a sentence. */
    public String settingNameInSentence() {
        return settingName.startsWith("The ") ? "the " + settingName.substring(4) : settingName;
    }

    /** Returns the predicate for a setting without a value, such as {@code "is not set"}. */
    public String missingState() {
        return missingState;
    }

    /** Returns what the user should do to set a valid token, as a clause without a final period. */
    public String fix() {
        return fix;
    }
}

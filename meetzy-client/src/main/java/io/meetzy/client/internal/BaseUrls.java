package io.meetzy.client.internal;

import io.meetzy.client.MeetzyConfigurationException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * Validates and normalizes the API base URL: http or https, a host, an optional port and path
 * prefix, and nothing else. The result has no trailing slash, so request paths that start with
 * {@code /} can be appended to it.
 */
public final class BaseUrls {

    private static final String EXAMPLE = "such as https://api.meetzy.ai or http://127.0.0.1:8080";

    private BaseUrls() {
    }

    /**
     * Parses and validates a base URL given as text, ignoring surrounding whitespace.
     *
     * @param settingName the name used in messages, such as {@code MEETZY_BASE_URL}
     * @throws MeetzyConfigurationException naming the setting and the value, unless the value
     *     contains user information, which may hold a password and is therefore not repeated
     */
    public static URI parse(String raw, String settingName) {
        Objects.requireNonNull(raw, "raw");
        String value = raw.strip();
        if (value.isEmpty()) {
            throw new MeetzyConfigurationException(settingName + " is empty: set it to the API address, "
                    + EXAMPLE + ", or leave it unset to use https://api.meetzy.ai.");
        }

        try {
            return validate(new URI(value), settingName);
        } catch (URISyntaxException e) {
            throw new MeetzyConfigurationException(settingName + " '" + TokenRedactor.redact(value)
                    + "' is not a valid URL (" + e.getReason() + " at index " + e.getIndex()
                    + "): use an http or https URL, " + EXAMPLE + ".");
        }
    }

    /**
     * Validates a base URL and returns it normalized: lower-case scheme, no trailing slash.
     *
     * @throws MeetzyConfigurationException naming the setting and what is wrong
     */
    public static URI validate(URI url, String settingName) {
        Objects.requireNonNull(url, "url");

        if (url.getRawUserInfo() != null) {
            throw new MeetzyConfigurationException(settingName + " contains user information (user@ or"
                    + " user:password@ before the host): remove it, because the client authenticates with"
                    + " the API token.");
        }

        String quotedUrl = "'" + TokenRedactor.redact(url.toString()) + "'";
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new MeetzyConfigurationException(settingName + " " + quotedUrl
                    + " must start with http:// or https://, " + EXAMPLE + ".");
        }
        if (url.getHost() == null) {
            throw new MeetzyConfigurationException(settingName + " " + quotedUrl
                    + " has no valid host name: use an http or https URL with a host, " + EXAMPLE + ".");
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new MeetzyConfigurationException(settingName + " " + quotedUrl
                    + " must not have a query or fragment: use only the scheme, host, port and an optional"
                    + " path prefix, " + EXAMPLE + ".");
        }

        return normalize(url, scheme);
    }

    private static URI normalize(URI url, String scheme) {
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return URI.create(scheme + "://" + url.getRawAuthority() + path);
    }
}

package io.meetzy.verifier.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Reads parameter names of {@code application/x-www-form-urlencoded} text: a URL query or a form body. */
public final class FormParameters {

    /** The parameter RFC 6750 sections 2.2 and 2.3 define for a token outside the header. */
    public static final String ACCESS_TOKEN = "access_token";

    private static final String FORM_MEDIA_TYPE = "application/x-www-form-urlencoded";

    private FormParameters() {
    }

    /** Returns whether {@code encoded} has a parameter named {@code name}, with or without a value. */
    public static boolean contains(String encoded, String name) {
        if (encoded == null || encoded.isEmpty()) {
            return false;
        }
        for (String parameter : encoded.split("&")) {
            int equals = parameter.indexOf('=');
            String parameterName = equals < 0 ? parameter : parameter.substring(0, equals);
            if (name.equals(decode(parameterName))) {
                return true;
            }
        }
        return false;
    }

    /** Returns whether a {@code Content-Type} value names a form body, whatever its parameters and case. */
    public static boolean isForm(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
        return mediaType.equalsIgnoreCase(FORM_MEDIA_TYPE);
    }

    /** Percent-decodes a parameter name; a malformed escape leaves it as it is. */
    private static String decode(String name) {
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return name;
        }
    }

    /** Returns the body as form text; bytes that are not UTF-8 cannot spell a parameter name and are replaced. */
    public static String bodyText(byte[] body, int length) {
        return new String(body, 0, length, StandardCharsets.UTF_8);
    }
}

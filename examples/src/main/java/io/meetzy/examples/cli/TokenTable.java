package io.meetzy.examples.cli;

import io.meetzy.client.ApiTokenInfo;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders tokens as an aligned plain-text table, with masked values only. An active token that
 * expires within {@link #EXPIRING_WINDOW} gets {@value #EXPIRING_MARK} after its expiry, and a
 * legend under the table states what to do.
 */
final class TokenTable {

    /** A week gives an owner time to rotate a token and roll the replacement out before it stops working. */
    static final Duration EXPIRING_WINDOW = Duration.ofDays(7);

    static final String EXPIRING_MARK = "!";

    private static final String[] HEADERS = {"ID", "NAME", "MASKED VALUE", "EXPIRES (UTC)", "LAST USED (UTC)", "STATUS"};
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private TokenTable() {
    }

    static String render(List<ApiTokenInfo> tokens, Instant now) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADERS);
        boolean anyExpiring = false;
        for (ApiTokenInfo token : tokens) {
            boolean expiring = token.isExpiringWithin(EXPIRING_WINDOW, now);
            anyExpiring |= expiring;
            rows.add(new String[] {
                    token.id(),
                    token.name(),
                    token.maskedValue(),
                    MINUTES.format(token.expiresAt()) + (expiring ? " " + EXPIRING_MARK : ""),
                    token.lastUsedAt().map(MINUTES::format).orElse("never"),
                    token.status().jsonName()
            });
        }

        String table = align(rows);
        if (anyExpiring) {
            table += EXPIRING_MARK + " expires within " + EXPIRING_WINDOW.toDays() + " days: unless it was already"
                    + " replaced, rotate it with `meetzy tokens rotate ID --grace 24h`." + System.lineSeparator();
        }
        return table;
    }

    private static String align(List<String[]> rows) {
        int[] widths = new int[HEADERS.length];
        for (String[] row : rows) {
            for (int column = 0; column < row.length; column++) {
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }

        StringBuilder table = new StringBuilder();
        for (String[] row : rows) {
            for (int column = 0; column < row.length; column++) {
                boolean last = column == row.length - 1;
                table.append(last ? row[column] : String.format("%-" + widths[column] + "s  ", row[column]));
            }
            table.append(System.lineSeparator());
        }
        return table.toString();
    }
}

package io.meetzy.examples.cli;

import io.meetzy.core.TokenMetadata;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Renders token metadata as an aligned plain-text table, with masked values only. */
final class TokenTable {

    private static final String[] HEADERS = {"ID", "NAME", "MASKED VALUE", "EXPIRES (UTC)", "LAST USED (UTC)", "STATUS"};
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private TokenTable() {
    }

    static String render(List<TokenMetadata> tokens, Instant now) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADERS);
        for (TokenMetadata token : tokens) {
            rows.add(new String[] {
                    token.id(),
                    token.name(),
                    token.maskedValue(),
                    MINUTES.format(token.expiresAt()),
                    token.lastUsedAt().map(MINUTES::format).orElse("never"),
                    token.status(now).jsonName()
            });
        }
        return align(rows);
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

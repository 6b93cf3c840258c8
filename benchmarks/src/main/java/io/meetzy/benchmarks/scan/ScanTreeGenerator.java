package io.meetzy.benchmarks.scan;

import io.meetzy.core.ApiToken;
import io.meetzy.core.Expiration;
import io.meetzy.core.TokenGenerator;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Writes a tree of text files for the {@code meetzy scan} benchmark: source-like and log-like
 * lines, with a valid token and a look-alike with a wrong checksum every few thousand lines.
 * The text is seeded, so two runs with the same arguments differ only in the tokens.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar io.meetzy.benchmarks.scan.ScanTreeGenerator
 * DIRECTORY [MEGABYTES] [SEED]}. DIRECTORY must not exist yet.
 */
public final class ScanTreeGenerator {

    private static final int DEFAULT_MEGABYTES = 300;
    private static final long DEFAULT_SEED = 1;

    /** 256 KiB files: a large source file or a small log, so per-file costs count but do not dominate. */
    private static final int FILE_SIZE = 256 * 1024;

    private static final int FILES_PER_DIRECTORY = 25;
    private static final int DIRECTORIES_PER_PARENT = 8;

    /** One valid token and one look-alike in about this many lines. */
    private static final int LINES_PER_TOKEN = 3000;

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /** Words that include the letters of {@code mzy_}, so the prefix search meets them often. */
    private static final List<String> WORDS = List.of(
            "the", "request", "user_id", "timestamp", "INFO", "ERROR", "my_value", "zone", "yield",
            "return", "config", "mzy", "mzy_", "lazy_loader", "enzyme", "public", "static", "final",
            "String", "int", "if", "else", "for", "=", "==", "{", "}", "(", ")", ";", "//", "->",
            "MEETZY_BASE_URL", "https://api.example.invalid/v1/assistants", "null", "true", "false");

    private final Random random;
    private final TokenGenerator tokens = TokenGenerator.ofDefaults();
    private long validTokens;
    private long lookAlikes;
    private long bytesWritten;

    private ScanTreeGenerator(long seed) {
        this.random = new Random(seed);
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 3) {
            System.err.println("Usage: ScanTreeGenerator DIRECTORY [MEGABYTES] [SEED]");
            System.exit(2);
        }
        Path root = Path.of(args[0]);
        int megabytes = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_MEGABYTES;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : DEFAULT_SEED;
        if (Files.exists(root)) {
            System.err.println("DIRECTORY " + root + " already exists; pass a new path so no file is overwritten.");
            System.exit(2);
        }

        ScanTreeGenerator generator = new ScanTreeGenerator(seed);
        long files = generator.writeTree(root, (long) megabytes * 1024 * 1024);
        System.out.printf("%d files, %d bytes, %d valid tokens, %d look-alikes with a wrong checksum%n",
                files, generator.bytesWritten, generator.validTokens, generator.lookAlikes);
    }

    private long writeTree(Path root, long totalBytes) throws IOException {
        long fileCount = (totalBytes + FILE_SIZE - 1) / FILE_SIZE;
        for (long i = 0; i < fileCount; i++) {
            long directory = i / FILES_PER_DIRECTORY;
            Path file = root.resolve("module-" + directory / DIRECTORIES_PER_PARENT)
                    .resolve("package-" + directory % DIRECTORIES_PER_PARENT)
                    .resolve("File" + i % FILES_PER_DIRECTORY + ".txt");
            Files.createDirectories(file.getParent());
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
                writeFile(writer);
            }
        }
        return fileCount;
    }

    private void writeFile(Writer writer) throws IOException {
        int written = 0;
        while (written < FILE_SIZE) {
            String line = nextLine();
            writer.write(line);
            written += line.length();
        }
        bytesWritten += written;
    }

    private String nextLine() {
        StringBuilder line = new StringBuilder("    ");
        int words = 4 + random.nextInt(12);
        for (int i = 0; i < words; i++) {
            line.append(random.nextInt(5) == 0 ? randomIdentifier() : WORDS.get(random.nextInt(WORDS.size()))).append(' ');
        }

        int draw = random.nextInt(LINES_PER_TOKEN);
        if (draw == 0) {
            line.append("token=").append(tokens.generate(Expiration.NINETY_DAYS).token().value());
            validTokens++;
        } else if (draw == 1) {
            line.append("token=").append(withWrongChecksum(tokens.generate(Expiration.NINETY_DAYS).token()));
            lookAlikes++;
        }
        return line.append('\n').toString();
    }

    private String randomIdentifier() {
        int length = 6 + random.nextInt(30);
        StringBuilder identifier = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            identifier.append(BASE62.charAt(random.nextInt(BASE62.length())));
        }
        return identifier.toString();
    }

    private static String withWrongChecksum(ApiToken token) {
        String value = token.value();
        char changed = value.charAt(value.length() - 1) == 'A' ? 'B' : 'A';
        return value.substring(0, value.length() - 1) + changed;
    }
}

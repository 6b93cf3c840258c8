package io.meetzy.client.internal;

import io.meetzy.client.MeetzyConfigurationException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;

/**
 * Reads the token from a file and reads it again when the file changes. Change is detected from the
 * modification time, size and file key (the inode on Unix), checked on every {@link #token()} call
 * with one {@code stat}, so a secret replaced by an atomic rename is picked up on the next request.
 */
public final class FileTokenProvider implements SourcedTokenProvider {

    private static final Logger LOG = LoggerFactory.getLogger("io.meetzy.client.MeetzyClient");

    private final Path file;
    private final TokenSource source;
    private volatile Snapshot snapshot;

    /** Set after a failed re-read has been logged, so a missing file logs once, not on every request. */
    private volatile boolean readFailureLogged;

    public FileTokenProvider(Path file) {
        this.file = Objects.requireNonNull(file, "file");
        this.source = TokenSource.file(file);
    }

    /**
     * Returns the token from the file, read again if the file changed since the last read.
     *
     * @throws MeetzyConfigurationException if the file cannot be read and was never read before
     */
    @Override
    public String token() {
        Snapshot current = snapshot;
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (current != null && current.matches(attributes)) {
                return current.value();
            }
            return read(attributes);
        } catch (IOException e) {
            return keepLastValue(current, e);
        }
    }

    /** Reads the file now, whether or not its attributes changed. */
    @Override
    public String reload() {
        try {
            return read(Files.readAttributes(file, BasicFileAttributes.class));
        } catch (IOException e) {
            return keepLastValue(snapshot, e);
        }
    }

    @Override
    public TokenSource source() {
        return source;
    }

    @Override
    public String toString() {
        return "FileTokenProvider[" + file + "]";
    }

    private String read(BasicFileAttributes attributes) throws IOException {
        String value = Files.readString(file, StandardCharsets.UTF_8).strip();
        snapshot = new Snapshot(attributes.lastModifiedTime(), attributes.size(), attributes.fileKey(), value);
        if (readFailureLogged) {
            readFailureLogged = false;
            LOG.info("The token file {} can be read again.", file);
        }
        return value;
    }

    private String keepLastValue(Snapshot current, IOException e) {
        if (current == null) {
            throw new MeetzyConfigurationException(source.settingName() + " cannot be read ("
                    + e.getClass().getSimpleName() + "): " + source.fix() + ", and check its permissions.");
        }
        if (!readFailureLogged) {
            readFailureLogged = true;
            LOG.warn("The token file {} cannot be read ({}); the client keeps using the token read before."
                    + " Restore the file if it was not being replaced.", file, e.getClass().getSimpleName());
        }
        return current.value();
    }

    /** The file's attributes at the last read, and the value read. */
    private record Snapshot(FileTime modified, long size, Object fileKey, String value) {

        boolean matches(BasicFileAttributes attributes) {
            return modified.equals(attributes.lastModifiedTime())
                    && size == attributes.size()
                    && Objects.equals(fileKey, attributes.fileKey());
        }
    }
}

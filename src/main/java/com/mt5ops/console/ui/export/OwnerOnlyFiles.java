package com.mt5ops.console.ui.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Consumer;

/**
 * Writes files only their owner may read: 0600 for a file, 0700 for a directory it creates, set as each is created
 * (never loosened then tightened) where the file system has POSIX permissions. A file is written next to its
 * target and moved over it, so a reader never sees half of it and an old, wider mode does not survive.
 */
public final class OwnerOnlyFiles {
    private OwnerOnlyFiles() {
    }

    /** Creates {@code dir} and its missing parents owner-only; one that exists is left as it is. */
    public static void createDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (posix(dir.getFileSystem())) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dir);
        }
    }

    /** Writes {@code target} as UTF-8 text through {@code body}; an {@link UncheckedIOException} from it fails the write. */
    public static void write(Path target, Consumer<Writer> body) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        FileAttribute<?>[] ownerOnly = posix(dir.getFileSystem())
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp", ownerOnly);
        try {
            try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                body.accept(w);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static boolean posix(FileSystem fs) {
        return fs.supportedFileAttributeViews().contains("posix");
    }
}

package com.magazine.content.asset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Files in a folder of this machine. A file is written beside its place and moved into it, so a reader (or a crash)
 * never sees half of one.
 */
final class LocalMediaStore implements MediaStore {

    private final Path root;

    LocalMediaStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void put(String key, byte[] bytes, String contentType) {
        Path target = resolve(key);
        try {
            Files.createDirectories(target.getParent());
            Path partial = target.resolveSibling(".partial-" + UUID.randomUUID());
            Files.write(partial, bytes);
            try {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new MediaStoreUnavailable("could not write " + key + " in " + root, e);
        }
    }

    @Override
    public Optional<byte[]> read(String key) {
        try {
            return Optional.of(Files.readAllBytes(resolve(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new MediaStoreUnavailable("could not read " + key + " in " + root, e);
        }
    }

    @Override
    public Optional<Path> localFile(String key) {
        Path file = resolve(key);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    @Override
    public void delete(String key) {
        try {
            Path file = resolve(key);
            Files.deleteIfExists(file);
            // and the folders it leaves empty (an asset's renditions go with it)
            for (Path folder = file.getParent(); folder != null && !folder.equals(root); folder = folder.getParent()) {
                try (Stream<Path> left = Files.list(folder)) {
                    if (left.findAny().isPresent()) {
                        break;
                    }
                }
                Files.deleteIfExists(folder);
            }
        } catch (java.nio.file.DirectoryNotEmptyException | NoSuchFileException e) {
            // another writer put a file in it meanwhile, or removed it first: fine
        } catch (IOException e) {
            throw new MediaStoreUnavailable("could not delete " + key + " in " + root, e);
        }
    }

    @Override
    public List<Stored> list(String prefix) {
        Path start = resolve(prefix);
        if (!Files.isDirectory(start)) {
            return List.of();
        }
        List<Stored> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(start)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                if (!file.getFileName().toString().startsWith(".partial-")) {
                    found.add(new Stored(root.relativize(file).toString().replace('\\', '/'),
                            Files.getLastModifiedTime(file).toInstant()));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new MediaStoreUnavailable("could not list " + prefix + " in " + root, e);
        }
        return found;
    }

    @Override
    public void check() {
        try {
            Files.createDirectories(root);
            if (!Files.isWritable(root)) {
                throw new IOException(root + " is not writable");
            }
        } catch (IOException e) {
            throw new MediaStoreUnavailable("the media folder " + root + " cannot be used", e);
        }
    }

    @Override
    public String describe() {
        return "local folder " + root;
    }

    /** The file of a key, which may never lead out of the folder. */
    private Path resolve(String key) {
        Path file = root.resolve(key).normalize();
        if (!file.startsWith(root)) {
            throw new IllegalArgumentException("a media key must stay inside the store: " + key);
        }
        return file;
    }
}

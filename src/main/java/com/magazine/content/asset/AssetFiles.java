package com.magazine.content.asset;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The files an asset's renditions are made from, for copying content elsewhere (README: Back up and restore): the
 * original as uploaded, and the master (upright, no metadata, at most {@code Renditions.MASTER_WIDTH} wide) that every
 * rendition is cut from. Renditions themselves are not listed: they are made again from the master on first request,
 * byte for byte the same.
 */
@ApplicationScoped
public class AssetFiles {

    /** The files of an asset worth copying. */
    public enum Kind {
        ORIGINAL("original"),
        MASTER("master.jpg");

        /** Its name in an archive, under the asset's id. */
        public final String fileName;

        Kind(String fileName) {
            this.fileName = fileName;
        }

        String storageKey(String sha256) {
            return this == ORIGINAL ? Renditions.originalKey(sha256) : Renditions.masterKey(sha256);
        }
    }

    private final MediaStore store;

    AssetFiles(MediaStore store) {
        this.store = store;
    }

    /** The content hashes of the assets whose file of this kind the media store holds. */
    public Set<String> storedHashes(Kind kind) {
        String prefix = kind.storageKey("").substring(0, kind.storageKey("").indexOf('/') + 1);
        Set<String> hashes = new HashSet<>();
        for (MediaStore.Stored stored : store.list(prefix)) {
            String name = stored.key().substring(stored.key().lastIndexOf('/') + 1);
            int dot = name.indexOf('.');
            if (!name.startsWith(".")) {
                hashes.add(dot < 0 ? name : name.substring(0, dot));
            }
        }
        return hashes;
    }

    /** The file of the asset whose content hash is {@code sha256}, if the store holds it. */
    public Optional<byte[]> read(String sha256, Kind kind) {
        return store.read(kind.storageKey(sha256));
    }

    /** Puts the file back, replacing what the store holds under its name. */
    public void write(String sha256, Kind kind, byte[] bytes, String originalMediaType) {
        store.put(kind.storageKey(sha256), bytes, kind == Kind.ORIGINAL ? originalMediaType : "image/jpeg");
    }
}

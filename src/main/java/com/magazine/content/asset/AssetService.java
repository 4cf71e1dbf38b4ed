package com.magazine.content.asset;

import com.magazine.content.common.database.Entities;
import com.fasterxml.jackson.databind.JsonNode;
import com.magazine.content.access.Caller;
import com.magazine.content.common.ContentConfig;
import com.magazine.content.common.error.Problems;
import com.magazine.content.common.events.Change;
import com.magazine.content.common.events.ChangeLog;
import com.magazine.content.common.http.HttpCaching;
import com.magazine.content.common.http.IfMatch;
import com.magazine.content.common.http.KeptInMemory;
import com.magazine.content.common.time.Timestamps;
import com.magazine.content.common.http.ReadDependencies;
import com.magazine.content.common.json.MergePatch;
import com.magazine.content.common.paging.Cursors;
import com.magazine.content.common.paging.Page;
import com.magazine.content.common.paging.PageRequest;
import com.magazine.content.common.text.Digests;
import com.magazine.content.common.text.Text;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The rules of assets: an upload is sniffed, measured before it is decoded, decoded upright once to make its master
 * copy and placeholder, and kept by content hash (the same bytes are one asset); its files are stored before its row
 * is committed, so there is never a row without its files (files without a row, left by a crash, are swept by
 * {@link MediaSweeper}). Renditions are made on first request by {@link RenditionMaker}.
 */
@ApplicationScoped
public class AssetService {

    private final AssetRepository assets;
    private final AssetLookups lookups;
    private final MediaStore store;
    private final RenditionMaker maker;
    private final ChangeLog changes;
    private final Cursors cursors;
    private final MergePatch mergePatch;
    private final Instance<Caller> caller;
    private final ContentConfig.Assets config;
    private final Instance<AssetUsers> users;

    private final AssetsInMemory embedded;

    AssetService(AssetRepository assets, AssetLookups lookups, MediaStore store, RenditionMaker maker,
            ChangeLog changes, Cursors cursors, MergePatch mergePatch, Instance<Caller> caller, ContentConfig config,
            Instance<AssetUsers> users, AssetsInMemory embedded) {
        this.users = users;
        this.embedded = embedded;
        this.assets = assets;
        this.lookups = lookups;
        this.store = store;
        this.maker = maker;
        this.changes = changes;
        this.cursors = cursors;
        this.mergePatch = mergePatch;
        this.caller = caller;
        this.config = config.assets();
    }

    /** An upload's outcome: the asset, and whether these bytes were new. */
    public record Uploaded(AssetView asset, boolean created) {
    }

    /** Takes an image upload; the same bytes again give the asset they gave before. */
    public Uploaded upload(byte[] body, AssetInput described) {
        if (body == null || body.length == 0) {
            throw Problems.invalidField("body", "must be the image's bytes");
        }
        String sha256 = Digests.sha256Hex(body);
        var known = QuarkusTransaction.requiringNew().call(() -> assets.bySha256(sha256).map(this::view));
        if (known.isPresent()) {
            return new Uploaded(known.get(), false);
        }
        Images.Probe probe = probe(body);
        Asset.Measured measured = maker.encoding(() -> master(body, probe, sha256));
        store.put(Renditions.originalKey(sha256), body, probe.format().mediaType);
        Caller who = caller.get();
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Asset asset = new Asset(measured, who.name(), who.staff() ? null : who.authorId().orElse(null));
                if (described != null) {
                    asset.describe(clean(described));
                }
                assets.persistAndFlush(asset);
                record(asset, Change.Event.ASSET_CREATED, Change.Op.upsert);
                return new Uploaded(view(asset), true);
            });
        } catch (PersistenceException e) {
            if (!uniqueViolation(e)) {
                throw e;
            }
            // the same bytes uploaded at the same moment: the other upload made the asset
            return QuarkusTransaction.requiringNew().call(() -> assets.bySha256(sha256)
                    .map(asset -> new Uploaded(view(asset), false)).orElseThrow(() -> e));
        }
    }

    @ActivateRequestContext
    public Page<AssetView> list(PageRequest page) {
        ReadDependencies.on(AssetKeys.ASSETS);
        Instant beforeAt = null;
        UUID beforeId = null;
        if (!page.first()) {
            List<String> cursor = cursors.decode("assets", page.cursor(), 2);
            beforeAt = Cursors.instant(cursor.get(0));
            beforeId = Cursors.uuid(cursor.get(1));
        }
        List<Asset> found = assets.page(beforeAt, beforeId, page.limit() + 1);
        Map<UUID, List<AssetUse>> uses = usesOf(found.stream().map(Asset::id).toList());
        return Page.of(found, page.limit(), asset -> view(asset, uses.getOrDefault(asset.id(), List.of())),
                asset -> cursors.encode("assets", asset.createdAt().toString(), asset.id().toString()));
    }

    @ActivateRequestContext
    public AssetView get(UUID id) {
        return view(find(id));
    }

    @Transactional
    public AssetView replace(UUID id, AssetInput input, IfMatch ifMatch) {
        Asset asset = findForWrite(id, ifMatch);
        asset.describe(keepingAlt(asset, clean(input)));
        assets.persistAndFlush(asset);
        record(asset, Change.Event.ASSET_UPDATED, Change.Op.upsert);
        return view(asset);
    }

    @Transactional
    public AssetView patch(UUID id, JsonNode patch, IfMatch ifMatch) {
        Asset asset = findForWrite(id, ifMatch);
        asset.describe(keepingAlt(asset, clean(mergePatch.apply(asInput(asset), patch))));
        assets.persistAndFlush(asset);
        record(asset, Change.Event.ASSET_UPDATED, Change.Op.upsert);
        return view(asset);
    }

    /** Deletes the asset's row; its files follow (now, or by the sweeper if this instance stops first). */
    public void delete(UUID id, IfMatch ifMatch) {
        String sha256 = QuarkusTransaction.requiringNew().call(() -> {
            Asset asset = findForWrite(id, ifMatch);
            List<AssetUse> uses = usesOf(List.of(id)).getOrDefault(id, List.of());
            if (!uses.isEmpty()) {
                throw Problems.conflict("asset-in-use", "The asset is shown by " + describe(uses)
                        + "; remove it from them first (its usedIn lists them all).");
            }
            record(asset, Change.Event.ASSET_DELETED, Change.Op.delete);
            assets.delete(asset);
            assets.flush();
            return asset.sha256();
        });
        try {
            store.delete(Renditions.masterKey(sha256));
            store.delete(Renditions.originalKey(sha256));
            store.list("renditions/" + id + "/").forEach(stored -> store.delete(stored.key()));
        } catch (MediaStoreUnavailable e) {
            // the row is gone: the sweeper removes the files once the store answers again
        }
    }

    /** One rendition, as {@link MediaResource} serves it. */
    public sealed interface Rendition {
        /** The asset's renditions now have another tag (a new focal point): the same rendition is there. */
        record Moved(String path) implements Rendition {
        }

        record Found(Renditions.Source source, Renditions.Crop crop, int width, Renditions.Encoding encoding,
                String sha256, Instant rightsExpireAt) implements Rendition {
        }
    }

    /** Which rendition a URL names, or the problem with it (404, 410, 400 for anything off the ladder). */
    public Rendition rendition(UUID id, String tag, String cropName, String file) {
        ReadDependencies.on(AssetKeys.asset(id));
        return rendition(id, lookups.of(id).orElseThrow(() -> Problems.notFound("asset", id.toString())), tag,
                cropName, file);
    }

    /** As {@link #rendition(UUID, String, String, String)} when the asset is known in memory: no query, no wait. */
    Optional<Rendition> knownRendition(UUID id, String tag, String cropName, String file) {
        return lookups.ifKnown(id).map(asset -> rendition(id, asset, tag, cropName, file));
    }

    private Rendition rendition(UUID id, AssetLookups.Lookup asset, String tag, String cropName, String file) {
        if (!asset.publicAt(Instant.now())) {
            throw Problems.gone("rights-expired", "The rights to show this image expired at "
                    + asset.rightsExpireAt() + ".");
        }
        Renditions.Crop crop = null;
        if (cropName != null) {
            crop = Renditions.Crop.named(cropName).orElseThrow(() -> Problems.invalid(List.of(Map.of("field", "crop",
                    "in", "path", "message", "must be one of " + Renditions.Crop.names()))));
        }
        int dot = file.lastIndexOf('.');
        Renditions.Encoding encoding = dot < 0 ? null
                : Renditions.Encoding.ofExtension(file.substring(dot + 1)).orElse(null);
        Integer width = dot <= 0 ? null : parseWidth(file.substring(0, dot));
        Renditions.Source source = asset.source();
        if (encoding == null || width == null || !source.widths(crop).contains(width)) {
            throw Problems.invalid(List.of(Map.of("field", "file", "in", "path", "message", "must be one of "
                    + source.widths(crop).stream().map(w -> w + ".jpg").toList()
                    + (source.webp() ? " or the same in .webp" : ""))));
        }
        if (encoding == Renditions.Encoding.WEBP && !source.webp()) {
            throw Problems.notFound("WebP rendition of asset", id + " (its JPEG is smaller: use .jpg)");
        }
        if (!source.tag().equals(tag)) {
            return new Rendition.Moved(source.path(crop, width, encoding));
        }
        return new Rendition.Found(source, crop, width, encoding, asset.sha256(), asset.rightsExpireAt());
    }

    /** The bytes of a rendition found by {@link #rendition}: from the store, or made now. */
    public byte[] bytes(Rendition.Found found) {
        return maker.rendition(found.source(), found.sha256(), found.crop(), found.width(), found.encoding());
    }

    /** The file that holds the rendition on this machine, if it is made and the store is a local folder. */
    public java.util.Optional<java.nio.file.Path> file(Rendition.Found found) {
        return store.localFile(found.source().storageKey(found.crop(), found.width(), found.encoding()));
    }

    private static boolean uniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static Integer parseWidth(String text) {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Integer.parseInt(text);
    }

    private Images.Probe probe(byte[] body) {
        try {
            return Images.probe(body, config.maxPixels());
        } catch (Images.Refused e) {
            throw refused(e);
        }
    }

    /** Decodes the upload once: the master copy (upright, no metadata), the placeholder, the colour, WebP or not. */
    private Asset.Measured master(byte[] body, Images.Probe probe, String sha256) {
        BufferedImage upright;
        try {
            upright = Images.decode(body, probe, Renditions.MASTER_WIDTH);
        } catch (Images.Refused e) {
            throw refused(e);
        }
        BufferedImage master = Images.resize(upright, Renditions.MASTER_WIDTH);
        upright = null;
        store.put(Renditions.masterKey(sha256), Images.jpeg(master, 0.92f), "image/jpeg");
        BufferedImage sample = Images.resize(master, 640);
        byte[] webp = maker.webpOrNull(sample);
        boolean offersWebp = webp != null && webp.length < RenditionMaker.jpeg(sample).length;
        return new Asset.Measured(probe.format().mediaType, probe.width(), probe.height(), body.length, sha256,
                Images.placeholder(master), Images.dominantColour(master), offersWebp);
    }

    private static HttpProblem refused(Images.Refused e) {
        return HttpProblem.builder()
                .withType(URI.create(Problems.TYPE_PREFIX + e.type))
                .withStatus(e.status)
                .withTitle(e.status == 415 ? "Unsupported Media Type" : "Unprocessable Content")
                .withDetail(e.getMessage())
                .with("violations", List.of(Map.of("field", "body", "in", "body", "message", e.getMessage())))
                .build();
    }

    private Asset find(UUID id) {
        return assets.findByIdOptional(id).orElseThrow(() -> Problems.notFound("asset", id.toString()));
    }

    /** Editors change any asset; an author key only those it uploaded. */
    private Asset findForWrite(UUID id, IfMatch ifMatch) {
        Asset asset = find(id);
        Caller who = caller.get();
        if (!who.staff() && (asset.createdByAuthorId() == null
                || !who.authorId().map(asset.createdByAuthorId()::equals).orElse(false))) {
            throw Problems.forbidden("An author key changes only the assets it uploaded; an editor's changes any.");
        }
        ifMatch.check(view(asset).etag());
        return asset;
    }

    private void record(Asset asset, Change.Event event, Change.Op op) {
        changes.record(new Change(event, asset.id(), null, op, op, asset.version(),
                AssetKeys.changed(asset.id())));
    }

    private static Asset.Described clean(AssetInput input) {
        FocalPoint focal = input.focalPoint() == null ? FocalPoint.CENTRE : input.focalPoint();
        return new Asset.Described(Text.plainLine(input.alt()), Text.plain(input.caption()),
                Text.plainLine(input.credit()), Text.plainLine(input.copyright()), input.rightsExpireAt(),
                focal.x(), focal.y());
    }

    private static AssetInput asInput(Asset asset) {
        Asset.Described d = asset.described();
        return new AssetInput(d.alt(), d.caption(), d.credit(), d.copyright(), d.rightsExpireAt(),
                new FocalPoint(d.focalX(), d.focalY()));
    }

    static Renditions.Source source(Asset asset) {
        return Renditions.Source.of(asset.id(), asset.sha256(), asset.width(), asset.height(), asset.focalX(),
                asset.focalY(), asset.offersWebp());
    }

    /**
     * The assets with these ids, as content embeds them, from memory or else in one query; unknown ids are left out. The answer being built
     * depends on each of them (their surrogate keys), found or not.
     */
    @ActivateRequestContext
    public Map<UUID, EmbeddedAsset> embeddable(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        for (UUID id : ids) {
            // found or not: an answer that shows no image for an unknown id changes if one comes to have it
            ReadDependencies.on(AssetKeys.asset(id));
        }
        return embedded.get(ids, Timestamps.now(), missing -> {
            Map<UUID, KeptInMemory.Loaded<EmbeddedAsset>> found = new LinkedHashMap<>();
            Entities.byIds(assets.getEntityManager(), Asset.class, missing).forEach(asset -> found.put(asset.id(),
                    new KeptInMemory.Loaded<>(EmbeddedAsset.of(asset), Set.of(AssetKeys.asset(asset.id())), null)));
            return found;
        });
    }

    /** What uses these assets, by asset: one question per feature that uses assets, for all of them. */
    private Map<UUID, List<AssetUse>> usesOf(List<UUID> ids) {
        Map<UUID, List<AssetUse>> uses = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return uses;
        }
        for (AssetUsers user : users) {
            user.usesOf(ids).forEach((id, found) -> uses.computeIfAbsent(id, k -> new java.util.ArrayList<>())
                    .addAll(found));
        }
        return uses;
    }

    private static String describe(List<AssetUse> uses) {
        return uses.stream().limit(3).map(use -> use.kind() + " '" + use.slug() + "'")
                .collect(java.util.stream.Collectors.joining(", ")) + (uses.size() > 3 ? " and " + (uses.size() - 3)
                + " more" : "");
    }

    /** An asset shown in public without an alt text of the use's own keeps its alt text. */
    private Asset.Described keepingAlt(Asset asset, Asset.Described described) {
        if (described.alt() == null && asset.alt() != null) {
            List<AssetUse> needing = usesOf(List.of(asset.id())).getOrDefault(asset.id(), List.of()).stream()
                    .filter(use -> use.published() && !use.altGiven()).toList();
            if (!needing.isEmpty()) {
                throw Problems.unprocessable("alt", "is required: the asset is shown without an alt text of its own "
                        + "by the published " + describe(needing));
            }
        }
        return described;
    }

    /** The image as content embeds it. */
    static ResponsiveImage image(Asset asset) {
        return EmbeddedAsset.of(asset).image(null, EmbeddedAsset.Size.PAGE);
    }

    private AssetView view(Asset asset) {
        return view(asset, usesOf(List.of(asset.id())).getOrDefault(asset.id(), List.of()));
    }

    private AssetView view(Asset asset, List<AssetUse> usedIn) {
        ReadDependencies.on(AssetKeys.asset(asset.id()));
        return new AssetView(asset.id(), asset.kind(), asset.mediaType(), asset.width(), asset.height(),
                asset.bytes(), asset.sha256(), asset.alt(), asset.caption(), asset.credit(), asset.copyright(),
                asset.rightsExpireAt(), new FocalPoint(asset.focalX(), asset.focalY()), image(asset), usedIn,
                asset.createdAt(), asset.createdBy(), asset.updatedAt(), asset.version(),
                usedIn.isEmpty() ? HttpCaching.etag(asset.id(), asset.version())
                        : HttpCaching.etagOf(java.util.stream.Stream.concat(
                                java.util.stream.Stream.of(HttpCaching.etag(asset.id(), asset.version()).getValue()),
                                usedIn.stream().map(AssetUse::toString)).toList()),
                asset.updatedAt());
    }
}

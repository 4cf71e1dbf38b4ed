package com.magazine.content.asset;

import com.magazine.content.common.ContentConfig;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Objects in a bucket of any S3-compatible store (AWS S3, MinIO, Ceph, R2, ...), for several instances that share
 * their media. The AWS SDK with its plain URL-connection HTTP client and short time-outs: a store that does not
 * answer is a 503 soon, not a request that hangs.
 */
final class S3MediaStore implements MediaStore {

    private final S3Client s3;
    private final String bucket;
    private final String where;
    private final boolean createBucket;

    S3MediaStore(ContentConfig.Assets.S3 config) {
        var builder = S3Client.builder()
                .region(Region.of(config.region()))
                .forcePathStyle(config.pathStyle())
                // checksums only where the protocol requires them: many S3-compatible stores refuse the SDK's
                // newer default (trailing checksums on every upload)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(20)))
                .credentialsProvider(config.accessKey().isPresent()
                        ? StaticCredentialsProvider.create(AwsBasicCredentials.create(config.accessKey().get(),
                                config.secretKey().orElse("")))
                        : DefaultCredentialsProvider.builder().build());
        config.endpoint().ifPresent(endpoint -> builder.endpointOverride(URI.create(endpoint)));
        this.s3 = builder.build();
        this.bucket = config.bucket();
        this.createBucket = config.createBucket();
        this.where = "s3 bucket '" + bucket + "'" + config.endpoint().map(e -> " at " + e).orElse("");
    }

    @Override
    public void put(String key, byte[] bytes, String contentType) {
        try {
            s3.putObject(request -> request.bucket(bucket).key(key).contentType(contentType),
                    RequestBody.fromBytes(bytes));
        } catch (SdkException e) {
            throw unavailable("write " + key, e);
        }
    }

    @Override
    public Optional<byte[]> read(String key) {
        try {
            return Optional.of(s3.getObjectAsBytes(request -> request.bucket(bucket).key(key)).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw unavailable("read " + key, e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            s3.deleteObject(request -> request.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            // gone already
        } catch (SdkException e) {
            throw unavailable("delete " + key, e);
        }
    }

    @Override
    public List<Stored> list(String prefix) {
        try {
            List<Stored> found = new ArrayList<>();
            for (S3Object object : s3.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix))
                    .contents()) {
                if (!object.key().endsWith("/")) { // folder markers some stores keep
                    found.add(new Stored(object.key(), object.lastModified()));
                }
            }
            return found;
        } catch (SdkException e) {
            throw unavailable("list " + prefix, e);
        }
    }

    @Override
    public void check() {
        try {
            s3.headBucket(request -> request.bucket(bucket));
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() != 404) {
                throw unavailable("reach the bucket", e);
            }
            if (!createBucket) {
                throw unavailable("find the bucket (create it, or set content.assets.s3.create-bucket=true)", e);
            }
            try {
                s3.createBucket(request -> request.bucket(bucket));
            } catch (SdkException created) {
                throw unavailable("create the bucket", created);
            }
        } catch (SdkException e) {
            throw unavailable("reach the bucket", e);
        }
    }

    @Override
    public String describe() {
        return where;
    }

    private MediaStoreUnavailable unavailable(String what, Exception e) {
        return new MediaStoreUnavailable("could not " + what + " in the " + where + ": " + e.getMessage(), e);
    }
}

package com.magazine.content.backup;

import com.magazine.content.access.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1")
@Tag(name = "Backup", description = "The whole content as one archive, and an empty instance restored from one "
        + "(README: Back up and restore). Admin only.")
@RolesAllowed(Role.ADMIN)
public class BackupResource {

    static final String ZIP = "application/zip";

    private final ExportService exports;
    private final RestoreService restores;

    BackupResource(ExportService exports, RestoreService restores) {
        this.exports = exports;
        this.restores = restores;
    }

    @GET
    @Path("export")
    @Produces(ZIP)
    @Operation(summary = "Get an archive of the whole content",
            description = "A ZIP archive, streamed as it is read: manifest.json (format content-api-export, version "
                    + "1, the archive's id, when it was taken, the schema version, the rows of each table), then "
                    + "tables/<table>.ndjson (one row a line, as JSON), then media/<asset id>/original and "
                    + "master.jpg. One consistent snapshot, whatever is written meanwhile. Left out: webhook "
                    + "secrets, webhook deliveries, draft preview tokens. It holds commenters' emails and "
                    + "addresses and API key hashes: keep it as you keep the database. Each archive is its own "
                    + "(its ETag is its id), so If-None-Match never matches.")
    @APIResponse(responseCode = "200", description = "The archive.",
            headers = @Header(name = HttpHeaders.CONTENT_DISPOSITION,
                    description = "attachment; filename=\"content-<when>.zip\"",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response getContentArchive() {
        ExportService.Archive archive = exports.archive();
        return Response.ok((StreamingOutput) archive::write, ZIP)
                .tag(new EntityTag(archive.id().toString()))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + archive.fileName() + "\"")
                .build();
    }

    @POST
    @Path("restore")
    @Consumes(ZIP)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Restore an archive into an empty instance",
            description = "Puts back everything an archive of getContentArchive holds, with the same ids, slugs, "
                    + "timestamps, versions and change numbers, so that every read answers as it did where the "
                    + "archive was taken. All or nothing: an archive found bad anywhere, or an instance holding "
                    + "any content, writes nothing. Webhooks come back paused with a secret nobody knows. Caches "
                    + "are cleared.")
    @RequestBody(required = true, description = "An archive of getContentArchive, at most 8 GB by default "
            + "(content.backup.max-bytes).",
            content = @Content(mediaType = ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "200", description = "Restored.",
            content = @Content(schema = @Schema(implementation = RestoredArchive.class)))
    @APIResponse(responseCode = "400", description = "invalid-archive: not a ZIP archive, cut short or damaged, a "
            + "line that is not a JSON object, an unknown column, a row the schema refuses (the entry and line in "
            + "violations).")
    @APIResponse(responseCode = "409", description = "instance-not-empty: the instance holds content already.")
    @APIResponse(responseCode = "413", description = "The archive is larger than content.backup.max-bytes.")
    @APIResponse(responseCode = "422", description = "unsupported-archive: another format version, or another "
            + "schema version than this instance's.")
    public RestResponse<RestoredArchive> restoreContentArchive(InputStream archive) {
        return RestResponse.ok(restores.restore(archive));
    }
}

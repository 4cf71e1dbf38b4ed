package com.magazine.content.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.quarkus.test.junit.callback.QuarkusTestBeforeClassCallback;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Holds every test exchange to the OpenAPI document the build writes to openapi/openapi.yaml: each request and each
 * response made through REST Assured is validated against it, so the contract cannot drift from the behaviour.
 * Registered for every {@code @QuarkusTest} class through the ServiceLoader. The document closes its schemas
 * ({@code additionalProperties: false}) and requires every member an answer always has, so a member the document does
 * not describe, or one missing, fails the test that received it.
 *
 * <p>Every exchange is validated both ways, except, each for its reason:
 * <ul>
 * <li>{@link #OFF_CONTRACT_REQUEST} ({@code Api.offContract()}): requests the contract forbids on purpose (a malformed
 * body, a limit out of range, no key for a guarded operation, the fuzz test's input); their responses still are;</li>
 * <li>{@link #OUTSIDE_THE_API} ({@code Api.platform()}): /q/health, /q/openapi, /q/swagger-ui and CORS preflights, which
 * the HTTP layer answers and the document does not describe; and ({@code Api.undocumentedCompatibility()}) the
 * JSON-LD by content negotiation on an article's URL, kept for older clients and documented as its own path;</li>
 * <li>answers to a request with {@code fields} (sparse fieldsets): they hold the members named, so missing and
 * additional members are not errors there (types still are).</li>
 * </ul>
 */
public class Contract implements QuarkusTestBeforeClassCallback, OrderedFilter {

    static final Path DOCUMENT = Path.of("openapi/openapi.yaml");
    private static final String SCOPE = "contract.scope";

    private static final Filter FULL = filter(LevelResolver.create().build());
    private static final Filter RESPONSE_ONLY = filter(LevelResolver.create()
            .withLevel("validation.request", ValidationReport.Level.IGNORE)
            .build());
    /*
     * The one exception to full validation: an answer shaped by a `fields` selection (sparse fieldsets) holds the
     * members the client named, not those its schema requires (the document says so on the parameter), so for it
     * missing and additional members are not errors; types still are.
     */
    private static final LevelResolver.Builder SPARSE = LevelResolver.create()
            .withLevel("validation.response.body.schema.required", ValidationReport.Level.IGNORE)
            .withLevel("validation.response.body.schema.additionalProperties", ValidationReport.Level.IGNORE)
            .withLevel("validation.response.body.schema.oneOf", ValidationReport.Level.IGNORE);
    private static final Filter FULL_SPARSE = filter(SPARSE.build());
    private static final Filter RESPONSE_ONLY_SPARSE = filter(SPARSE
            .withLevel("validation.request", ValidationReport.Level.IGNORE)
            .build());

    /**
     * Add to a request that the contract forbids on purpose (a malformed body, a limit out of range): its response
     * is still validated, its request is not.
     */
    public static final Filter OFF_CONTRACT_REQUEST = scope("response-only");

    /**
     * Add to a request outside the API document altogether: the platform's endpoints under /q (health, the document
     * itself) and CORS preflights, which the HTTP layer answers before the API.
     */
    public static final Filter OUTSIDE_THE_API = scope("none");

    private static Filter scope(String scope) {
        return new OrderedFilter() {
            @Override
            public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                    FilterContext context) {
                context.setValue(SCOPE, scope);
                return context.next(request, response);
            }

            @Override
            public int getOrder() {
                return OrderedFilter.HIGHEST_PRECEDENCE;
            }
        };
    }

    private static Filter filter(LevelResolver levels) {
        if (!Files.exists(DOCUMENT)) {
            throw new IllegalStateException(DOCUMENT.toAbsolutePath() + " is missing: the build writes it");
        }
        return new OpenApiValidationFilter(OpenApiInteractionValidator
                .createForSpecificationUrl(DOCUMENT.toUri().toString())
                .withLevelResolver(levels)
                .build());
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
            FilterContext context) {
        Object scope = context.getValue(SCOPE);
        if ("none".equals(scope)) {
            return context.next(request, response);
        }
        boolean sparse = request.getQueryParams().containsKey("fields")
                || String.valueOf(request.getURI()).matches(".*[?&]fields=.*");
        boolean responseOnly = "response-only".equals(scope);
        Filter filter = sparse ? (responseOnly ? RESPONSE_ONLY_SPARSE : FULL_SPARSE) : (responseOnly ? RESPONSE_ONLY : FULL);
        return filter.filter(request, response, context);
    }

    @Override
    public int getOrder() {
        return OrderedFilter.LOWEST_PRECEDENCE;
    }

    @Override
    public void beforeClass(Class<?> testClass) {
        RestAssured.replaceFiltersWith(new Contract());
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        // JSON is UTF-8 whatever its media type (RFC 8259); REST Assured only knows that of application/json
        RestAssured.config = RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                .defaultCharsetForContentType("UTF-8", "application/merge-patch+json"));
    }
}

package com.magazine.content.common;

import static com.magazine.content.support.Api.anonymous;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.LogContext;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.Test;

/** QUARKUS_LOG_CONSOLE_JSON=true switches the console to one JSON object a line, the request id in its MDC. */
@QuarkusTest
@TestProfile(JsonLogsTest.JsonConsole.class)
class JsonLogsTest {

    public static class JsonConsole implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.log.console.json", "true");
        }
    }

    @Test
    void theConsoleWritesJsonWithTheRequestId() throws Exception {
        anonymous().when().get("/api/v1/authors").then().statusCode(200);
        Formatter formatter = consoleFormatters().stream()
                .filter(f -> f.getClass().getName().contains("Json"))
                .findFirst().orElseThrow(() -> new AssertionError("no JSON formatter on the console"));
        MDC.put("requestId", "req-json-1");
        try {
            ExtLogRecord record = new ExtLogRecord(org.jboss.logmanager.Level.WARN, "Webhook delivery given up", JsonLogsTest.class.getName());
            record.copyMdc();
            JsonNode line = new ObjectMapper().readTree(formatter.format(record));
            assertThat(line.get("message").asText()).isEqualTo("Webhook delivery given up");
            assertThat(line.get("level").asText()).isEqualTo("WARN");
            assertThat(line.get("mdc").get("requestId").asText()).isEqualTo("req-json-1");
        } finally {
            MDC.remove("requestId");
        }
    }

    private static List<Formatter> consoleFormatters() {
        List<Formatter> found = new ArrayList<>();
        collect(LogContext.getLogContext().getLogger("").getHandlers(), found);
        return found;
    }

    private static void collect(Handler[] handlers, List<Formatter> found) {
        for (Handler handler : handlers) {
            if (handler.getFormatter() != null) {
                found.add(handler.getFormatter());
            }
            if (handler instanceof org.jboss.logmanager.ExtHandler ext) {
                collect(ext.getHandlers(), found);
            }
        }
    }
}

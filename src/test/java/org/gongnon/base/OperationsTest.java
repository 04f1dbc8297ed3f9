package org.gongnon.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.context.LifecycleProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.Shutdown;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operations surface over real HTTP on the running app: health, liveness and readiness answer anyone with
 * the status only; no other actuator endpoint answers; shutdown is graceful. Details and the readiness group's
 * members (it must contain the database) only for an admin, checked through the security filter chain.
 */
// RANDOM_PORT like the browser journeys, so a full run shares their application context.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperationsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    WebApplicationContext context;
    @Autowired
    ServerProperties server;
    @Autowired
    LifecycleProperties lifecycle;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    HttpResponse<String> anonymousGet(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json").timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anyoneGetsTheStatusAndNothingMore() throws Exception {
        for (String path : new String[] {"/actuator/health", "/actuator/health/liveness",
                "/actuator/health/readiness"}) {
            HttpResponse<String> response = anonymousGet(path);
            assertEquals(200, response.statusCode(), path + ": " + response.body());
            JsonNode body = JSON.readTree(response.body());
            assertEquals("UP", body.path("status").asString(), path + ": " + response.body());
            assertFalse(body.has("components"), path + " lists components to anyone: " + response.body());
            assertFalse(body.has("details"), path + " shows details to anyone: " + response.body());
            assertEquals(Set.of("status"), withoutGroupNames(body), path + ": " + response.body());
        }
    }

    @Test
    void noOtherActuatorEndpointAnswers() throws Exception {
        for (String path : new String[] {"/actuator", "/actuator/env", "/actuator/beans", "/actuator/info",
                "/actuator/configprops", "/actuator/mappings", "/actuator/loggers", "/actuator/heapdump",
                "/actuator/threaddump", "/actuator/metrics", "/actuator/health/db", "/actuator/health/diskSpace"}) {
            HttpResponse<String> response = anonymousGet(path);
            int status = response.statusCode();
            if (status == 302) {
                // Spring Security sends an anonymous caller to the sign-in page, with no data.
                String location = response.headers().firstValue("Location").orElse("");
                assertTrue(location.endsWith("/login"), path + " redirects to " + location);
                assertTrue(response.body().isEmpty(), path + ": " + response.body());
            } else {
                assertTrue(status == 401 || status == 403 || status == 404, path + " answered " + status + ": "
                        + response.body());
            }
        }
    }

    @Test
    void anAdminSeesTheComponentsAndReadinessIncludesTheDatabase() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity()).build();

        MockHttpServletResponse readiness = mvc.perform(get("/actuator/health/readiness")
                .with(user("admin").roles("ADMIN"))).andReturn().getResponse();
        assertEquals(200, readiness.getStatus());
        JsonNode ready = JSON.readTree(readiness.getContentAsString());
        assertEquals(Set.of("db", "readinessState"), fieldNames(ready.path("components")),
                "a node without its database is not ready: " + ready);
        assertEquals("UP", ready.path("components").path("db").path("status").asString());

        JsonNode liveness = JSON.readTree(mvc.perform(get("/actuator/health/liveness")
                .with(user("admin").roles("ADMIN"))).andReturn().getResponse().getContentAsString());
        assertEquals(Set.of("livenessState"), fieldNames(liveness.path("components")),
                "restarting the app does not bring the database back: " + liveness);

        // Staff who are not admins get the status only, like anyone.
        JsonNode asOfficial = JSON.readTree(mvc.perform(get("/actuator/health")
                .with(user("official").roles("OFFICIAL"))).andReturn().getResponse().getContentAsString());
        assertEquals(Set.of("status"), withoutGroupNames(asOfficial), asOfficial.toString());
    }

    @Test
    void shutdownIsGraceful() {
        assertEquals(Shutdown.GRACEFUL, server.getShutdown());
        assertEquals(Duration.ofSeconds(20), lifecycle.getTimeoutPerShutdownPhase());
    }

    /**
     * The fields besides the probe groups' names, which the root answers everyone (Spring Boot lists them; the
     * names of the two probes say nothing about the installation).
     */
    private static Set<String> withoutGroupNames(JsonNode node) {
        Set<String> fields = new HashSet<>(fieldNames(node));
        if (fields.remove("groups")) {
            assertEquals("[\"liveness\",\"readiness\"]", node.path("groups").toString());
        }
        return fields;
    }

    private static Set<String> fieldNames(JsonNode node) {
        return Set.copyOf(node.propertyNames());
    }
}

package org.tweetflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.test.spring.junit5.DisableJmx;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tweetflow.OpsAccount;
import org.tweetflow.OpsConsoleTest;

/**
 * Hawtio and Jolokia on the management port: Hawtio's form signs in the ops account alone, Jolokia answers the ops
 * account (HTTP Basic, or Hawtio's session) and does only what its policy allows; the members' port has neither.
 */
@OpsConsoleTest
@DisableJmx(false)
class HawtioConsoleTest {

    static final String ROUTE = "identify-x-account";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalManagementPort
    int managementPort;
    @LocalServerPort
    int publicPort;
    @Autowired
    CamelContext camel;

    /** The MBeans' names as Camel registered them, quoted for a JSON string. */
    private String routeMBean() throws Exception {
        return json(camel.getManagementStrategy().getManagementObjectNameStrategy()
                .getObjectNameForRoute(camel.getRoute(ROUTE)).getCanonicalName());
    }

    private String contextMBean() throws Exception {
        return json(camel.getManagementStrategy().getManagementObjectNameStrategy()
                .getObjectNameForCamelContext(camel).getCanonicalName());
    }

    private static String json(String objectName) {
        return objectName.replace("\"", "\\\"");
    }

    @Test
    void hawtiosFormSignsInTheOpsAccountAndItsSessionReachesJolokia() throws Exception {
        String cookie = hawtioSession();

        HttpResponse<String> version = post("/actuator/hawtio/jolokia", null, cookie, "{\"type\":\"version\"}");
        assertThat(version.statusCode()).isEqualTo(200);
        assertThat(version.body()).contains("\"status\":200").contains("\"agent\"");
    }

    @Test
    void anotherPageOnThisHostCannotRideHawtiosSession() throws Exception {
        // SameSite ignores ports: a members' page on this host is same-site and its request carries the cookie
        String cookie = hawtioSession();
        HttpResponse<String> stop = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort
                + "/actuator/hawtio/jolokia")).header("Content-Type", "text/plain").header("Cookie", cookie)
                .header("Sec-Fetch-Site", "same-site").POST(HttpRequest.BodyPublishers.ofString(stopRoute())).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(stop.statusCode()).isEqualTo(403);
        assertThat(camel.getRouteController().getRouteStatus(ROUTE)).isEqualTo(ServiceStatus.Started);
    }

    @Test
    void jolokiaTakesNoGetSoNoImageOrLinkRunsAnOperation() throws Exception {
        HttpResponse<String> stop = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort
                + "/actuator/jolokia/exec/" + camel.getManagementStrategy().getManagementObjectNameStrategy()
                .getObjectNameForRoute(camel.getRoute(ROUTE)).getCanonicalName().replace("\"", "%22") + "/stop()"))
                .header("Authorization", OpsAccount.basicAuth()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(stop.body()).doesNotContain("\"status\":200");
        assertThat(camel.getRouteController().getRouteStatus(ROUTE)).isEqualTo(ServiceStatus.Started);
    }

    @Test
    void aPostFromAnotherOriginIsRefusedEvenWithTheOpsAccount() throws Exception {
        // over plain HTTP browsers send no Sec-Fetch-Site; a cross-origin POST carries its page's Origin
        for (String origin : new String[] {"http://localhost:" + publicPort, "http://evil.example", "null"}) {
            HttpResponse<String> stop = http.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                    + managementPort + "/actuator/jolokia")).header("Content-Type", "text/plain")
                    .header("Authorization", OpsAccount.basicAuth()).header("Origin", origin)
                    .POST(HttpRequest.BodyPublishers.ofString(stopRoute())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(stop.statusCode()).as(origin).isEqualTo(403);
        }
        assertThat(camel.getRouteController().getRouteStatus(ROUTE)).isEqualTo(ServiceStatus.Started);

        // Hawtio's own calls carry this server's origin
        HttpResponse<String> version = http.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                + managementPort + "/actuator/jolokia")).header("Authorization", OpsAccount.basicAuth())
                .header("Origin", "http://localhost:" + managementPort)
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"version\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(version.body()).contains("\"agent\"");
    }

    @Test
    void hawtiosFormRefusesAnyoneButTheOpsAccount() throws Exception {
        assertThat(post("/actuator/hawtio/auth/login", null, null,
                "{\"username\":\"" + OpsAccount.USERNAME + "\",\"password\":\"wrong\"}").statusCode()).isEqualTo(403);
        assertThat(post("/actuator/hawtio/auth/login", null, null,
                "{\"username\":\"10000001\",\"password\":\"" + OpsAccount.PASSWORD + "\"}").statusCode())
                .isEqualTo(403);
    }

    @Test
    void jolokiaAnswersNobodyWithoutTheOpsAccount() throws Exception {
        assertThat(post("/actuator/jolokia", null, null, "{\"type\":\"version\"}").statusCode()).isEqualTo(401);
        assertThat(post("/actuator/hawtio/jolokia", null, null, "{\"type\":\"version\"}").statusCode())
                .isIn(401, 403);
        // a cookie named like a session, but not one Hawtio opened
        assertThat(post("/actuator/hawtio/jolokia", null, HawtioSignInConfiguration.SESSION_COOKIE + "=forged",
                "{\"type\":\"version\"}").statusCode()).isIn(401, 403);
    }

    @Test
    void aPagesCallsGetNoBasicChallengeSoTheBrowserOpensNoDialogOverHawtio() throws Exception {
        HttpResponse<String> fromAPage = http.send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + managementPort + "/jolokia")).header("Sec-Fetch-Mode", "cors").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(fromAPage.statusCode()).isEqualTo(401);
        assertThat(fromAPage.headers().firstValue("WWW-Authenticate")).isEmpty();

        // over plain HTTP a page's call has no Sec-Fetch-Mode: Hawtio's probe of a Jolokia path, a script's call
        for (HttpRequest.Builder overHttp : new HttpRequest.Builder[] {
            HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + "/hawtio/jolokia"))
                    .header("Accept", "application/json"),
            HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + "/actuator/info"))
                    .header("X-Requested-With", "XMLHttpRequest")}) {
            HttpResponse<String> answer = http.send(overHttp.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.uri().toString()).isEqualTo(401);
            assertThat(answer.headers().firstValue("WWW-Authenticate")).as(answer.uri().toString()).isEmpty();
        }
    }

    @Test
    void anOperatorStopsAndStartsARouteThroughJolokia() throws Exception {
        try {
            assertThat(jolokia("{\"type\":\"exec\",\"mbean\":\"" + routeMBean() + "\",\"operation\":\"stop()\"}"))
                    .contains("\"status\":200");
            assertThat(camel.getRouteController().getRouteStatus(ROUTE)).isEqualTo(ServiceStatus.Stopped);
        } finally {
            assertThat(jolokia("{\"type\":\"exec\",\"mbean\":\"" + routeMBean() + "\",\"operation\":\"start()\"}"))
                    .contains("\"status\":200");
        }
        assertThat(camel.getRouteController().getRouteStatus(ROUTE)).isEqualTo(ServiceStatus.Started);
    }

    @Test
    void theGuidesJolokiaReadAnswersAsWritten() throws Exception {
        // docs/operations.md, "Hawtio": the curl line's request as it is
        HttpResponse<String> answer = post("/actuator/jolokia", OpsAccount.basicAuth(), null, "{\"type\":\"read\","
                + "\"mbean\":\"org.apache.camel:context=tweetflow,type=routes,name=\\\"archive-member\\\"\","
                + "\"attribute\":\"ExchangesTotal\"}");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"status\":200").contains("\"value\":");
    }

    @Test
    void jolokiaReadsTheRoutesStatistics() throws Exception {
        assertThat(jolokia("{\"type\":\"read\",\"mbean\":\"" + routeMBean() + "\",\"attribute\":\"ExchangesTotal\"}"))
                .contains("\"status\":200");
        // Extended statistics: the processors of each route have MBeans of their own
        assertThat(jolokia("{\"type\":\"search\",\"mbean\":\"org.apache.camel:type=processors,*\"}"))
                .contains("\"status\":200").contains("type=processors");
    }

    @Test
    void jolokiaRefusesWritesAndOperationsOutsideItsPolicy() throws Exception {
        String[] refused = {
            "{\"type\":\"write\",\"mbean\":\"java.lang:type=Memory\",\"attribute\":\"Verbose\",\"value\":true}",
            "{\"type\":\"exec\",\"mbean\":\"java.lang:type=Memory\",\"operation\":\"gc()\"}",
            "{\"type\":\"exec\",\"mbean\":\"" + routeMBean() + "\",\"operation\":\"remove()\"}",
            "{\"type\":\"exec\",\"mbean\":\"" + contextMBean() + "\",\"operation\":\"stop()\"}",
            "{\"type\":\"write\",\"mbean\":\"" + routeMBean() + "\",\"attribute\":\"Tracing\",\"value\":true}"};
        for (String request : refused) {
            assertThat(jolokia(request)).as(request).contains("\"status\":403");
        }
        assertThat(camel.getRouteController().getRouteStatus(ROUTE)).isEqualTo(ServiceStatus.Started);
        assertThat(camel.getStatus()).isEqualTo(ServiceStatus.Started);
    }

    @Test
    void theMembersPortServesNoHawtioAndNoJolokia() throws Exception {
        for (String path : new String[] {"/actuator/hawtio/", "/actuator/hawtio/index.html", "/actuator/jolokia",
                "/hawtio/", "/jolokia", "/actuator/hawtio/jolokia"}) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(
                    "http://localhost:" + publicPort + path)).header("Authorization", OpsAccount.basicAuth()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(path).isGreaterThanOrEqualTo(400);
            assertThat(answer.body()).as(path).doesNotContainIgnoringCase("<html").doesNotContain("\"agent\"");
        }
    }

    /** Signs the ops account in with Hawtio's form; the session cookie, as a Cookie header's value. */
    private String hawtioSession() throws IOException, InterruptedException {
        HttpResponse<String> signedIn = post("/actuator/hawtio/auth/login", null, null,
                "{\"username\":\"" + OpsAccount.USERNAME + "\",\"password\":\"" + OpsAccount.PASSWORD + "\"}");
        assertThat(signedIn.statusCode()).isEqualTo(200);
        String session = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(session).startsWith(HawtioSignInConfiguration.SESSION_COOKIE + "=").contains("SameSite=Strict")
                .contains("HttpOnly");
        return session.substring(0, session.indexOf(';'));
    }

    private String stopRoute() throws Exception {
        return "{\"type\":\"exec\",\"mbean\":\"" + routeMBean() + "\",\"operation\":\"stop()\"}";
    }

    private String jolokia(String request) throws IOException, InterruptedException {
        HttpResponse<String> answer = post("/actuator/jolokia", OpsAccount.basicAuth(), null, request);
        assertThat(answer.statusCode()).as(request).isIn(200, 403);
        return answer.body();
    }

    private HttpResponse<String> post(String path, String authorization, String cookie, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

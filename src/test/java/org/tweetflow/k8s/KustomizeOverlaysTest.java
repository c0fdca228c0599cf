package org.tweetflow.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.main.MainConfigurationProperties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.convert.DurationStyle;
import org.yaml.snakeyaml.Yaml;

/**
 * Every overlay of k8s/ rendered with {@code kubectl kustomize} (the kubectl that scripts/ensure-kubectl.sh finds or
 * fetches), and what the manifests promise an operator, checked on what would be applied.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KustomizeOverlaysTest {

    static final Path OVERLAYS = Path.of("k8s", "overlays");
    static final Path ROUTES = Path.of("routes");
    static final Path APPLICATION_YAML = Path.of("src", "main", "resources", "application.yaml");
    static final Path SECRET_TEMPLATE = Path.of("k8s", "base", "secret-template.yaml");
    /** What the JVM needs after Camel has stopped to exit before Kubernetes kills it. */
    static final Duration EXIT_MARGIN = Duration.ofSeconds(5);
    /** The largest archive production's /tmp is sized for, and the room it keeps for exports (k8s/README.md). */
    static final long LARGEST_ARCHIVE = 512L << 20;
    static final long EXPORTS_ROOM = 2L << 30;

    Map<String, Object> application;
    JibImage image;
    Map<String, Manifests> rendered;
    String kubectl;

    @BeforeAll
    void renderEveryOverlay() throws Exception {
        application = new Yaml().load(Files.readString(APPLICATION_YAML));
        image = JibImage.read(Path.of("pom.xml"));
        String out = Manifests.run(List.of("bash", "scripts/ensure-kubectl.sh")).strip();
        kubectl = out.substring(out.lastIndexOf('\n') + 1);
        try (Stream<Path> overlays = Files.list(OVERLAYS)) {
            rendered = overlays.filter(Files::isDirectory).collect(Collectors.toMap(
                    overlay -> overlay.getFileName().toString(), overlay -> Manifests.render(kubectl, overlay),
                    (a, b) -> a, TreeMap::new));
        }
    }

    List<String> overlays() {
        return List.copyOf(rendered.keySet());
    }

    @Test
    void rendersTheDemoAndTheProductionOverlays() {
        assertThat(rendered).containsKeys("demo", "production", "production-with-datastores");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void probesAskBootsProbeGroupsOnTheManagementPort(String overlay) {
        Manifests manifests = rendered.get(overlay);
        JsonNode container = manifests.container();
        int management = Integer.parseInt(environment(manifests).get("MANAGEMENT_SERVER_PORT"));
        assertThat(management).isNotEqualTo(publicPort(manifests));

        Map<String, String> probes = Map.of("readinessProbe", "/actuator/health/readiness",
                "livenessProbe", "/actuator/health/liveness", "startupProbe", "/actuator/health/liveness");
        probes.forEach((probe, path) -> {
            JsonNode get = container.path(probe).path("httpGet");
            assertThat(get.path("path").asText()).as(probe).isEqualTo(path);
            assertThat(manifests.containerPort(get.path("port"))).as(probe + " port").isEqualTo(management);
        });
    }

    /**
     * A stopping pod first pauses (preStop) while it leaves the endpoints, then Tomcat finishes its requests (Spring's
     * shutdown phase), then Camel its exchanges (its own shutdown timeout, after Spring's phase): all before the kill.
     */
    @ParameterizedTest
    @MethodSource("overlays")
    void gracePeriodCoversThePreStopPauseTomcatsAndCamelsShutdown(String overlay) {
        assertThat(at(application, "server", "shutdown")).isEqualTo("graceful");
        Duration tomcat = DurationStyle.detectAndParse(
                (String) at(application, "spring", "lifecycle", "timeout-per-shutdown-phase"));
        Object camelTimeout = at(application, "camel", "main", "shutdown-timeout");
        Duration camel = Duration.ofSeconds(camelTimeout == null
                ? new MainConfigurationProperties().getShutdownTimeout() : ((Number) camelTimeout).longValue());

        JsonNode pod = rendered.get(overlay).podSpec();
        Duration preStop = Duration.ofSeconds(pod.at("/containers/0/lifecycle/preStop/sleep/seconds").asLong());
        Duration grace = Duration.ofSeconds(pod.path("terminationGracePeriodSeconds").asLong());

        assertThat(preStop).isPositive();
        assertThat(grace).isGreaterThanOrEqualTo(preStop.plus(tomcat).plus(camel).plus(EXIT_MARGIN));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void runsAsNonRootOnAReadOnlyRootFilesystemWithoutPrivileges(String overlay) {
        Manifests manifests = rendered.get(overlay);
        JsonNode pod = manifests.podSpec().path("securityContext");
        JsonNode container = manifests.container().path("securityContext");

        assertThat(pod.path("runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.at("/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
        assertThat(container.path("runAsNonRoot").asBoolean()).isTrue();
        assertThat(container.path("readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(container.path("allowPrivilegeEscalation").isBoolean()).isTrue();
        assertThat(container.path("allowPrivilegeEscalation").asBoolean()).isFalse();
        assertThat(container.at("/capabilities/drop").toString()).isEqualTo("[\"ALL\"]");
        assertThat(container.at("/capabilities/add").isMissingNode()).isTrue();
        assertThat(manifests.volumeMountedAt("/tmp").has("emptyDir")).isTrue();
    }

    /**
     * The image's user (docs/deployment.md) named in the pod, so the operator sets the volume's owner to match: RWX
     * drivers mostly ignore fsGroup, and then only a volume already writable by 65532 takes the collections' files.
     */
    @ParameterizedTest
    @MethodSource("overlays")
    void runsAsTheImagesUserAndGroupThatTheVolumeMustLetWrite(String overlay) {
        assertThat(image.user()).isEqualTo("65532:65532");
        JsonNode pod = rendered.get(overlay).podSpec().path("securityContext");
        for (String field : List.of("runAsUser", "runAsGroup", "fsGroup")) {
            assertThat(pod.path(field).asText()).as(field).isEqualTo("65532");
        }
    }

    /**
     * /tmp (an emptyDir) takes each archive sync's copies and spool and the exports: the pod asks for that room on the
     * node and may use it, or the kubelet evicts it in the middle of a large sync.
     */
    @ParameterizedTest
    @MethodSource("overlays")
    void ephemeralStorageRequestAndLimitCoverTmp(String overlay) {
        Manifests manifests = rendered.get(overlay);
        long tmp = Quantity.bytes(manifests.volumeMountedAt("/tmp").at("/emptyDir/sizeLimit").asText());
        JsonNode resources = manifests.container().path("resources");

        assertThat(tmp).isPositive();
        assertThat(Quantity.bytes(resources.at("/requests/ephemeral-storage").asText())).isGreaterThanOrEqualTo(tmp);
        assertThat(Quantity.bytes(resources.at("/limits/ephemeral-storage").asText())).isGreaterThanOrEqualTo(tmp);
    }

    /** k8s/README.md's formula for production's /tmp: archive workers x 3 x the largest archive + room for exports. */
    @ParameterizedTest
    @ValueSource(strings = {"production", "production-with-datastores"})
    void productionTmpHoldsThreeCopiesOfTheLargestArchivePerWorker(String overlay) {
        Manifests manifests = rendered.get(overlay);
        long tmp = Quantity.bytes(manifests.volumeMountedAt("/tmp").at("/emptyDir/sizeLimit").asText());
        long workers = Long.parseLong(manifests.environment().get("TWEETFLOW_ARCHIVE_WORKERS"));

        assertThat(tmp).isGreaterThanOrEqualTo(workers * 3 * LARGEST_ARCHIVE + EXPORTS_ROOM);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void routesConfigMapHoldsExactlyTheRoutesFolderWhereCamelReadsIt(String overlay) throws IOException {
        Manifests manifests = rendered.get(overlay);
        String pattern = environment(manifests).get("CAMEL_MAIN_ROUTESINCLUDEPATTERN");
        assertThat(pattern).startsWith("file:/").endsWith("/*.camel.yaml");
        String directory = pattern.substring("file:".length(), pattern.lastIndexOf('/'));

        JsonNode volume = manifests.volumeMountedAt(directory);
        JsonNode configMap = manifests.named("ConfigMap", volume.at("/configMap/name").asText());
        Map<String, String> mounted = new TreeMap<>();
        configMap.path("data").fields().forEachRemaining(e -> mounted.put(e.getKey(), e.getValue().asText()));

        Map<String, String> routes = new TreeMap<>();
        try (Stream<Path> files = Files.list(ROUTES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".camel.yaml")).toList()) {
                routes.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        assertThat(routes).isNotEmpty();
        assertThat(mounted).isEqualTo(routes);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void serviceAccountHasNoTokenAndNoRights(String overlay) {
        Manifests manifests = rendered.get(overlay);
        JsonNode account = manifests.one("ServiceAccount");
        assertThat(account.path("automountServiceAccountToken").asBoolean(true)).isFalse();
        assertThat(manifests.podSpec().path("serviceAccountName").asText())
                .isEqualTo(account.at("/metadata/name").asText());
        assertThat(manifests.podSpec().path("automountServiceAccountToken").asBoolean(true)).isFalse();
        for (String kind : List.of("Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding")) {
            assertThat(manifests.all(kind)).as(kind).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void ingressAndServicesReachOnlyThePublicPort(String overlay) {
        Manifests manifests = rendered.get(overlay);
        JsonNode podLabels = manifests.one("Deployment").at("/spec/template/metadata/labels");
        for (JsonNode service : manifests.all("Service")) {
            if (!service.at("/spec/selector").equals(podLabels)) {
                continue; // another workload's (production-with-datastores: PostgreSQL, Redis)
            }
            for (JsonNode port : service.at("/spec/ports")) {
                assertThat(manifests.containerPort(port.path("targetPort")))
                        .as("Service %s port %s", service.at("/metadata/name").asText(), port)
                        .isEqualTo(publicPort(manifests));
            }
        }
        JsonNode ingress = manifests.one("Ingress");
        assertThat(ingress.at("/spec/defaultBackend").isMissingNode()).isTrue();
        assertThat(ingress.at("/spec/rules")).isNotEmpty();
        for (JsonNode rule : ingress.at("/spec/rules")) {
            for (JsonNode path : rule.at("/http/paths")) {
                assertThat(path.path("path").asText()).doesNotStartWith("/actuator");
                JsonNode backend = path.at("/backend/service");
                JsonNode service = manifests.named("Service", backend.path("name").asText());
                JsonNode port = backend.path("port");
                boolean declared = false;
                for (JsonNode servicePort : service.at("/spec/ports")) {
                    declared |= port.has("name") ? servicePort.path("name").equals(port.path("name"))
                            : servicePort.path("port").equals(port.path("number"));
                }
                assertThat(declared).as("the Ingress's port %s is one of the Service's", port).isTrue();
            }
        }
    }

    /**
     * k8s/monitoring: Prometheus Operator scrapes the pods' management port where the metrics are, with the ops
     * account of the Secret; Grafana's sidecar finds the dashboard, the file itself.
     */
    @ParameterizedTest
    @MethodSource("overlays")
    void monitoringScrapesEachOverlaysPodsOnTheManagementPortWithTheOpsAccount(String overlay) throws IOException {
        Manifests manifests = rendered.get(overlay);
        Manifests monitoring = Manifests.render(kubectl, Path.of("k8s", "monitoring"));
        JsonNode podMonitor = monitoring.one("PodMonitor");
        JsonNode endpoint = podMonitor.at("/spec/podMetricsEndpoints/0");

        assertThat(podMonitor.at("/spec/selector/matchLabels"))
                .isEqualTo(manifests.one("Deployment").at("/spec/template/metadata/labels"));
        assertThat(manifests.containerPort(endpoint.path("port")))
                .isEqualTo(Integer.parseInt(environment(manifests).get("MANAGEMENT_SERVER_PORT")));
        assertThat(endpoint.path("path").asText()).isEqualTo("/actuator/prometheus");
        Map<String, Object> secret = new Yaml().load(Files.readString(SECRET_TEMPLATE));
        for (String part : List.of("username", "password")) {
            JsonNode ref = endpoint.at("/basicAuth/" + part);
            assertThat(ref.path("name").asText()).isEqualTo(manifests.container().at("/envFrom/1/secretRef/name")
                    .asText());
            assertThat(((Map<?, ?>) at(secret, "stringData")).containsKey(ref.path("key").asText()))
                    .as("the Secret's key %s", ref.path("key")).isTrue();
        }
        JsonNode dashboard = monitoring.named("ConfigMap", "tweetflow-grafana-dashboard");
        assertThat(dashboard.at("/metadata/labels/grafana_dashboard").asText()).isEqualTo("1");
        assertThat(dashboard.at("/data/grafana-dashboard.json").asText())
                .isEqualTo(Files.readString(Path.of("k8s", "monitoring", "grafana-dashboard.json")));
    }

    /** The pods take the public port from the ingress controller's namespace, the management one from monitoring's. */
    @ParameterizedTest
    @MethodSource("overlays")
    void networkPolicyAdmitsTheIngressToThePublicPortAndMonitoringToTheManagementPort(String overlay) {
        Manifests manifests = rendered.get(overlay);
        JsonNode podLabels = manifests.one("Deployment").at("/spec/template/metadata/labels");
        int management = Integer.parseInt(environment(manifests).get("MANAGEMENT_SERVER_PORT"));

        Map<Integer, String> admitted = new TreeMap<>();
        JsonNode policy = policySelecting(manifests, podLabels);
        for (JsonNode rule : policy.at("/spec/ingress")) {
            assertThat(rule.path("from")).as("a rule open to every source: %s", rule).hasSize(1);
            assertThat(rule.path("ports")).as("a rule open on every port: %s", rule).isNotEmpty();
            String namespace = rule.at("/from/0/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText();
            assertThat(namespace).as("the source of %s", rule).isNotEmpty();
            assertThat(rule.at("/from/0").size()).as("only a namespace: %s", rule).isEqualTo(1);
            for (JsonNode port : rule.path("ports")) {
                assertThat(admitted.put(manifests.containerPort(port.path("port")), namespace)).isNull();
            }
        }
        assertThat(admitted).containsOnlyKeys(publicPort(manifests), management);
        assertThat(admitted.get(management)).isEqualTo("monitoring");
        assertThat(admitted.get(publicPort(manifests))).isNotEqualTo("monitoring");
    }

    /** PostgreSQL and Redis in the cluster take connections from the tweetflow pods only, on their own port. */
    @Test
    void networkPoliciesAdmitOnlyTweetflowToTheDatastores() {
        Manifests manifests = rendered.get("production-with-datastores");
        JsonNode tweetflow = manifests.one("Deployment").at("/spec/template/metadata/labels");
        for (String name : List.of("tweetflow-postgres", "tweetflow-redis")) {
            JsonNode pod = manifests.named("StatefulSet", name).at("/spec/template");
            JsonNode policy = policySelecting(manifests, pod.at("/metadata/labels"));
            JsonNode rules = policy.at("/spec/ingress");

            assertThat(rules).as(name).hasSize(1);
            assertThat(rules.at("/0/from").toString()).as(name)
                    .isEqualTo("[{\"podSelector\":{\"matchLabels\":" + tweetflow + "}}]");
            assertThat(rules.at("/0/ports").findValuesAsText("port")).as(name)
                    .containsExactly(pod.at("/spec/containers/0/ports/0/containerPort").asText());
        }
    }

    /** The one NetworkPolicy for these pods, limiting what reaches them. */
    static JsonNode policySelecting(Manifests manifests, JsonNode podLabels) {
        List<JsonNode> policies = manifests.all("NetworkPolicy").stream()
                .filter(p -> p.at("/spec/podSelector/matchLabels").equals(podLabels)).toList();
        assertThat(policies).as("NetworkPolicies of the pods %s", podLabels).hasSize(1);
        assertThat(policies.get(0).at("/spec/policyTypes").toString()).contains("\"Ingress\"");
        return policies.get(0);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void shipsNoSecretAndReadsTheOneTheTemplateDescribes(String overlay) throws IOException {
        Manifests manifests = rendered.get(overlay);
        assertThat(manifests.all("Secret")).isEmpty();
        Map<String, Object> template = new Yaml().load(Files.readString(SECRET_TEMPLATE));
        assertThat(manifests.container().at("/envFrom/1/secretRef/name").asText())
                .isEqualTo(at(template, "metadata", "name"));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void collectionsAndTheEmbeddedDataLiveOnTheClaimedVolume(String overlay) {
        Manifests manifests = rendered.get(overlay);
        JsonNode volume = manifests.volumeMountedAt("/data");
        manifests.named("PersistentVolumeClaim", volume.at("/persistentVolumeClaim/claimName").asText());
        assertThat(manifests.environment().get("TWEETFLOW_COLLECT_DATA_DIR")).startsWith("/data/");
        // ./data, the embedded defaults' directory (H2, the sandbox's token key and files), is then the volume.
        assertThat(manifests.container().path("workingDir").asText()).isEqualTo("/");

        JsonNode budget = manifests.one("PodDisruptionBudget");
        assertThat(budget.at("/spec/selector/matchLabels"))
                .isEqualTo(manifests.one("Deployment").at("/spec/template/metadata/labels"));
    }

    @Test
    void demoIsOneReplicaOfTheSandboxNeedingNothingElse() {
        Manifests demo = rendered.get("demo");
        JsonNode deployment = demo.one("Deployment");
        Map<String, String> environment = demo.environment();

        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(1);
        assertThat(environment).containsEntry("TWEETFLOW_SANDBOX", "true")
                .doesNotContainKeys("SPRING_DATASOURCE_URL", "SPRING_DATA_REDIS_URL");
        assertThat(demo.container().at("/envFrom/1/secretRef/optional").asBoolean()).isTrue();
        // One H2 file database on a ReadWriteOnce volume: the old pod goes before the new one comes.
        assertThat(deployment.at("/spec/strategy/type").asText()).isEqualTo("Recreate");
        assertThat(demo.one("PersistentVolumeClaim").at("/spec/accessModes").toString())
                .isEqualTo("[\"ReadWriteOnce\"]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"production", "production-with-datastores"})
    void productionIsThreeReplicasOnPostgresAndRedisThatNeedTheSecret(String overlay) {
        Manifests production = rendered.get(overlay);
        JsonNode deployment = production.one("Deployment");
        Map<String, String> environment = production.environment();

        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(3);
        assertThat(environment.getOrDefault("TWEETFLOW_SANDBOX", "false")).isEqualTo("false");
        assertThat(environment.get("SPRING_DATASOURCE_URL")).startsWith("jdbc:postgresql://");
        assertThat(environment.get("SPRING_DATA_REDIS_URL")).matches("rediss?://.+");
        // A missing Secret keeps the container from being created instead of starting it half-configured.
        JsonNode secretRef = production.container().at("/envFrom/1/secretRef");
        assertThat(secretRef.path("optional").isBoolean()).isTrue();
        assertThat(secretRef.path("optional").asBoolean()).isFalse();

        assertThat(deployment.at("/spec/template/spec/topologySpreadConstraints").findValuesAsText("topologyKey"))
                .contains("kubernetes.io/hostname");
        JsonNode budget = production.one("PodDisruptionBudget").path("spec");
        assertThat(budget.path("maxUnavailable").asInt(0) == 1 || budget.path("minAvailable").asInt(0) >= 2)
                .as("at most one of three replicas disrupted: %s", budget).isTrue();
        assertThat(production.one("PersistentVolumeClaim").at("/spec/accessModes").toString())
                .isEqualTo("[\"ReadWriteMany\"]");
    }

    @Test
    void datastoresOverlayRunsThePostgresAndRedisTheServicePointsAt() {
        Manifests manifests = rendered.get("production-with-datastores");
        Map<String, String> environment = manifests.environment();

        for (String url : List.of(environment.get("SPRING_DATASOURCE_URL").substring("jdbc:".length()),
                environment.get("SPRING_DATA_REDIS_URL"))) {
            String host = URI.create(url).getHost();
            JsonNode service = manifests.named("Service", host);
            JsonNode workload = manifests.named("StatefulSet", host);
            assertThat(service.at("/spec/selector")).isEqualTo(workload.at("/spec/template/metadata/labels"));
            assertThat(workload.at("/spec/volumeClaimTemplates/0/spec/accessModes").toString())
                    .isEqualTo("[\"ReadWriteOnce\"]");
            JsonNode pod = workload.at("/spec/template/spec");
            assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).as(host).isFalse();
            assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).as(host).isTrue();
            assertThat(pod.at("/containers/0/securityContext/readOnlyRootFilesystem").asBoolean()).as(host).isTrue();
            // their passwords come from the one Secret, which must hold them
            for (JsonNode variable : pod.at("/containers/0/env")) {
                if (variable.has("valueFrom")) {
                    JsonNode ref = variable.at("/valueFrom/secretKeyRef");
                    assertThat(ref.path("name").asText()).isEqualTo("tweetflow-secrets");
                    assertThat(ref.path("optional").asBoolean(true)).isFalse();
                }
            }
        }
        assertThat(environment.get("SPRING_DATA_REDIS_URL")).contains(":$(REDIS_PASSWORD)@");
    }

    /**
     * The in-cluster Redis stays below its memory limit by its own eviction (the kernel would kill it otherwise), and
     * its password is a file from the Secret, never on the command line nor in the environment.
     */
    @Test
    void datastoresRedisEvictsBelowItsMemoryLimitAndReadsItsPasswordFromAFile() {
        Manifests manifests = rendered.get("production-with-datastores");
        JsonNode pod = manifests.named("StatefulSet", "tweetflow-redis").at("/spec/template/spec");
        JsonNode redis = pod.at("/containers/0");
        List<String> args = new ArrayList<>();
        redis.path("args").forEach(arg -> args.add(arg.asText()));

        long limit = Quantity.bytes(redis.at("/resources/limits/memory").asText());
        String maxmemory = args.get(args.indexOf("--maxmemory") + 1);
        assertThat(maxmemory).endsWith("mb"); // Redis's mb: MiB
        long bound = Quantity.bytes(maxmemory.replace("mb", "Mi"));
        assertThat(bound).isBetween(limit / 2, limit * 3 / 4);
        assertThat(args.get(args.indexOf("--maxmemory-policy") + 1)).isEqualTo("volatile-lru");

        String commandLine = redis.path("command").toString() + redis.path("args");
        assertThat(commandLine).doesNotContain("--requirepass").doesNotContainPattern("\\$\\([A-Z_]+\\)");
        assertThat(redis.path("env").findValues("secretKeyRef")).isEmpty();
        JsonNode mount = redis.path("volumeMounts").findParents("mountPath").stream()
                .filter(m -> m.path("name").asText().equals("secret")).findFirst().orElseThrow();
        JsonNode secret = pod.path("volumes").findParents("secret").stream()
                .filter(v -> v.path("name").asText().equals("secret")).findFirst().orElseThrow().path("secret");
        assertThat(secret.path("secretName").asText()).isEqualTo("tweetflow-secrets");
        assertThat(secret.at("/items/0/key").asText()).isEqualTo("REDIS_PASSWORD");
        assertThat(redis.at("/command/2").asText()).contains("requirepass $(cat " + mount.path("mountPath").asText()
                + "/" + secret.at("/items/0/path").asText() + ")");
    }

    @Test
    void secretTemplateNamesEveryKeyAndHoldsNoSecret() throws IOException {
        Map<String, Object> template = new Yaml().load(Files.readString(SECRET_TEMPLATE));
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) template.get("stringData");

        assertThat(values).containsOnlyKeys("TWEETFLOW_TOKEN_KEY", "TWEETFLOW_TWITTER_CLIENT_ID",
                "TWEETFLOW_TWITTER_CLIENT_SECRET", "TWEETFLOW_TWITTER_BEARER_TOKEN", "TWEETFLOW_OPENHUMANS_CLIENT_ID",
                "TWEETFLOW_OPENHUMANS_CLIENT_SECRET", "TWEETFLOW_OPS_USERNAME", "TWEETFLOW_OPS_PASSWORD",
                "SPRING_DATASOURCE_PASSWORD");
        // Empty, so that a template applied as it is stops the service at start-up naming what is missing; the ops
        // account's name is no secret. No empty SPRING_DATA_REDIS_URL: it would turn distributed mode off.
        values.forEach((key, value) -> assertThat(value).as(key)
                .isEqualTo(key.equals("TWEETFLOW_OPS_USERNAME") ? "ops" : ""));
    }

    /** What the container starts with: the image's environment, then the manifests', which win. */
    Map<String, String> environment(Manifests manifests) {
        Map<String, String> environment = new TreeMap<>(image.environment());
        environment.putAll(manifests.environment());
        return environment;
    }

    /**
     * The image's environment (management port, routes' folder, JVM flags) is its one source: the manifests rely on it
     * and never set it again, so the two cannot drift apart.
     */
    @ParameterizedTest
    @MethodSource("overlays")
    void manifestsLeaveTheImagesEnvironmentToTheImage(String overlay) {
        assertThat(image.environment()).containsKeys("MANAGEMENT_SERVER_PORT", "CAMEL_MAIN_ROUTESINCLUDEPATTERN",
                "JAVA_TOOL_OPTIONS");
        assertThat(rendered.get(overlay).environment()).doesNotContainKeys(
                image.environment().keySet().toArray(String[]::new));
    }

    /** Where Tomcat takes members' requests: SERVER_PORT in the container's environment, else application.yaml's. */
    int publicPort(Manifests manifests) {
        String port = environment(manifests).get("SERVER_PORT");
        return port != null ? Integer.parseInt(port) : (Integer) at(application, "server", "port");
    }

    @SuppressWarnings("unchecked")
    static Object at(Map<String, Object> yaml, String... keys) {
        Object node = yaml;
        for (String key : keys) {
            node = ((Map<String, Object>) node).get(key);
        }
        return node;
    }
}

package org.tweetflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import javax.imageio.ImageIO;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container image {@code package} builds ({@code target/jib-image.tar}: Jib on the base that
 * {@code scripts/build-base-image.sh} makes, docs/deployment.md): its configuration and layers as read from the
 * tarball, then its file system run the way a container runtime runs it (a private mount namespace, the root file
 * system a mount of its own with {@code /proc} and {@code /dev}, {@code chroot} as the image's user, only the image's
 * environment). Running needs root, which CI has; elsewhere those tests are skipped and say why.
 */
class ContainerImageIT {

    private static final String JAVA_HOME = "/opt/java/openjdk";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode config;
    private static List<Layer> layers;
    @TempDir
    static Path extracted;
    /** The image's file system: "/" as in any image, which the user may enter (a temporary folder is 0700). */
    private static Path rootfs;
    private static Process service;

    /** One layer of the image: its entries by absolute path, and the bytes of the route files it carries. */
    record Layer(String comment, Map<String, TarArchiveEntry> entries, Map<String, byte[]> routes) {
    }

    @BeforeAll
    static void readImage() throws IOException, InterruptedException {
        Path tar = Path.of(System.getProperty("image.tar", "target/jib-image.tar"));
        assertThat(tar).as("the image tarball that package builds").exists();
        Map<String, byte[]> blobs = new HashMap<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(tar))) {
            for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                blobs.put(entry.getName(), in.readAllBytes());
            }
        }
        JsonNode manifest = JSON.readTree(blobs.get("manifest.json")).get(0);
        config = JSON.readTree(blobs.get(manifest.get("Config").asText()));
        List<String> comments = new ArrayList<>();
        config.get("history").forEach(step -> comments.add(step.path("comment").asText("base")));
        layers = new ArrayList<>();
        rootfs = Files.createDirectory(extracted.resolve("rootfs"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        int index = 0;
        for (JsonNode layerFile : manifest.get("Layers")) {
            byte[] blob = blobs.get(layerFile.asText());
            layers.add(readLayer(comments.get(index++), blob));
            extract(blob, rootfs);
        }
    }

    @AfterAll
    static void stopService() throws InterruptedException {
        if (service != null && service.isAlive()) {
            service.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void runsTheServiceAsTheNumericNonRootUserWithContainerMemoryFlagsADeploymentCanChange() {
        JsonNode container = config.get("config");
        assertThat(container.get("User").asText()).isEqualTo("65532:65532");
        assertThat(strings(container.get("Entrypoint")))
                .startsWith("java")
                .contains("-Djava.awt.headless=true", "-cp", "@/app/jib-classpath-file")
                .endsWith("org.tweetflow.TweetflowApplication");
        assertThat(environment()).containsEntry("JAVA_HOME", JAVA_HOME)
                .containsEntry("JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError")
                .containsEntry("LANG", "C.UTF-8")
                .containsEntry("CAMEL_MAIN_ROUTESINCLUDEPATTERN", "file:/routes/*.camel.yaml")
                .containsEntry("MANAGEMENT_SERVER_PORT", "8081");
        assertThat(environment().get("PATH")).startsWith(JAVA_HOME + "/bin:");
        assertThat(fieldNames(container.get("ExposedPorts"))).containsExactlyInAnyOrder("8080/tcp", "8081/tcp");
        assertThat(fieldNames(container.get("Volumes"))).containsExactly("/data");
        assertThat(container.get("WorkingDir").asText()).isEqualTo("/");
    }

    @Test
    void carriesEveryRouteFileAtRoutes() throws IOException {
        Map<String, byte[]> inImage = new TreeMap<>();
        layers.forEach(layer -> inImage.putAll(layer.routes()));
        Map<String, byte[]> inProject = new TreeMap<>();
        try (Stream<Path> files = Files.list(Path.of("routes"))
                .filter(file -> file.getFileName().toString().endsWith(".camel.yaml"))) {
            for (Path file : files.toList()) {
                inProject.put("/routes/" + file.getFileName(), Files.readAllBytes(file));
            }
        }
        assertThat(inImage.keySet()).isNotEmpty().isEqualTo(inProject.keySet());
        inProject.forEach((name, bytes) -> assertThat(inImage.get(name)).as(name).isEqualTo(bytes));
    }

    @Test
    void keepsRuntimeDependenciesAndClassesInSeparateLayers() {
        Layer runtime = layerWith("/opt/java/openjdk/bin/java");
        Layer dependencies = layerWith("/app/libs/");
        Layer classes = layerWith("/app/classes/org/tweetflow/TweetflowApplication.class");
        assertThat(List.of(runtime, dependencies, classes)).doesNotHaveDuplicates();
        assertThat(dependencies.comment()).isEqualTo("dependencies");
        assertThat(classes.comment()).isEqualTo("classes");
        assertThat(files(dependencies)).isNotEmpty().allMatch(path -> path.matches("/app/libs/[^/]+\\.jar"));
        assertThat(files(classes)).allMatch(path -> path.startsWith("/app/classes/"));
        assertThat(runtime.entries().keySet().stream().filter(path -> path.length() > 1)
                .map(path -> path.split("/")[1]).distinct())
                .as("the base's top folders").containsExactlyInAnyOrder("data", "etc", "home", "lib", "lib64", "opt",
                        "tmp", "usr");
        assertThat(runtime.entries()).containsKeys("/lib64/ld-linux-x86-64.so.2",
                "/lib/x86_64-linux-gnu/libc.so.6", "/lib/x86_64-linux-gnu/libjpeg.so.62",
                "/lib/x86_64-linux-gnu/libz.so.1", JAVA_HOME + "/lib/server/libjvm.so",
                "/usr/lib/locale/C.utf8/LC_CTYPE");
    }

    @Test
    void givesTheUserAWritableDataVolumeHomeAndTmp() throws IOException {
        Layer base = layerWith("/etc/passwd");
        assertThat(ownerAndMode(base, "/data")).isEqualTo("65532:65532 755");
        assertThat(ownerAndMode(base, "/home/nonroot")).isEqualTo("65532:65532 755");
        assertThat(ownerAndMode(base, "/tmp")).isEqualTo("0:0 1777");
        assertThat(Files.readAllLines(rootfs.resolve("etc/passwd")))
                .contains("nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin");
    }

    @Test
    void everyNativeLibraryOfTheRuntimeFindsWhatItLinksInTheImage() throws Exception {
        assumeContainersCanRun();
        List<String> libraries;
        try (Stream<Path> files = Files.walk(rootfs.resolve(JAVA_HOME.substring(1)))) {
            libraries = files.filter(file -> file.toString().endsWith(".so"))
                    .map(file -> "/" + rootfs.relativize(file)).sorted().toList();
        }
        assertThat(libraries).contains(JAVA_HOME + "/lib/libjavajpeg.so", JAVA_HOME + "/lib/liblcms.so");
        for (String library : libraries) {
            String links = runInImage(Map.of(), "/lib64/ld-linux-x86-64.so.2", "--library-path",
                    JAVA_HOME + "/lib:" + JAVA_HOME + "/lib/server", "--list", library);
            assertThat(links).as(library).doesNotContain("not found");
        }
    }

    @Test
    void javaInTheImageDecodesPhotosTrustsTheSystemCertificatesAndSpeaksUtf8() throws Exception {
        assumeContainersCanRun();
        String probeClass = RuntimeProbe.class.getName().replace('.', '/') + ".class";
        Path probe = rootfs.resolve("tmp/probe").resolve(probeClass);
        Files.createDirectories(probe.getParent());
        try (InputStream in = RuntimeProbe.class.getClassLoader().getResourceAsStream(probeClass)) {
            Files.write(probe, in.readAllBytes());
        }
        Map<String, String> seen = runInImage(environment(), "java", "-cp", "/tmp/probe", RuntimeProbe.class.getName())
                .lines().filter(line -> line.contains("=") && !line.startsWith("Picked up"))
                .collect(Collectors.toMap(line -> line.substring(0, line.indexOf('=')),
                        line -> line.substring(line.indexOf('=') + 1)));
        assertThat(seen).containsEntry("jpeg", "64x48").containsEntry("png", "64x48").containsEntry("gray", "64")
                .containsEntry("ecdhe", "true")
                .containsEntry("sun.jnu.encoding", "UTF-8").containsEntry("file.encoding", "UTF-8")
                .containsEntry("user.name", "nonroot").containsEntry("user.home", "/home/nonroot");
        assertThat(Integer.parseInt(seen.get("trusted"))).isEqualTo(systemTrustedCertificates());
    }

    @Test
    void startsTheServiceFromTheImageWithTheRoutesAtRoutesAndDataInData() throws Exception {
        assumeContainersCanRun();
        // A file beside the image's own in /routes, as a mounted ConfigMap would bring it.
        Files.writeString(rootfs.resolve("routes/image-check.camel.yaml"), """
                - route:
                    id: image-check
                    from:
                      uri: direct:image-check
                      steps:
                        - log: "routes are read from /routes"
                """);
        int port = freePort();
        int managementPort = freePort();
        Map<String, String> environment = new LinkedHashMap<>(environment());
        environment.put("TWEETFLOW_SANDBOX", "true");
        // Only the quick compiler: the start costs less CPU on a machine running other builds.
        environment.merge("JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1", (image, test) -> image + " " + test);
        environment.put("SERVER_PORT", String.valueOf(port));
        environment.put("MANAGEMENT_SERVER_PORT", String.valueOf(managementPort));
        Path log = Files.createTempFile("tweetflow-image", ".log");
        service = container(environment, strings(config.get("config").get("Entrypoint")))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();

        HttpClient http = HttpClient.newHttpClient();
        URI readiness = URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness");
        await("the service in the image ready").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    assertThat(service.isAlive()).as("the service is running; its log: %s", Files.readString(log))
                            .isTrue();
                    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(readiness).build(),
                            HttpResponse.BodyHandlers.ofString());
                    return answer.statusCode() == 200 && answer.body().contains("\"UP\"");
                });
        HttpResponse<String> landing = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(landing.statusCode()).isEqualTo(200);
        assertThat(Files.readString(log)).contains("Started image-check (direct://image-check)")
                .contains("Picked up JAVA_TOOL_OPTIONS: -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError");
        assertThat(Files.getAttribute(rootfs.resolve("data/tweetflow.mv.db"), "unix:uid")).isEqualTo(65532);
        service.destroy();
        assertThat(service.waitFor(2, TimeUnit.MINUTES)).as("stops on SIGTERM").isTrue();
    }

    /** Run by the image's Java: what photos, TLS and file names need from the runtime and its libraries. */
    public static final class RuntimeProbe {

        public static void main(String[] args) throws Exception {
            BufferedImage photo = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
            photo.setRGB(10, 10, 0xff0000);
            System.out.println("jpeg=" + roundTrip(photo, "jpeg"));
            System.out.println("png=" + roundTrip(photo, "png"));
            ColorConvertOp toGray = new ColorConvertOp(ColorSpace.getInstance(ColorSpace.CS_GRAY), null);
            System.out.println("gray=" + toGray.filter(photo, null).getWidth());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init((KeyStore) null);
            X509TrustManager trusted = (X509TrustManager) trust.getTrustManagers()[0];
            System.out.println("trusted=" + trusted.getAcceptedIssuers().length);
            System.out.println("ecdhe=" + Arrays.stream(SSLContext.getDefault().getDefaultSSLParameters()
                    .getCipherSuites()).anyMatch(suite -> suite.startsWith("TLS_ECDHE_ECDSA_")));
            for (String property : List.of("sun.jnu.encoding", "file.encoding", "user.name", "user.home")) {
                System.out.println(property + "=" + System.getProperty(property));
            }
        }

        private static String roundTrip(BufferedImage image, String format) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            BufferedImage back = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
            return back.getWidth() + "x" + back.getHeight();
        }
    }

    private static Layer readLayer(String comment, byte[] blob) throws IOException {
        Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
        Map<String, byte[]> routes = new TreeMap<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(
                new GZIPInputStream(new ByteArrayInputStream(blob)))) {
            for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String path = "/" + entry.getName().replaceFirst("^\\./", "").replaceFirst("/$", "");
                entries.put(path, entry);
                if (path.startsWith("/routes/") && entry.isFile()) {
                    routes.put(path, in.readAllBytes());
                }
            }
        }
        return new Layer(comment, entries, routes);
    }

    /** GNU tar keeps owners and modes (the sticky /tmp too) when root extracts. */
    private static void extract(byte[] blob, Path into) throws IOException, InterruptedException {
        Path file = Files.createTempFile("layer", ".tar.gz");
        try {
            Files.write(file, blob);
            Process tar = new ProcessBuilder("tar", "--warning=no-unknown-keyword", "-xzf", file.toString(),
                    "-C", into.toString()).redirectErrorStream(true).start();
            String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(tar.waitFor()).as("tar: %s", output).isZero();
        } finally {
            Files.delete(file);
        }
    }

    private static void assumeContainersCanRun() throws IOException {
        boolean root = Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        Assumptions.assumeTrue(root && chroot() != null,
                "running the image's file system needs root (mount namespace, chroot) and chroot on this machine");
    }

    /** The image's command in its file system, as its user, with only the given environment; returns its output. */
    private static String runInImage(Map<String, String> environment, String... command)
            throws IOException, InterruptedException {
        Process process = container(environment, List.of(command)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("%s: %s", String.join(" ", command), output).isZero();
        return output;
    }

    /**
     * What a container runtime does, in short: a private mount namespace in which the root file system is a mount
     * (Java finds file stores through /proc/self/mounts), /proc and /dev are there and /etc/hosts is the host's; then
     * chroot as the image's user, with nothing of this JVM's environment.
     */
    private static ProcessBuilder container(Map<String, String> environment, List<String> command) {
        String root = rootfs.toString();
        List<String> argv = new ArrayList<>(List.of("unshare", "--mount", "sh", "-c", """
                root=$1; shift
                mkdir -p "$root/proc" "$root/dev" && : > "$root/etc/hosts" &&
                mount --bind "$root" "$root" && mount -t proc proc "$root/proc" &&
                mount --rbind /dev "$root/dev" && mount --bind /etc/hosts "$root/etc/hosts" && exec "$@"
                """, "container", root, "env", "-i"));
        environment.forEach((name, value) -> argv.add(name + "=" + value));
        argv.addAll(List.of(chroot(), "--userspec=" + config.get("config").get("User").asText(), root));
        argv.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(argv);
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        return builder;
    }

    private static String chroot() {
        return Stream.of("/usr/sbin/chroot", "/usr/bin/chroot", "/sbin/chroot")
                .filter(path -> Files.isExecutable(Path.of(path))).findFirst().orElse(null);
    }

    private static int systemTrustedCertificates() throws Exception {
        Path system = Path.of("/etc/ssl/certs/java/cacerts");
        Assumptions.assumeTrue(Files.exists(system), "this machine has no system Java trust store to compare");
        return KeyStore.getInstance(system.toFile(), "changeit".toCharArray()).size();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        for (String variable : strings(config.get("config").get("Env"))) {
            int equals = variable.indexOf('=');
            environment.put(variable.substring(0, equals), variable.substring(equals + 1));
        }
        return environment;
    }

    private static Layer layerWith(String pathOrPrefix) {
        List<Layer> with = layers.stream()
                .filter(layer -> layer.entries().keySet().stream().anyMatch(path -> path.startsWith(pathOrPrefix)))
                .toList();
        assertThat(with).as("layers holding %s", pathOrPrefix).hasSize(1);
        return with.get(0);
    }

    private static Set<String> files(Layer layer) {
        return layer.entries().entrySet().stream().filter(entry -> entry.getValue().isFile())
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    private static String ownerAndMode(Layer layer, String path) {
        TarArchiveEntry entry = layer.entries().get(path);
        assertThat(entry).as(path).isNotNull();
        assertThat(entry.isDirectory()).as("%s is a directory", path).isTrue();
        return entry.getLongUserId() + ":" + entry.getLongGroupId() + " " + Integer.toOctalString(entry.getMode() & 07777);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

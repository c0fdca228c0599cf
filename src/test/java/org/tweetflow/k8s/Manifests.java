package org.tweetflow.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.yaml.snakeyaml.Yaml;

/**
 * The resources one overlay of k8s/ renders to, as {@code kubectl kustomize} prints them (and {@code kubectl apply -k}
 * sends them), each a JSON tree to walk with JSON pointers.
 */
record Manifests(List<JsonNode> resources) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Manifests render(String kubectl, Path kustomization) {
        return parse(run(List.of(kubectl, "kustomize", kustomization.toString())));
    }

    static Manifests parse(String yaml) {
        List<JsonNode> resources = new ArrayList<>();
        for (Object document : new Yaml().loadAll(yaml)) {
            if (document != null) {
                resources.add(JSON.valueToTree(document));
            }
        }
        return new Manifests(resources);
    }

    List<JsonNode> all(String kind) {
        return resources.stream().filter(r -> r.path("kind").asText().equals(kind)).toList();
    }

    JsonNode one(String kind) {
        List<JsonNode> found = all(kind);
        assertThat(found).as("resources of kind %s", kind).hasSize(1);
        return found.get(0);
    }

    JsonNode named(String kind, String name) {
        return all(kind).stream().filter(r -> r.at("/metadata/name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " named " + name + " in the rendered overlay"));
    }

    /** The only Deployment's only container. */
    JsonNode container() {
        JsonNode containers = one("Deployment").at("/spec/template/spec/containers");
        assertThat(containers.size()).as("containers of the Deployment").isEqualTo(1);
        return containers.get(0);
    }

    JsonNode podSpec() {
        return one("Deployment").at("/spec/template/spec");
    }

    /**
     * The container's environment as far as the manifests set it: the referenced ConfigMaps' keys in order, then
     * {@code env}, which wins (the Secret's keys are the operator's, not in the manifests).
     */
    Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        for (JsonNode source : container().path("envFrom")) {
            if (source.has("configMapRef")) {
                named("ConfigMap", source.at("/configMapRef/name").asText()).path("data").fields()
                        .forEachRemaining(e -> environment.put(e.getKey(), e.getValue().asText()));
            }
        }
        for (JsonNode variable : container().path("env")) {
            if (variable.has("value")) {
                environment.put(variable.path("name").asText(), variable.path("value").asText());
            }
        }
        return environment;
    }

    /** The container port a probe or a Service names, by its name or its number. */
    int containerPort(JsonNode port) {
        if (port.isInt()) {
            return port.asInt();
        }
        for (JsonNode declared : container().path("ports")) {
            if (declared.path("name").asText().equals(port.asText())) {
                return declared.path("containerPort").asInt();
            }
        }
        throw new AssertionError("the container declares no port " + port);
    }

    /** The volume mounted at the path, by its definition in the pod. */
    JsonNode volumeMountedAt(String mountPath) {
        String name = null;
        for (JsonNode mount : container().path("volumeMounts")) {
            if (mount.path("mountPath").asText().equals(mountPath)) {
                name = mount.path("name").asText();
            }
        }
        assertThat(name).as("volume mounted at %s", mountPath).isNotNull();
        for (JsonNode volume : podSpec().path("volumes")) {
            if (volume.path("name").asText().equals(name)) {
                return volume;
            }
        }
        throw new AssertionError("no volume " + name + " in the pod");
    }

    static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed (its messages are above)");
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}

package com.kakehashi.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/k8s validated offline against the Kubernetes v1.34 JSON schemas (vendored in
 * src/test/resources/k8s-schemas), strictly: a field Kubernetes does not know is an error, as
 * {@code kubeconform -strict} would report. Then the promises the manifests make to each other.
 */
class KubernetesManifestsTest {
    private static final Path DIR = Path.of("deploy/k8s");
    private static final Map<String, String> SCHEMAS = Map.of(
            "apps/v1/Deployment", "deployment-apps-v1.json",
            "v1/Service", "service-v1.json",
            "v1/ConfigMap", "configmap-v1.json",
            "v1/PersistentVolumeClaim", "persistentvolumeclaim-v1.json",
            "policy/v1/PodDisruptionBudget", "poddisruptionbudget-policy-v1.json",
            "autoscaling/v2/HorizontalPodAutoscaler", "horizontalpodautoscaler-autoscaling-v2.json",
            "networking.k8s.io/v1/NetworkPolicy", "networkpolicy-networking-v1.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonSchema> schemaCache = new HashMap<>();
    private static final Map<String, JsonNode> byKind = new HashMap<>();
    private static final List<JsonNode> all = new ArrayList<>();

    @BeforeAll
    static void readManifests() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (JsonNode doc : documents(file)) {
                    all.add(doc);
                    byKind.putIfAbsent(doc.path("kind").asText(), doc);
                }
            }
        }
    }

    @Test
    void everyManifestIsAValidKubernetesObject() throws IOException {
        assertThat(all).hasSizeGreaterThanOrEqualTo(8);
        for (JsonNode doc : all) {
            assertThat(violations(doc))
                    .as("%s %s", kindKey(doc), doc.at("/metadata/name").asText())
                    .isEmpty();
        }
    }

    @Test
    void aMisspelledFieldIsCaught() throws IOException {
        ObjectNode broken = byKind.get("Deployment").deepCopy();
        ((ObjectNode) broken.get("spec")).put("replica", 3);
        assertThat(violations(broken)).anyMatch(m -> m.getMessage().contains("replica"));

        ObjectNode wrongType = byKind.get("Deployment").deepCopy();
        ((ObjectNode) wrongType.get("spec")).put("replicas", "three");
        assertThat(violations(wrongType)).isNotEmpty();
    }

    @Test
    void theDeploymentRunsThreeNonRootReplicasWithProbesResourcesAndAGracefulStop() {
        JsonNode deployment = byKind.get("Deployment");
        JsonNode pod = deployment.at("/spec/template/spec");
        JsonNode container = pod.at("/containers/0");
        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(3);
        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/q/health/started");
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
        // In prod, health and metrics are on the management interface only (docs/security.md).
        assertThat(container.at("/readinessProbe/httpGet/port").asText()).isEqualTo("management");
        assertThat(deployment
                        .at("/spec/template/metadata/annotations/prometheus.io~1port")
                        .asText())
                .isEqualTo("9000");
        assertThat(container.at("/resources/requests/cpu").asText()).isNotEmpty();
        assertThat(container.at("/resources/limits/memory").asText()).isNotEmpty();
        // quarkus.shutdown.timeout (30 s) plus the pre-stop pause must fit in the grace period.
        assertThat(pod.at("/terminationGracePeriodSeconds").asInt())
                .isGreaterThanOrEqualTo(
                        30 + container.at("/lifecycle/preStop/sleep/seconds").asInt());
    }

    @Test
    void secretsAreReferencedNeverShipped() {
        assertThat(all).noneMatch(doc -> doc.path("kind").asText().equals("Secret"));
        JsonNode container = byKind.get("Deployment").at("/spec/template/spec/containers/0");
        List<String> secretRefs = new ArrayList<>();
        container
                .path("env")
                .forEach(
                        e -> secretRefs.add(e.at("/valueFrom/secretKeyRef/name").asText()));
        assertThat(secretRefs).contains("kakehashi-db");
        JsonNode volumes = byKind.get("Deployment").at("/spec/template/spec/volumes");
        assertThat(volumes.findValuesAsText("secretName")).contains("kakehashi-jwt");
        assertThat(byKind.get("ConfigMap").at("/data/KAKEHASHI_JWT_PUBLIC_KEY").asText())
                .startsWith("file:/etc/kakehashi/jwt/");
    }

    @Test
    void budgetAutoscalerServiceAndPolicySelectTheDeploymentsPods() {
        JsonNode podLabels = byKind.get("Deployment").at("/spec/template/metadata/labels");
        assertThat(byKind.get("PodDisruptionBudget").at("/spec/selector/matchLabels"))
                .isEqualTo(podLabels);
        assertThat(byKind.get("PodDisruptionBudget").at("/spec/minAvailable").asInt())
                .isLessThan(3);
        assertThat(byKind.get("Service").at("/spec/selector")).isEqualTo(podLabels);
        assertThat(byKind.get("NetworkPolicy").at("/spec/podSelector/matchLabels"))
                .isEqualTo(podLabels);
        JsonNode hpa = byKind.get("HorizontalPodAutoscaler");
        assertThat(hpa.at("/spec/scaleTargetRef/name").asText())
                .isEqualTo(byKind.get("Deployment").at("/metadata/name").asText());
        assertThat(hpa.at("/spec/minReplicas").asInt()).isEqualTo(3);
        assertThat(byKind.get("Deployment")
                        .at("/spec/template/spec/containers/0/envFrom/0/configMapRef/name")
                        .asText())
                .isEqualTo(byKind.get("ConfigMap").at("/metadata/name").asText());
    }

    private static List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        YAMLMapper yaml = new YAMLMapper();
        try (var parser = new YAMLFactory().createParser(file.toFile())) {
            var it = yaml.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isEmpty()) {
                    docs.add(doc);
                }
            }
        }
        return docs;
    }

    private static Set<ValidationMessage> violations(JsonNode doc) throws IOException {
        String key = kindKey(doc);
        assertThat(SCHEMAS).as("a schema for %s", key).containsKey(key);
        JsonSchema schema = schemaCache.get(key);
        if (schema == null) {
            try (InputStream in =
                    KubernetesManifestsTest.class.getResourceAsStream("/k8s-schemas/" + SCHEMAS.get(key))) {
                ObjectNode node = (ObjectNode) JSON.readTree(in);
                node.remove("$schema");
                strict(node);
                schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4)
                        .getSchema(node);
                schemaCache.put(key, schema);
            }
        }
        return schema.validate(doc);
    }

    private static String kindKey(JsonNode doc) {
        return doc.path("apiVersion").asText() + "/" + doc.path("kind").asText();
    }

    /**
     * Closes every object that lists its properties, as the "-strict" flavour of these schemas does, and drops
     * the x-kubernetes-* annotations (they guide server-side merging, not validation).
     */
    private static void strict(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> annotations = new ArrayList<>();
            object.fieldNames().forEachRemaining(name -> {
                if (name.startsWith("x-kubernetes-") && !name.equals("x-kubernetes-preserve-unknown-fields")) {
                    annotations.add(name);
                }
            });
            object.remove(annotations);
            if (object.has("properties")
                    && !object.has("additionalProperties")
                    && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                object.put("additionalProperties", false);
            }
            object.forEach(KubernetesManifestsTest::strict);
        } else if (node.isArray()) {
            node.forEach(KubernetesManifestsTest::strict);
        }
    }
}

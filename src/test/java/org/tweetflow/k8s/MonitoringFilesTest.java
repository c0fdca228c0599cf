package org.tweetflow.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.tweetflow.MetricsTable;
import org.yaml.snakeyaml.Yaml;

/**
 * The alert rules and the Grafana dashboard under k8s/monitoring ask only for metrics the service exposes: those of
 * docs/operations.md's tables, which PrometheusMetricsTest finds in a real scrape. Each alert is explained there too.
 */
class MonitoringFilesTest {

    static final Path ALERTS = Path.of("k8s", "monitoring", "alerts.yaml");
    static final Path DASHBOARD = Path.of("k8s", "monitoring", "grafana-dashboard.json");
    static final Path OPERATIONS = Path.of("docs", "operations.md");
    /** A metric's name in PromQL: ours or Camel's (label names and values never start so). */
    static final Pattern METRIC = Pattern.compile("\\b((?:tweetflow|camel)_[a-z0-9_]+)");
    /** A series recorded by a rule of alerts.yaml: {@code tweetflow:<what>:<how>}. */
    static final Pattern RECORDED = Pattern.compile("\\btweetflow:[a-z0-9_:]+");
    /** The series a timer adds to its name. */
    static final Pattern TIMER_SERIES = Pattern.compile("_(count|sum|max)$");

    final ObjectMapper json = new ObjectMapper();

    @Test
    void theAlertsAskOnlyForDocumentedMetricsAndEachIsExplainedInTheOperatorsGuide() throws IOException {
        Map<String, String> alerts = alerts();
        Set<String> records = records().keySet();
        String guide = Files.readString(OPERATIONS);

        assertThat(alerts).containsKeys("TweetflowQueueStuck", "TweetflowXFailing", "TweetflowFetchingPaused",
                "TweetflowMonthlyCapNear", "TweetflowSyncsFailing");
        alerts.forEach((alert, expr) -> {
            assertThat(undocumented(expr)).as(alert + ": " + expr).isEmpty();
            assertThat(recorded(expr)).as(alert + " reads only series the file records").isSubsetOf(records);
            assertThat(guide).as("docs/operations.md explains " + alert).contains("`" + alert + "`");
        });
    }

    @Test
    void theRecordingRulesAskOnlyForDocumentedMetricsAndTheGuideNamesThem() throws IOException {
        String guide = Files.readString(OPERATIONS);
        Map<String, String> records = records();

        assertThat(records).containsKey("tweetflow:posts_fetched:increase1h");
        records.forEach((series, expr) -> {
            assertThat(undocumented(expr)).as(series + ": " + expr).isEmpty();
            assertThat(guide).as("docs/operations.md names " + series).contains("`" + series + "`");
        });
    }

    @Test
    void theDashboardAsksOnlyForDocumentedMetricsAndShowsEachOfOurs() throws IOException {
        List<String> exprs = new ArrayList<>();
        json.readTree(DASHBOARD.toFile()).findValues("expr").forEach(expr -> exprs.add(expr.asText()));

        Set<String> shown = new TreeSet<>();
        for (String expr : exprs) {
            assertThat(undocumented(expr)).as(expr).isEmpty();
            shown.addAll(metrics(expr));
        }
        assertThat(shown).containsAll(MetricsTable.documented().stream()
                .filter(metric -> metric.startsWith("tweetflow_")).toList());
    }

    @Test
    void everyRuleHasASeverityASummaryAndADescription() throws IOException {
        for (JsonNode group : rules().path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                if (rule.has("record")) {
                    continue;
                }
                assertThat(rule.at("/labels/severity").asText()).as(rule.path("alert").asText())
                        .isIn("warning", "critical");
                assertThat(rule.at("/annotations/summary").asText()).isNotBlank();
                assertThat(rule.at("/annotations/description").asText()).isNotBlank();
            }
        }
    }

    /** Each alert's expression, by alert name. */
    Map<String, String> alerts() throws IOException {
        return rulesOfKind("alert");
    }

    /** Each recording rule's expression, by the series it records. */
    Map<String, String> records() throws IOException {
        return rulesOfKind("record");
    }

    private Map<String, String> rulesOfKind(String kind) throws IOException {
        Map<String, String> rules = new LinkedHashMap<>();
        for (JsonNode group : rules().path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                if (rule.has(kind)) {
                    assertThat(rules.put(rule.path(kind).asText(), rule.path("expr").asText())).as("one name each")
                            .isNull();
                }
            }
        }
        return rules;
    }

    /** The recorded series an expression asks for. */
    static Set<String> recorded(String expr) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = RECORDED.matcher(expr);
        while (matcher.find()) {
            names.add(matcher.group());
        }
        return names;
    }

    JsonNode rules() throws IOException {
        return json.valueToTree(new Yaml().load(Files.readString(ALERTS)));
    }

    /** The metrics an expression asks for that docs/operations.md does not document (a timer by its name). */
    static Set<String> undocumented(String expr) {
        Set<String> unknown = new TreeSet<>(metrics(expr));
        unknown.removeAll(MetricsTable.documented());
        return unknown;
    }

    /** The metric names of an expression, a timer's series by the timer's name. */
    static Set<String> metrics(String expr) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = METRIC.matcher(expr);
        while (matcher.find()) {
            String name = matcher.group(1);
            names.add(name.endsWith("_total") ? name : TIMER_SERIES.matcher(name).replaceFirst(""));
        }
        return names;
    }
}

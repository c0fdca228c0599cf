package org.tweetflow.cluster;

import java.io.IOException;
import java.net.URL;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.tweetflow.TweetflowApplication;

/**
 * One replica of the service started from test code as the jar starts it: {@code TweetflowApplication} with its
 * settings as command-line arguments (ahead of application.yaml, as the environment is in a deployment), in this
 * JVM ({@link #start}) or as the main class of a JVM of its own ({@link ChildReplica}). The component scan leaves
 * out every class of the test code (test configurations, test beans): a replica is the product alone.
 */
public final class Replica {

    private Replica() {
    }

    /** The main class of a replica in a process of its own: the arguments are its settings ({@code --key=value}). */
    public static void main(String[] args) {
        builder().run(args);
    }

    /** A replica in this JVM; {@code extra} adds configurations by name (the sandbox's fault injection). */
    static ConfigurableApplicationContext start(Map<String, String> settings, Class<?>... extra) {
        return builder().sources(extra).run(arguments(settings));
    }

    static String[] arguments(Map<String, String> settings) {
        return settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    private static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(TweetflowApplication.class).initializers(context -> context
                .getBeanFactory().registerSingleton(ProductClassesOnly.class.getName(), new ProductClassesOnly()));
    }

    /** Found by the application's own {@code TypeExcludeFilter}, which asks every bean of its type. */
    static final class ProductClassesOnly extends TypeExcludeFilter {

        private static final String TEST_CLASSES = Replica.class.getProtectionDomain().getCodeSource().getLocation()
                .toString();

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            URL url = reader.getResource().getURL();
            return url.toString().startsWith(TEST_CLASSES);
        }

        @Override
        public boolean equals(Object other) {
            return other != null && other.getClass() == getClass();
        }

        @Override
        public int hashCode() {
            return getClass().hashCode();
        }
    }
}

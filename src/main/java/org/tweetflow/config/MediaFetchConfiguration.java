package org.tweetflow.config;

import java.util.concurrent.ExecutorService;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The threads that fetch photos (the {@code fingerprint-media} split's executor): tweetflow.media.parallel-fetches
 * of them, shared by every collection on this replica. Its queue is short: when it is full the splitting thread
 * fetches a photo itself, so a collection of 100,000 photos never queues 100,000 exchanges.
 */
@Configuration(proxyBeanMethods = false)
public class MediaFetchConfiguration {

    @Bean
    ExecutorService mediaFetches(CamelContext camel, TweetflowProperties properties) {
        int threads = properties.media().parallelFetches();
        return camel.getExecutorServiceManager().newThreadPool(this, "media-fetches",
                new ThreadPoolProfileBuilder("media-fetches").poolSize(threads).maxPoolSize(threads)
                        .maxQueueSize(threads * 4).rejectedPolicy(ThreadPoolRejectedPolicy.CallerRuns).build());
    }
}

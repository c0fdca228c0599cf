package org.tweetflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class TweetflowApplication {

    public static void main(String[] args) {
        SpringApplication.run(TweetflowApplication.class, args);
    }
}

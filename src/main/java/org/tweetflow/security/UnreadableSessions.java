package org.tweetflow.security;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.serializer.JdkSerializationRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.data.redis.serializer.SerializationException;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.data.redis.RedisSessionMapper;
import org.springframework.session.data.redis.RedisSessionRepository;
import org.tweetflow.config.ConditionalOnRedis;

/**
 * A session on Redis that this version cannot read (stored by a version whose Spring Security classes serialize
 * differently) is no session: Spring Session deletes it and treats the cookie as unknown, and the member signs in
 * again, instead of every page answering 500. Never half of it: one unreadable value drops the whole session.
 * Sessions stay in Java serialization (see docs/configuration.md, "Distributed mode").
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRedis
public class UnreadableSessions {

    /** What a session value that could not be deserialized reads as, only between Redis and the mapper below. */
    static final Object UNREADABLE = new Object();

    /** Spring Session's serializer (the JDK's, its default), reading a value it cannot deserialize as UNREADABLE. */
    @Bean
    RedisSerializer<Object> springSessionDefaultRedisSerializer() {
        JdkSerializationRedisSerializer jdk = new JdkSerializationRedisSerializer(getClass().getClassLoader());
        return new RedisSerializer<>() {
            @Override
            public byte[] serialize(Object value) {
                return jdk.serialize(value);
            }

            @Override
            public Object deserialize(byte[] bytes) {
                try {
                    return jdk.deserialize(bytes);
                } catch (SerializationException unreadable) {
                    return UNREADABLE;
                }
            }
        };
    }

    /** A session with an unreadable value maps to none, which RedisSessionRepository deletes and does not return. */
    @Bean
    SessionRepositoryCustomizer<RedisSessionRepository> unreadableSessionsAreNone() {
        RedisSessionMapper mapper = new RedisSessionMapper();
        return sessions -> sessions.setRedisSessionMapper((String id, Map<String, Object> stored) ->
                stored.containsValue(UNREADABLE) ? null : mapper.apply(id, stored));
    }
}

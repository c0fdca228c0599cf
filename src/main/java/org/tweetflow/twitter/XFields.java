package org.tweetflow.twitter;

import java.util.LinkedHashMap;
import java.util.Map;

/** The expansions and fields twarc asks for by default, so archived tweets carry everything the API offers. */
public final class XFields {

    public static final Map<String, String> TWARC_DEFAULTS = defaults();

    private XFields() {
    }

    private static Map<String, String> defaults() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("expansions", "author_id,entities.mentions.username,geo.place_id,in_reply_to_user_id,"
                + "referenced_tweets.id,referenced_tweets.id.author_id,edit_history_tweet_ids,"
                + "attachments.media_keys,attachments.poll_ids");
        p.put("tweet.fields", "attachments,author_id,context_annotations,conversation_id,created_at,entities,geo,id,"
                + "in_reply_to_user_id,lang,public_metrics,text,possibly_sensitive,referenced_tweets,reply_settings,"
                + "source,withheld,edit_controls,edit_history_tweet_ids");
        p.put("user.fields", "created_at,description,entities,id,location,name,pinned_tweet_id,profile_image_url,"
                + "protected,public_metrics,url,username,verified,verified_type,withheld");
        p.put("media.fields", "alt_text,duration_ms,height,media_key,preview_image_url,type,url,width,variants,"
                + "public_metrics");
        p.put("poll.fields", "duration_minutes,end_datetime,id,options,voting_status");
        p.put("place.fields", "contained_within,country,country_code,full_name,geo,id,name,place_type");
        return Map.copyOf(p);
    }
}

package org.tweetflow.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.tweetflow.TweetflowExchange;
import org.tweetflow.work.WorkItem;

class MediaFingerprintsTest {

    final CollectionSteps steps = mock(CollectionSteps.class);
    final MediaFingerprints fingerprints = new MediaFingerprints(mock(CollectionFiles.class), steps,
            mock(Thumbnails.class), new ObjectMapper());

    @Test
    void theProgressOfThousandsOfPhotosIsWrittenAHundredTimesNotOncePerPhoto() {
        DefaultCamelContext camel = new DefaultCamelContext();
        Exchange all = null;
        for (int i = 0; i < 5_000; i++) {
            Exchange one = new DefaultExchange(camel);
            one.setProperty(TweetflowExchange.COLLECTION_ID, 7L);
            one.setProperty(Exchange.SPLIT_SIZE, 5_000);
            one.getMessage().setBody(new Fingerprint(new Photo("3_" + i, "https://pbs.twimg.com/" + i + ".jpg", 1),
                    "md5", 0L, null));
            all = fingerprints.aggregate(all, one);
        }

        ArgumentCaptor<String> progress = ArgumentCaptor.forClass(String.class);
        verify(steps, times(100)).set(anyLong(), isNull(WorkItem.class), eq(MediaFingerprints.STEPS),
                eq(CollectionStep.RUNNING), progress.capture(), isNull());
        assertThat(progress.getAllValues()).startsWith("fetching photos 50 of 5000")
                .endsWith("fetching photos 5000 of 5000");
        assertThat(all.getMessage().getBody(List.class)).hasSize(5_000);
    }
}

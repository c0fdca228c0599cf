package org.tweetflow.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class MediaOverviewTest {

    @Test
    void theCommonPicturesCountIdenticalCopiesTogetherAndPhotosNotFetchedOnTheirOwnAndTheHostsNotReachedAreNamed() {
        long picture = 0x0f0f_0f0f_0f0f_0f0fL;
        List<Fingerprint> fingerprints = List.of(fetched("3_1", 2, "aaa", picture), fetched("3_2", 3, "aaa", picture),
                fetched("3_3", 1, "bbb", picture ^ 0b111), fetched("3_4", 4, "ccc", ~picture),
                new Fingerprint(photo("3_5", 9, "https://gone.example/5.jpg"), null, null, "the photo's host answered 404"),
                new Fingerprint(photo("3_6", 1, "https://down.example/6.jpg"), null, null, "Connection refused", true),
                new Fingerprint(photo("3_7", 1, "https://down.example/7.jpg"), null, null, "not asked for", true));

        MediaOverview overview = MediaOverview.of(fingerprints, MediaGraph.of(fingerprints, MediaFingerprints.NEAR));

        assertThat(overview.common()).containsExactly(new MediaOverview.Shown("3_5", "https://gone.example/5.jpg", 9, 1),
                new MediaOverview.Shown("3_2", "https://pbs.twimg.com/media/3_2.jpg", 5, 2),
                new MediaOverview.Shown("3_4", "https://pbs.twimg.com/media/3_4.jpg", 4, 1),
                new MediaOverview.Shown("3_3", "https://pbs.twimg.com/media/3_3.jpg", 1, 1),
                new MediaOverview.Shown("3_6", "https://down.example/6.jpg", 1, 1),
                new MediaOverview.Shown("3_7", "https://down.example/7.jpg", 1, 1));
        assertThat(overview.groups()).isEqualTo(1);
        assertThat(overview.matching()).singleElement().satisfies(group -> {
            assertThat(group.shown()).extracting(MediaOverview.Shown::mediaKey).containsExactly("3_2", "3_1", "3_3");
            assertThat(group.attachments()).isEqualTo(6);
        });
        assertThat(overview.unfetched()).containsExactly(new MediaOverview.Unfetched("down.example", 2,
                "Connection refused"));
    }

    private static Fingerprint fetched(String id, long count, String md5, long phash) {
        return new Fingerprint(photo(id, count, "https://pbs.twimg.com/media/" + id + ".jpg"), md5, phash, null);
    }

    private static Photo photo(String id, long count, String url) {
        return new Photo(id, url, count);
    }
}

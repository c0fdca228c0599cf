package org.tweetflow.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class MediaGraphTest {

    @Test
    void matchingImagesAreTheGroupsTheLinksJoinEvenThroughAnotherPhotoLargestFirstWithoutLonePhotos() {
        MediaGraph graph = new MediaGraph(List.of(node("3_1", 1), node("3_2", 5), node("3_3", 2), node("3_4", 1),
                node("3_5", 9), node("3_6", 4), node("3_7", 1), node("3_8", 2)),
                // 1–2 and 2–3: 1 and 3 are too far apart to be linked, yet show one picture; 7 and 8 tie 4 and 5
                // in size but are attached less; 6 matches nothing; a link to a photo not fetched is ignored
                List.of(link("3_1", "3_2"), link("3_2", "3_3"), link("3_4", "3_5"), link("3_7", "3_8"),
                        link("3_6", "3_99")));

        List<MediaGraph.Cluster> clusters = graph.clusters();

        assertThat(clusters).extracting(cluster -> cluster.photos().stream().map(MediaGraph.Node::id).toList())
                .containsExactly(List.of("3_2", "3_3", "3_1"), List.of("3_5", "3_4"), List.of("3_8", "3_7"));
        assertThat(clusters).extracting(MediaGraph.Cluster::attachments).containsExactly(8L, 10L, 3L);
    }

    @Test
    void noLinksNoMatchingImages() {
        assertThat(new MediaGraph(List.of(node("3_1", 3), node("3_2", 3)), List.of()).clusters()).isEmpty();
    }

    @Test
    void identicalCopiesUnderOtherMediaKeysCountAsOnePictureTheMostAttachedFirst() {
        MediaGraph graph = new MediaGraph(List.of(node("3_1", 2, "aaa"), node("3_2", 1, "bbb"), node("3_3", 5, "aaa"),
                node("3_4", 4, "ccc"), node("3_5", 1, "aaa")), List.of());

        List<MediaGraph.Cluster> copies = graph.copies();

        assertThat(copies).extracting(cluster -> cluster.photos().stream().map(MediaGraph.Node::id).toList())
                .containsExactly(List.of("3_3", "3_1", "3_5"), List.of("3_4"), List.of("3_2"));
        assertThat(copies).extracting(MediaGraph.Cluster::attachments).containsExactly(8L, 4L, 1L);
    }

    @Test
    void ofLinksIdenticalCopiesEqualHashesAndNearPicturesOnlyWhereTheyJoinTwoGroups() {
        long picture = 0x0123_4567_89ab_cdefL;
        List<Fingerprint> fingerprints = List.of(fingerprint("3_1", "aaa", picture),
                fingerprint("3_2", "aaa", picture), // the same bytes
                fingerprint("3_3", "bbb", picture), // re-encoded, the same hash
                fingerprint("3_4", "ccc", picture ^ 0b1111), // 4 bits apart
                fingerprint("3_5", "ddd", picture ^ 0b11_1111), // near 3_4 and 3_1, already one group: one link
                fingerprint("3_6", "eee", ~picture), // another picture
                new Fingerprint(new Photo("3_7", "https://pbs.twimg.com/media/3_7.jpg", 1), null, null, "404"));

        MediaGraph graph = MediaGraph.of(fingerprints, MediaFingerprints.NEAR);

        assertThat(graph.nodes()).extracting(MediaGraph.Node::id)
                .containsExactly("3_1", "3_2", "3_3", "3_4", "3_5", "3_6");
        assertThat(graph.links()).containsExactly(new MediaGraph.Link("3_1", "3_2", 0),
                new MediaGraph.Link("3_1", "3_3", 0), new MediaGraph.Link("3_1", "3_4", 4),
                new MediaGraph.Link("3_4", "3_5", 2));
        assertThat(graph.clusters()).extracting(cluster -> cluster.photos().size()).containsExactly(5);
    }

    private static Fingerprint fingerprint(String id, String md5, long phash) {
        return new Fingerprint(new Photo(id, "https://pbs.twimg.com/media/" + id + ".jpg", 1), md5, phash, null);
    }

    private static MediaGraph.Node node(String id, long count, String md5) {
        return new MediaGraph.Node(id, "https://pbs.twimg.com/media/" + id + ".jpg", count, md5);
    }

    private static MediaGraph.Node node(String id, long count) {
        return node(id, count, "md5-of-" + id);
    }

    private static MediaGraph.Link link(String source, String target) {
        return new MediaGraph.Link(source, target, 4);
    }
}

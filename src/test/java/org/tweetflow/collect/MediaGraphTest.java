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

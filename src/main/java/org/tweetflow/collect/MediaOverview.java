package org.tweetflow.collect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a collection's page shows of its photos, made by the media step beside media.csv and media-graph.json (as
 * {@code media/overview.json}, with the thumbnails: not an output of its own, left out of the bundle): the page
 * reloads itself while anything runs, and each view reads these few kilobytes, not the graph and count-media.csv.
 *
 * @param common    the {@value #COMMON} pictures most attached: identical copies under other media keys counted
 *                  together, a photo not fetched on its own
 * @param matching  the {@value #GROUPS} largest groups of matching photos (the same picture or a near copy)
 * @param groups    how many groups match in all
 * @param unfetched the hosts that did not answer, with how many of their photos were not fetched and why
 */
public record MediaOverview(List<Shown> common, List<Group> matching, int groups, List<Unfetched> unfetched) {

    public static final String FILE = "overview.json";
    static final int COMMON = 12;
    static final int GROUPS = 10;
    static final int GROUP_SHOWN = 6;

    /** A photo: its media key, its address, the posts attaching it (or its {@code copies} identical copies). */
    public record Shown(String mediaKey, String url, long posts, int copies) {
    }

    /** Photos that match: the most attached of them, how many there are, the posts attaching them (summed). */
    public record Group(List<Shown> shown, int photos, long attachments) {
    }

    /** Photos of {@code host} not fetched because it did not answer; {@code why} is the first of them's reason. */
    public record Unfetched(String host, int photos, String why) {
    }

    static MediaOverview of(List<Fingerprint> fingerprints, MediaGraph graph) {
        List<Shown> common = new ArrayList<>();
        for (MediaGraph.Cluster copies : graph.copies()) {
            MediaGraph.Node most = copies.photos().get(0);
            common.add(new Shown(most.id(), most.url(), copies.attachments(), copies.photos().size()));
        }
        Set<String> fetched = new HashSet<>();
        graph.nodes().forEach(node -> fetched.add(node.id()));
        Map<String, Unfetched> unfetched = new LinkedHashMap<>();
        for (Fingerprint f : fingerprints) {
            if (!fetched.contains(f.photo().mediaKey())) {
                common.add(new Shown(f.photo().mediaKey(), f.photo().url(), f.photo().count(), 1));
            }
            if (f.hostFailed()) {
                unfetched.merge(MediaHosts.host(f.photo()), new Unfetched(MediaHosts.host(f.photo()), 1,
                        f.failure()), (first, one) -> new Unfetched(first.host(), first.photos() + 1, first.why()));
            }
        }
        List<MediaGraph.Cluster> clusters = graph.clusters();
        return new MediaOverview(common.stream().sorted(Comparator.comparingLong(Shown::posts).reversed()
                        .thenComparing(Shown::mediaKey)).limit(COMMON).toList(),
                clusters.stream().limit(GROUPS).map(cluster -> new Group(cluster.photos().stream()
                        .limit(GROUP_SHOWN).map(node -> new Shown(node.id(), node.url(), node.count(), 1)).toList(),
                        cluster.photos().size(), cluster.attachments())).toList(),
                clusters.size(), List.copyOf(unfetched.values()));
    }
}

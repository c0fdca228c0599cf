package org.tweetflow.collect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code media-graph.json}: the fetched photos as nodes, and a link between two whose perceptual hashes are near
 * (exact duplicates at distance 0). Written by {@link MediaFingerprints}, read back for the matching images.
 */
public record MediaGraph(List<Node> nodes, List<Link> links) {

    private static final Comparator<Node> MOST_ATTACHED = Comparator.comparingLong(Node::count).reversed()
            .thenComparing(Node::id);

    /** A fetched photo: its media key, where X serves it, the posts attaching it, its MD5. */
    public record Node(String id, String url, long count, String md5) {
    }

    public record Link(String source, String target, int distance) {
    }

    /** Photos that match, the most attached first. */
    public record Cluster(List<Node> photos) {

        /** The posts attaching them, summed over the photos: a post attaching two of them counts twice. */
        public long attachments() {
            return photos.stream().mapToLong(Node::count).sum();
        }
    }

    /**
     * The graph of the fetched photos: each identical copy (the same MD5) linked to the first photo with its bytes,
     * each picture with the same perceptual hash as an earlier one to that one (both at distance 0), and the
     * distinct hashes grouped by {@link NearHashes}: a link only where it joins two groups. A picture posted or
     * re-encoded a thousand times makes a thousand links, not half a million; the groups (connected components) are
     * those of linking every pair at most {@code near} bits apart.
     */
    public static MediaGraph of(List<Fingerprint> fingerprints, int near) {
        List<Fingerprint> fetched = fingerprints.stream().filter(f -> f.fetched() && f.phash() != null).toList();
        List<Node> nodes = fetched.stream().map(f -> new Node(f.photo().mediaKey(), f.photo().url(),
                f.photo().count(), f.md5())).toList();
        List<Link> links = new ArrayList<>();
        Map<String, Fingerprint> firstCopies = new LinkedHashMap<>();
        Map<Long, Fingerprint> firstOfHash = new LinkedHashMap<>();
        for (Fingerprint copy : fetched) {
            Fingerprint first = firstCopies.putIfAbsent(copy.md5(), copy);
            if (first == null) {
                first = firstOfHash.putIfAbsent(copy.phash(), copy);
            }
            if (first != null) {
                links.add(new Link(first.photo().mediaKey(), copy.photo().mediaKey(), 0));
            }
        }
        List<Fingerprint> pictures = List.copyOf(firstOfHash.values());
        NearHashes.group(pictures.stream().mapToLong(Fingerprint::phash).toArray(), near,
                (earlier, later, distance) -> links.add(new Link(pictures.get(earlier).photo().mediaKey(),
                        pictures.get(later).photo().mediaKey(), distance)));
        return new MediaGraph(nodes, links);
    }

    /**
     * The same picture under several media keys (one MD5: posted again, not retweeted), counted together, the most
     * attached first; a picture posted once is a group of its own.
     */
    public List<Cluster> copies() {
        Map<String, List<Node>> byBytes = new LinkedHashMap<>();
        nodes.forEach(node -> byBytes.computeIfAbsent(node.md5(), md5 -> new ArrayList<>()).add(node));
        return byBytes.values().stream().map(same -> new Cluster(same.stream().sorted(MOST_ATTACHED).toList()))
                .sorted(Comparator.comparingLong(Cluster::attachments).reversed()
                        .thenComparing(cluster -> cluster.photos().get(0).id()))
                .toList();
    }

    /**
     * The matching images: the photos the links join, directly or through others (connected components), in groups
     * of two or more; the largest group first (then the most attached), and in a group the most attached photo first.
     */
    public List<Cluster> clusters() {
        Map<String, String> parent = new HashMap<>();
        nodes.forEach(node -> parent.put(node.id(), node.id()));
        for (Link link : links) {
            if (parent.containsKey(link.source()) && parent.containsKey(link.target())) {
                parent.put(root(parent, link.source()), root(parent, link.target()));
            }
        }
        Map<String, List<Node>> groups = new LinkedHashMap<>();
        nodes.forEach(node -> groups.computeIfAbsent(root(parent, node.id()), root -> new ArrayList<>()).add(node));
        return groups.values().stream().filter(group -> group.size() > 1)
                .map(group -> new Cluster(group.stream().sorted(MOST_ATTACHED).toList()))
                .sorted(Comparator.comparingInt((Cluster cluster) -> cluster.photos().size()).reversed()
                        .thenComparing(Comparator.comparingLong(Cluster::attachments).reversed())
                        .thenComparing(cluster -> cluster.photos().get(0).id()))
                .toList();
    }

    private static String root(Map<String, String> parent, String id) {
        String root = id;
        while (!parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        parent.put(id, root);
        return root;
    }
}

package org.tweetflow.collect;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.tweetflow.collect.summary.CsvReader;
import org.tweetflow.config.TweetflowProperties;

/** Two or more summarised collections' hashtags side by side, from their count-hashtags.csv. */
@Component
public class HashtagComparison {

    private final CollectionSummaries summaries;
    private final int compareMax;

    public HashtagComparison(CollectionSummaries summaries, TweetflowProperties properties) {
        this.summaries = summaries;
        this.compareMax = properties.collect().compareMax();
    }

    /**
     * The collections asked for, each once and in the order first asked; checked before anything is read, as each
     * collection compared reads a file.
     *
     * @throws InvalidCollectionException for fewer than two distinct collections or more than compare-max
     */
    public List<Long> chosen(List<Long> asked) {
        List<Long> distinct = asked.stream().distinct().toList();
        if (distinct.size() < 2) {
            throw new InvalidCollectionException("compare needs two or more different collections, not "
                    + distinct.size());
        }
        if (distinct.size() > compareMax) {
            throw new InvalidCollectionException("compare at most " + compareMax + " collections at once, not "
                    + distinct.size());
        }
        return distinct;
    }

    /**
     * For each hashtag of the collections {@link #chosen}, its count in each (0 when absent), most used in all of
     * them first.
     *
     * @throws InvalidCollectionException for a collection not summarised yet
     */
    public Map<String, List<Long>> compare(List<Long> collectionIds) throws IOException {
        Map<String, long[]> sideBySide = new HashMap<>();
        for (int i = 0; i < collectionIds.size(); i++) {
            int column = i;
            counts(collectionIds.get(i)).forEach((tag, count) ->
                    sideBySide.computeIfAbsent(tag, t -> new long[collectionIds.size()])[column] = count);
        }
        List<Map.Entry<String, long[]>> ordered = new ArrayList<>(sideBySide.entrySet());
        ordered.sort(Comparator.comparingLong((Map.Entry<String, long[]> entry) -> -total(entry.getValue()))
                .thenComparing(Map.Entry::getKey));
        Map<String, List<Long>> result = new LinkedHashMap<>();
        ordered.forEach(entry -> result.put(entry.getKey(), Arrays.stream(entry.getValue()).boxed().toList()));
        return result;
    }

    private Map<String, Long> counts(long collectionId) throws IOException {
        Path file = summaries.file(collectionId, "count-hashtags.csv");
        if (file == null) {
            throw new InvalidCollectionException("collection " + collectionId + " is not summarised yet");
        }
        Map<String, Long> counts = new HashMap<>();
        try (CsvReader csv = CsvReader.open(file)) {
            csv.next(); // hashtag,count
            for (List<String> row = csv.next(); row != null; row = csv.next()) {
                counts.put(row.get(0), Long.parseLong(row.get(1).strip()));
            }
        }
        return counts;
    }

    private static long total(long[] counts) {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        return total;
    }
}

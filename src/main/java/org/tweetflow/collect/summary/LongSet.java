package org.tweetflow.collect.summary;

/**
 * A set of longs in one array (open addressing, linear probing): a million post ids cost 16 MB, not the ~80 MB of
 * a {@code HashSet<Long>}. Zero marks a free slot, so zero itself is kept aside.
 */
final class LongSet {

    private long[] slots = new long[1024];
    private int size;
    private boolean hasZero;

    /** Adds the value; false when it was there already. */
    boolean add(long value) {
        if (value == 0) {
            boolean added = !hasZero;
            hasZero = true;
            return added;
        }
        int mask = slots.length - 1;
        for (int i = LongCounts.mix(value) & mask;; i = (i + 1) & mask) {
            if (slots[i] == value) {
                return false;
            }
            if (slots[i] == 0) {
                slots[i] = value;
                if (++size * 2 > slots.length) {
                    grow();
                }
                return true;
            }
        }
    }

    int size() {
        return size + (hasZero ? 1 : 0);
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        int mask = slots.length - 1;
        for (long value : old) {
            if (value != 0) {
                int i = LongCounts.mix(value) & mask;
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = value;
            }
        }
    }
}

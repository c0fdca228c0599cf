package org.tweetflow.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * Heap figures of the JVM it runs in, from {@link #start()} to {@link #stop()}: the sum of the heap pools' peaks
 * (garbage included), the largest heap used right after a collection (what is kept, with what the old generation
 * has not collected yet), the number of collections and their pauses.
 */
final class HeapWatch {

    private final List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    private final AtomicLong afterGc = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();
    private final AtomicLong pauseMillis = new AtomicLong();
    private volatile boolean watching;

    HeapWatch() {
        ManagementFactory.getGarbageCollectorMXBeans().forEach(gc -> ((NotificationEmitter) gc)
                .addNotificationListener((notification, handback) -> {
                    if (watching && GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
                            .equals(notification.getType())) {
                        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
                                .from((CompositeData) notification.getUserData());
                        long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                                .mapToLong(MemoryUsage::getUsed).sum();
                        afterGc.accumulateAndGet(used, Math::max);
                        collections.incrementAndGet();
                        pauseMillis.addAndGet(info.getGcInfo().getDuration());
                    }
                }, null, null));
    }

    /** A clean start: one collection before, none forced while watching. */
    void start() {
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        afterGc.set(0);
        collections.set(0);
        pauseMillis.set(0);
        watching = true;
    }

    void stop() {
        watching = false;
    }

    long poolPeakSum() {
        return heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    long peakAfterGc() {
        return afterGc.get();
    }

    long collections() {
        return collections.get();
    }

    /** The collections' durations as the collectors report them (G1: its pauses; concurrent marking not included). */
    long pauseMillis() {
        return pauseMillis.get();
    }
}

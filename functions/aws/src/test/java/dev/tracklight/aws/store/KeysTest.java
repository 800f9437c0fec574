package dev.tracklight.aws.store;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class KeysTest {

    private static final Instant HOUR = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void anHoursRawBodiesDueShipmentsPollsDeliveriesAndLessonsSpreadOverEveryShardAndReadersAskEachOne() {
        // GIVEN a thousand receipts and shipments of one hour
        Set<String> raw = new HashSet<>();
        Set<String> due = new HashSet<>();
        Set<String> polls = new HashSet<>();
        Set<String> deliveries = new HashSet<>();
        Set<String> lessons = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            raw.add(Keys.rawHour(HOUR.plusSeconds(i), "whr_" + (1796292000000L + i) + "_" + i));
            due.add(Keys.dueHour(HOUR.plusSeconds(i), "shp_" + Integer.toHexString(i * 7919)));
            polls.add(Keys.pollDueHour(HOUR.plusSeconds(i), "shp_" + Integer.toHexString(i * 104729)));
            deliveries.add(Keys.deliveryDueHour(HOUR.plusSeconds(i), "evt_" + Integer.toHexString(i * 15485863)));
            lessons.add(Keys.lessonHour(HOUR.plusSeconds(i), "shp_" + Integer.toHexString(i * 31337)));
        }

        // THEN they use every shard, and the readers' lists hold each key written, and the unsharded one older versions wrote
        assertThat(raw).hasSize(Keys.HOUR_SHARDS);
        assertThat(due).hasSize(Keys.HOUR_SHARDS);
        assertThat(polls).hasSize(Keys.HOUR_SHARDS);
        assertThat(deliveries).hasSize(Keys.HOUR_SHARDS);
        assertThat(lessons).hasSize(Keys.HOUR_SHARDS);
        assertThat(Keys.rawHourShards(HOUR)).containsAll(raw).contains("RAW#2026-12-03T10").hasSize(Keys.HOUR_SHARDS + 1);
        assertThat(Keys.dueHourShards(HOUR.plusSeconds(1_800))).containsAll(due).contains("DUE#2026-12-03T10").hasSize(Keys.HOUR_SHARDS + 1);
        assertThat(Keys.pollDueHourShards(HOUR)).containsAll(polls).hasSize(Keys.HOUR_SHARDS + 1);
        assertThat(Keys.deliveryDueHourShards(HOUR)).containsAll(deliveries).hasSize(Keys.HOUR_SHARDS + 1);
        assertThat(Keys.lessonHourShards(HOUR)).containsAll(lessons).hasSize(Keys.HOUR_SHARDS + 1);
    }
}

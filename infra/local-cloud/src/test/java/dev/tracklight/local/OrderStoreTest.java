package dev.tracklight.local;

import dev.tracklight.aws.store.OrderStore;
import dev.tracklight.core.order.Order;
import dev.tracklight.core.order.OrderStage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** An order has one page however many writers open it at once, and each stage keeps its earliest report. */
class OrderStoreTest {

    private static final Instant NOW = Instant.parse("2026-12-04T08:00:00Z");

    private final MovableClock clock = new MovableClock(NOW);

    private OrderStore store() throws Exception {
        return new OrderStore(SharedCloud.get().dynamoDb(), SharedCloud.table(), clock);
    }

    @Test
    void writersOpeningTheSameNewOrderAtOnceAllGetItsOneToken() throws Exception {
        // GIVEN an order nobody has heard of, and eight writers (a fulfilment's parcels, a stage report) at once
        OrderStore store = store();
        String tenant = "tenant-" + UUID.randomUUID();
        List<Future<Order>> opened = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                opened.add(pool.submit((Callable<Order>) () -> store.open(tenant, "1001")));
            }
        }

        // THEN one token, the one its page is found by
        List<String> tokens = new ArrayList<>();
        for (Future<Order> order : opened) {
            tokens.add(order.get().token());
        }
        assertThat(tokens).doesNotContainNull().containsOnly(tokens.getFirst());
        assertThat(store.findByToken(tokens.getFirst())).get().extracting(Order::tenantId, Order::orderId).containsExactly(tenant, "1001");
        assertThat(store.findByToken("x".repeat(3000))).isEmpty();
    }

    @Test
    void aStageKeepsItsEarliestReportWhateverOrderTheReportsArriveIn() throws Exception {
        // GIVEN an order packed, reported late first and then early, and a repeat
        OrderStore store = store();
        String tenant = "tenant-" + UUID.randomUUID();
        Order opened = store.open(tenant, "1002");
        store.reach(opened, OrderStage.PACKED, NOW.minusSeconds(60));
        store.reach(opened, OrderStage.PACKED, NOW.minusSeconds(3_600));
        store.reach(opened, OrderStage.PACKED, NOW.minusSeconds(60));

        // THEN the earliest stands, and nothing else was reached
        Order order = store.get(tenant, "1002").orElseThrow();
        assertThat(order.reported()).containsExactlyEntriesOf(java.util.Map.of(OrderStage.PACKED, NOW.minusSeconds(3_600)));
        assertThat(order.createdAt()).isEqualTo(NOW);
    }
}

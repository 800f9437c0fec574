package dev.tracklight.local;

import dev.tracklight.aws.store.EtaModelStore;
import dev.tracklight.core.eta.ShipmentTransit;
import dev.tracklight.core.eta.TransitLessons;
import dev.tracklight.core.eta.engine.TransitEngine;
import dev.tracklight.core.eta.engine.TransitFeatures;
import dev.tracklight.core.model.Location;
import dev.tracklight.core.model.Shipment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Each tenant's transit engine learns only its own deliveries; the shared prior takes a bounded share of each. */
class EtaModelStoreTest {

    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    private static final Location HANGZHOU = new Location("Hangzhou", "ZJ", "CN", "310000", null, null);
    private static final Location SHANGHAI = new Location("Shanghai", "SH", "CN", "200000", null, null);
    private static final Instant NOW = Instant.parse("2026-11-30T04:00:00Z");

    private final MovableClock clock = new MovableClock(NOW);
    private EtaModelStore store;

    /** A table of its own, so the prior counts only what this test teaches it. */
    @BeforeEach
    void freshTable() throws Exception {
        var dynamo = SharedCloud.get().dynamoDb();
        String table = "eta-" + UUID.randomUUID();
        dynamo.createTable(request -> request.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build()));
        store = new EtaModelStore(dynamo, table, clock);
    }

    private static Shipment shipment(String tenant, int i, Instant handedOver) {
        return Shipment.registered(tenant, tenant + "-" + i, null, "jd", "JD" + i, null, HANGZHOU, SHANGHAI, null, null, tenant + "-" + i,
                handedOver);
    }

    /** Teaches {@code count} deliveries of about {@code hours} transit to the tenant, and to {@code alone} as well. */
    private void teach(String tenant, int count, long hours, TransitEngine alone) {
        Instant first = NOW.minus(Duration.ofDays(80));
        for (int i = 0; i < count; i++) {
            Instant handedOver = first.plus(Duration.ofHours(24L * i));
            Instant delivered = handedOver.plus(Duration.ofHours(hours + i % 5));
            Shipment past = shipment(tenant, i, handedOver);
            assertThat(store.learn(past, handedOver, delivered, CHINA)).isTrue();
            if (alone != null) {
                TransitFeatures features = ShipmentTransit.features(past, handedOver, CHINA);
                alone.learn(features, LocalDateTime.ofInstant(delivered, CHINA), alone.deliveries() == 0 ? null
                        : alone.predict(features, LocalDateTime.ofInstant(handedOver, CHINA)));
            }
        }
    }

    private static TransitFeatures next(String tenant) {
        return ShipmentTransit.features(shipment(tenant, 999, NOW), NOW, CHINA);
    }

    @Test
    void aTenantsEngineLearnsOnlyItsOwnDeliveriesAndANewTenantStartsFromTheSharedPrior() {
        // GIVEN a tenant whose parcels take about a day, and one whose (wrong) data says twenty days on the same lane
        Shipment fast = shipment("fast-" + UUID.randomUUID(), 0, NOW);
        TransitEngine fastAlone = new TransitEngine(ShipmentTransit.clock(fast));
        String slow = "slow-" + UUID.randomUUID();
        teach(fast.tenantId(), 40, 26, fastAlone);
        teach(slow, 40, 480, null);

        // THEN the fast tenant is estimated exactly as if no other tenant existed
        TransitEngine fastEngine = store.engineFor(fast).orElseThrow();
        LocalDateTime now = LocalDateTime.ofInstant(NOW, CHINA);
        assertThat(fastEngine.deliveries()).isEqualTo(40);
        assertThat(fastEngine.predict(next(fast.tenantId()), now).likely())
                .isEqualTo(fastAlone.predict(next(fast.tenantId()), now).likely());

        // AND a new tenant gets the prior, which took only each tenant's daily share: 20 + 20 of the 80
        Shipment newcomer = shipment("new-" + UUID.randomUUID(), 0, NOW);
        assertThat(store.engineFor(newcomer).orElseThrow().deliveries()).isEqualTo(2L * TransitLessons.PRIOR_SHARE_PER_DAY);

        // AND the next day the slow tenant adds its share again, no more
        clock.advance(Duration.ofDays(1));
        teach(slow, 40, 480, null);
        assertThat(store.engineFor(newcomer).orElseThrow().deliveries()).isEqualTo(3L * TransitLessons.PRIOR_SHARE_PER_DAY);
    }

    @Test
    void aDeliveryNoParcelCouldHaveMadeTeachesNothing() {
        Shipment delivered = shipment("outliers-" + UUID.randomUUID(), 0, NOW);
        Instant handedOver = NOW.minus(Duration.ofDays(3));

        assertThat(store.learn(delivered, handedOver, handedOver.minus(Duration.ofHours(1)), CHINA)).as("before its hand-off").isFalse();
        assertThat(store.learn(delivered, handedOver, handedOver.plus(Duration.ofDays(3 * 365)), CHINA)).as("three years on the way").isFalse();
        assertThat(store.learn(delivered, handedOver, Instant.parse("2029-09-26T00:00:00Z"), CHINA)).as("delivered in 2029").isFalse();
        assertThat(store.learn(delivered, Instant.parse("1999-12-31T00:00:00Z"), Instant.parse("2000-01-02T00:00:00Z"), CHINA))
                .as("handed over before 2000").isFalse();
        assertThat(store.engineFor(delivered)).isEmpty();
    }
}

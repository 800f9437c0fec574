package dev.tracklight.core.delay;

import dev.tracklight.core.model.Shipment;
import dev.tracklight.core.model.Status;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StageSlaTest {

    private static final Instant REGISTERED = Instant.parse("2026-11-20T00:00:00Z");

    @Test
    void eachStageHasItsOwnLimit() {
        assertThat(Stage.of(Status.INFO_RECEIVED)).isEqualTo(Stage.FIRST_MILE);
        assertThat(Stage.of(Status.IN_TRANSIT)).isEqualTo(Stage.LINE_HAUL);
        assertThat(Stage.of(Status.OUT_FOR_DELIVERY)).isEqualTo(Stage.LAST_MILE);
        assertThat(Stage.of(Status.AVAILABLE_FOR_PICKUP)).isEqualTo(Stage.PICKUP_POINT);
        assertThat(StageSla.DEFAULT.limit(Stage.LAST_MILE)).isLessThan(StageSla.DEFAULT.limit(Stage.LINE_HAUL));
        assertThat(StageSla.DEFAULT.limit(Stage.PICKUP_POINT)).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void aNeverScannedShipmentIsDueAfterTheFirstMileLimitFromRegistration() {
        Shipment registered = Shipment.registered("t", "s", null, "ups", "1Z", null, null, null, null, null, "tok", REGISTERED);

        assertThat(StageSla.DEFAULT.dueAt(registered.progress(), registered.createdAt())).hasValue(REGISTERED.plus(StageSla.DEFAULT.limit(Stage.FIRST_MILE)));
    }

    @Test
    void overridesReplaceOnlyTheStagesTheyName() {
        StageSla tenant = StageSla.DEFAULT.withOverrides(Map.of(Stage.LAST_MILE, Duration.ofHours(12)));

        assertThat(tenant.limit(Stage.LAST_MILE)).isEqualTo(Duration.ofHours(12));
        assertThat(tenant.limit(Stage.LINE_HAUL)).isEqualTo(StageSla.DEFAULT.limit(Stage.LINE_HAUL));
        assertThat(StageSla.DEFAULT.limit(Stage.LAST_MILE)).as("the defaults are untouched").isEqualTo(Duration.ofHours(30));
    }

    @Test
    void postalNetworksThatScanLessOftenGetALongerLineHaulByDefault() {
        assertThat(StageSla.forCarrier("usps").limit(Stage.LINE_HAUL)).isEqualTo(Duration.ofHours(96));
        assertThat(StageSla.forCarrier("china-post").limit(Stage.LINE_HAUL)).isEqualTo(Duration.ofDays(7));
        assertThat(StageSla.forCarrier("usps").limit(Stage.LAST_MILE)).isEqualTo(StageSla.DEFAULT.limit(Stage.LAST_MILE));
        assertThat(StageSla.forCarrier("ups").limit(Stage.LINE_HAUL)).isEqualTo(StageSla.DEFAULT.limit(Stage.LINE_HAUL));
    }
}
